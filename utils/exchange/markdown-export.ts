import { i18n } from '#i18n';
import { httpUrl } from '../article/http-url';
import { localize } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';
import type { Highlight } from '../highlights/highlight';
import { pdfPageOf } from '../highlights/pdf-page';
import { byPageOrder, doiUrl } from './common';
import { clubBlocks, type DigestClub, type DigestClubNode } from './markdown-club';

/**
 * The Markdown digest a reader pastes into the club's discussion (blog comments, a forum): the article, then
 * each question the reader answered with their quotes and notes. It must read well both where Markdown is
 * rendered and where it is shown as plain text, so it uses bold labels rather than headings (many comment
 * forms drop headings), autolinks rather than link syntax for the article, and invisible hard line breaks.
 *
 * Quotes and notes are the reader's text (and the page's), pasted into someone else's site: every character
 * with Markdown meaning is escaped, so a note can add no link, image, emphasis, list, heading or raw HTML.
 * Bare URLs typed in a note stay visible text but may still be autolinked by GitHub-flavoured renderers; they
 * show where they go, unlike link syntax, so they are left alone.
 */

export interface MarkdownOptions {
  /**
   * The reader's UI language (a BCP 47 tag, `uiLanguage()`); picks the French or English text of the club's
   * questions, as the digest's own labels come in the language of the extension's messages, which it matches.
   */
  language: string;
  /** The highlight's share link, or null when it has none; linked after its quote. */
  shareLinkFor?: (highlight: Highlight) => string | null;
  /** When the digest is made; the digest says "as of" this (local) date. */
  now?: Date;
  /** The club's highlights, to add under each question after the reader's ("Include the club's highlights"). */
  club?: DigestClub | null;
}

/**
 * Questions the reader left unanswered are skipped rather than marked "(no highlights yet)": the digest is
 * posted as the reader's answers, and the numbers stay the club's, so "Question 3" still means question 3.
 * Highlights tied to a question the club has since removed go under "Other highlights" with the untied ones.
 */
export function exportMarkdown(
  entry: CatalogEntry,
  highlights: readonly Highlight[],
  options: MarkdownOptions,
): string {
  const blocks: string[] = [escapeParagraph(entry.citation), articleLinks(entry)];
  const byQuestion = new Map<string, Highlight[]>(entry.questions.map((q) => [q.id, []]));
  const others: Highlight[] = [];
  for (const highlight of [...highlights].sort(byPageOrder)) {
    const list = highlight.questionId === null ? undefined : byQuestion.get(highlight.questionId);
    (list ?? others).push(highlight);
  }

  const clubOf = (questionId: string) =>
    options.club?.questions.find((group) => group.questionId === questionId)?.threads ?? [];
  const known = new Set(entry.questions.map((question) => question.id));
  const clubOthers: DigestClubNode[] = (options.club?.questions ?? [])
    .filter((group) => group.questionId === null || !known.has(group.questionId))
    .flatMap((group) => group.threads);

  entry.questions.forEach((question, index) => {
    const answers = byQuestion.get(question.id) ?? [];
    const club = clubOf(question.id);
    if (answers.length === 0 && club.length === 0) return;
    const text = escapeLine(collapseSpace(localize(question.text, options.language)));
    blocks.push(`**${i18n.t('highlights.questionText', [String(index + 1), text])}**`);
    for (const highlight of answers) blocks.push(...highlightBlocks(highlight, options));
    blocks.push(...clubBlocks(club, ESCAPES));
  });
  if (others.length > 0 || clubOthers.length > 0) {
    blocks.push(`**${i18n.t('markdown.otherHighlights')}**`);
    for (const highlight of others) blocks.push(...highlightBlocks(highlight, options));
    blocks.push(...clubBlocks(clubOthers, ESCAPES));
  }
  if (highlights.length === 0 && clubOthers.length === 0 && !entry.questions.some((q) => clubOf(q.id).length > 0)) {
    blocks.push(i18n.t('markdown.none'));
  }

  blocks.push(i18n.t('markdown.asOf', [localDate(options.now ?? new Date())]));
  return `${blocks.join('\n\n')}\n`;
}

