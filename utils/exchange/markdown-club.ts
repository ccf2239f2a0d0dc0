import { i18n } from '#i18n';

/**
 * The club's part of the Markdown digest: under each question, what members highlighted, with their names,
 * notes and replies. Everything here is a member's text, pasted into someone else's site, so it is escaped as
 * the reader's own notes are (the escaping functions are passed in from the digest, which owns them).
 */

/** A club highlight or reply as the digest needs it; the panel's threads (`ClubNode`) have this shape. */
export interface DigestClubNode {
  annotation: {
    author: { name: string };
    createdAt: string;
    note: string;
    selectors: readonly { type: string; exact?: string }[];
  };
  replies: readonly DigestClubNode[];
}

/** The club's highlights per question (`ClubThreads` from the club layer); null or absent: not included. */
export interface DigestClub {
  questions: readonly { questionId: string | null; threads: readonly DigestClubNode[] }[];
}

export interface Escapes {
  line(text: string): string;
  paragraph(text: string): string;
  space(text: string): string;
}

/**
 * Replies are marked by depth with "↳" rather than nested quotes or indentation: indentation makes code blocks
 * and nested quotes read badly where the digest is shown as plain text.
 */
export function clubBlocks(threads: readonly DigestClubNode[], escapes: Escapes): string[] {
  if (threads.length === 0) return [];
  const blocks = [`_${escapes.line(i18n.t('markdown.fromClub'))}_`];
  const stack: { node: DigestClubNode; depth: number }[] = threads.map((node) => ({ node, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: DigestClubNode; depth: number };
    const { author, note, createdAt, selectors } = node.annotation;
    const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector')?.exact;
    if (depth === 0 && quote) blocks.push(`> “${escapes.line(escapes.space(quote))}”`);
    const who = `${'↳ '.repeat(depth)}**${escapes.line(escapes.space(author.name))}** (${escapes.line(createdAt.slice(0, 10))})`;
    const text = escapes.paragraph(note);
    blocks.push(text === '' ? who : `${who}: ${text}`);
    for (const reply of [...node.replies].reverse()) stack.push({ node: reply, depth: depth + 1 });
  }
  return blocks;
}