/** The DOI link (the version of record), then the open-access copy, each on its own line. */
function articleLinks(entry: CatalogEntry): string {
  const lines: string[] = [];
  const doi = entry.dois[0];
  if (doi !== undefined) lines.push(i18n.t('markdown.doi', [`<${doiUrl(doi)}>`]));
  const copy = entry.articleUrls[0];
  const copyUrl = copy === undefined ? null : safeUrl(copy);
  if (copyUrl !== null) lines.push(i18n.t('markdown.openCopy', [`<${copyUrl}>`]));
  return lines.join(HARD_BREAK);
}

/** "Shared with you", with the club the link named when it named one. */
export function sharedLabel(club: string): string {
  return club === '' ? i18n.t('highlights.shared') : i18n.t('highlights.sharedFrom', [club]);
}

/** The quote as a blockquote, linked to its share link, then the note as paragraphs below it. */
function highlightBlocks(highlight: Highlight, options: MarkdownOptions): string[] {
  const [quote] = highlight.target.selectors;
  const shareLink = options.shareLinkFor?.(highlight) ?? null;
  const link = shareLink === null ? null : safeUrl(shareLink);
  // A passage of a PDF cites its page, as a reader citing a paper would.
  const page = pdfPageOf(highlight.target.selectors);
  const cited = page === null ? '' : ` ${i18n.t('markdown.page', [String(page)])}`;
  const quoted = `> “${escapeLine(collapseSpace(quote.exact))}”${cited}${link === null ? '' : ` ([link](${link}))`}`;
  const note = escapeParagraph(highlight.note);
  // Someone else's words (a saved share link) are said to be, so the digest does not pass them off as the reader's.
  const shared = highlight.sharedFrom === undefined ? [] : [`_${escapeLine(sharedLabel(highlight.sharedFrom))}_`];
  return note === '' ? [quoted, ...shared] : [quoted, note, ...shared];
}

const ESCAPES = { line: escapeLine, paragraph: escapeParagraph, space: collapseSpace };

/** Two trailing spaces: a CommonMark hard break that is invisible where the text is shown plain. */
const HARD_BREAK = '  \n';

/**
 * Multi-line text (a note) as paragraphs: each line escaped and trimmed (leading spaces would make a code
 * block), lines joined by hard breaks so the reader's line breaks survive, blank lines kept as paragraph breaks.
 */
function escapeParagraph(text: string): string {
  return removeControls(text)
    .split(/\r\n?|\n/)
    .map((line) => escapeLine(line.trim()))
    .join('\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, '').replaceAll('\n', HARD_BREAK))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** Characters with inline meaning (emphasis, code, links, HTML, entities, tables, strikethrough), anywhere. */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~]/g;
/** Characters that start a heading, list, setext underline or ordered list, only at the start of a line. */
const BLOCK_START = /^(?:[#+=-]|\d+(?=[.)]))/;

/** One line with every Markdown-significant character backslash-escaped, so it renders as the same text. */
export function escapeLine(line: string): string {
  const escaped = line.replace(INLINE_SPECIAL, '\\$&');
  const start = BLOCK_START.exec(escaped)?.[0];
  if (start === undefined) return escaped;
  // A digit run stays as it is and its `.` or `)` is escaped; a single marker character is escaped itself.
  return /^\d/.test(start) ? `${start}\\${escaped.slice(start.length)}` : `\\${escaped}`;
}

function collapseSpace(text: string): string {
  return removeControls(text).replace(/\s+/g, ' ').trim();
}

/** C0 controls other than tab and newlines, and DEL: invisible, and some renderers choke on them. */
function removeControls(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/**
 * An http(s) URL fit for `<…>` and `(…)` link syntax, or null: `new URL` percent-encodes spaces, `<`, `>` and
 * quotes; parentheses are encoded here so they cannot close the link early.
 */
function safeUrl(raw: string): string | null {
  const url = httpUrl(raw);
  if (url === null) return null;
  return url.href.replaceAll('(', '%28').replaceAll(')', '%29');
}

/** `YYYY-MM-DD` in the reader's time zone: unambiguous in English and French, and the day they see. */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
