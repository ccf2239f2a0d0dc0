/**
 * A small Markdown subset for catalog text (summaries, commentary), parsed into a typed tree.
 *
 * Catalog text comes from feeds we do not control and is shown next to the reader's notes, so nothing here
 * produces HTML: the tree holds only text, emphasis, line breaks and links whose URL was checked, and the
 * renderer turns it into elements. Raw HTML, entities and unsupported syntax stay literal text.
 *
 * Supported: paragraphs (blank-line separated), `**strong**`/`__strong__`, `*em*`/`_em_`, `[text](url)` links
 * (http, https and mailto only; other links keep their text and lose the link), `-`/`*`/`+` and `1.` lists,
 * `>` blockquotes, backslash escapes, and hard line breaks (two trailing spaces or a backslash before the
 * newline; a plain newline is a space, as in CommonMark, so text wrapped in an editor reads as one paragraph).
 *
 * Hostile input stays cheap. Blockquote nesting is capped. Inline nesting is bounded by construction: a
 * delimiter closes at the first closer of its kind, so the same kind can never open again inside itself, and
 * links do not nest; at most four kinds of emphasis and one link deep. Closers are found with a forward-only
 * scan whose results are reused, so unterminated markup costs linear time instead of a rescan per opener.
 */

export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  | { type: 'link'; href: string; children: MdInline[] }
  | { type: 'break' };

export type MdBlock =
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'list'; ordered: boolean; start: number; items: MdInline[][] }
  | { type: 'blockquote'; children: MdBlock[] };

/** Deeper blockquotes keep their `>` as text. */
const MAX_QUOTE_DEPTH = 8;

const QUOTE = /^ {0,3}> ?/;
const BULLET_ITEM = /^ {0,3}[-*+][ \t]+(?=\S)/;
const ORDERED_ITEM = /^ {0,3}(\d{1,9})[.)][ \t]+(?=\S)/;
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

const isBlank = (line: string) => line.trim() === '';
const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isPunctuation = (ch: string | undefined) => ch !== undefined && /[!-/:-@[-`{-~]/.test(ch);

interface ListItemStart {
  ordered: boolean;
  start: number;
  content: string;
}

function listItemStart(line: string): ListItemStart | null {
  const bullet = BULLET_ITEM.exec(line);
  if (bullet) return { ordered: false, start: 1, content: line.slice(bullet[0].length) };
  const ordered = ORDERED_ITEM.exec(line);
  if (ordered) return { ordered: true, start: Number(ordered[1]), content: line.slice(ordered[0].length) };
  return null;
}

/** Parses `source` into blocks; never throws, and never yields HTML. */
export function parseMarkdown(source: string): MdBlock[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'), 0);
}

function parseBlocks(lines: readonly string[], depth: number): MdBlock[] {
  const blocks: MdBlock[] = [];
  const isQuote = (line: string) => depth < MAX_QUOTE_DEPTH && QUOTE.test(line);
  let i = 0;
  const line = () => lines[i] ?? '';

  while (i < lines.length) {
    if (isBlank(line())) {
      i++;
    } else if (isQuote(line())) {
      const inner: string[] = [];
      for (; i < lines.length && isQuote(line()); i++) inner.push(line().replace(QUOTE, ''));
      blocks.push({ type: 'blockquote', children: parseBlocks(inner, depth + 1) });
    } else {
      const first = listItemStart(line());
      if (first) {
        const items: string[][] = [[first.content]];
        for (i++; i < lines.length; i++) {
          if (isBlank(line())) {
            // A blank line between items keeps the list going; anything else after it ends the list.
            let next = i;
            while (next < lines.length && isBlank(lines[next] ?? '')) next++;
            if (listItemStart(lines[next] ?? '')?.ordered !== first.ordered) break;
            i = next;
          }
          const item = listItemStart(line());
          if (item && item.ordered !== first.ordered) break;
          if (!item && isQuote(line())) break;
          if (item) items.push([item.content]);
          else items.at(-1)?.push(line().trim());
        }
        const parsed = items.map((item) => parseInline(item.join('\n')));
        blocks.push({ type: 'list', ordered: first.ordered, start: first.start, items: parsed });
      } else {
        // A paragraph runs to a blank line, a quote, or a list item (an ordered one only if it starts at 1).
        const text: string[] = [];
        do text.push(line().trimStart());
        while (++i < lines.length && !isBlank(line()) && !isQuote(line()) && !interruptsParagraph(line()));
        blocks.push({ type: 'paragraph', children: parseInline(text.join('\n').trimEnd()) });
      }
    }
  }
  return blocks;
}

function interruptsParagraph(line: string): boolean {
  const item = listItemStart(line);
  return item !== null && (!item.ordered || item.start === 1);
}

/** Where a closing delimiter may stand; each is a fixed function so its search results can be reused. */
type Closer = (src: string, at: number) => boolean;

const closeStrongStar: Closer = (s, i) => s.startsWith('**', i) && !isSpace(s[i - 1]);
const closeStrongUnderscore: Closer = (s, i) => s.startsWith('__', i) && !isSpace(s[i - 1]) && !isWordChar(s[i + 2]);
const closeEmStar: Closer = (s, i) => s[i] === '*' && s[i + 1] !== '*' && s[i - 1] !== '*' && !isSpace(s[i - 1]);
const closeEmUnderscore: Closer = (s, i) =>
  s[i] === '_' && s[i + 1] !== '_' && s[i - 1] !== '_' && !isSpace(s[i - 1]) && !isWordChar(s[i + 1]);
const closeBracket: Closer = (s, i) => s[i] === ']';
const closeParen: Closer = (s, i) => s[i] === ')';

/**
 * Finds closers in one source string. Parsing moves forward only, so when a search starts at or after the
 * previous start of the same kind but not past its answer, that answer still holds: each kind scans each
 * character about once, however many unmatched openers there are.
 */
class CloserSearch {
  private readonly last = new Map<Closer, { from: number; at: number }>();
  constructor(private readonly src: string) {}

  find(closer: Closer, from: number, end: number): number {
    const last = this.last.get(closer);
    let at = -1;
    if (last && from >= last.from && (last.at === -1 || from <= last.at)) {
      at = last.at;
    } else {
      for (let i = from; i < this.src.length && at === -1; i++) if (closer(this.src, i)) at = i;
      this.last.set(closer, { from, at });
    }
    return at < end ? at : -1;
  }
}

/** The URL to link to, or null for schemes a catalog may not link to (`javascript:`, `data:`, relative). */
function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return LINK_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function parseInline(src: string): MdInline[] {
  return new InlineParser(src).parse(0, src.length, true);
}

class InlineParser {
  private readonly search: CloserSearch;
  constructor(private readonly src: string) {
    this.search = new CloserSearch(src);
  }

  parse(start: number, end: number, links: boolean): MdInline[] {
    const { src } = this;
    const out: MdInline[] = [];
    const text = (t: string) => {
      const prev = out.at(-1);
      if (prev?.type === 'text') prev.text += t;
      else if (t !== '') out.push({ type: 'text', text: t });
    };
    const lineBreak = () => {
      const prev = out.at(-1);
      if (prev?.type === 'text') prev.text = prev.text.trimEnd();
      out.push({ type: 'break' });
    };
    let i = start;
    while (i < end) {
      const ch = src[i] ?? '';
      const next = src[i + 1];
      if (ch === '\\' && next === '\n' && i + 1 < end) {
        lineBreak();
        i += 2;
      } else if (ch === '\\' && isPunctuation(next) && i + 1 < end) {
        text(next ?? '');
        i += 2;
      } else if (ch === '\n') {
        const prev = out.at(-1);
        if (prev?.type === 'text' && prev.text.endsWith('  ')) lineBreak();
        else if (prev?.type === 'text') prev.text = `${prev.text.trimEnd()}\n`;
        else text('\n');
        i++;
      } else {
        const consumed = this.markup(i, end, links, out);
        if (consumed > 0) i += consumed;
        else {
          text(ch);
          i++;
        }
      }
    }
    return out;
  }

  /** Parses the emphasis or link opening at `i` into `out`; returns how many characters it used (0: none). */
  private markup(i: number, end: number, links: boolean, out: MdInline[]): number {
    const { src, search } = this;
    const ch = src[i];
    const after = src[i + 2];
    if ((ch === '*' || ch === '_') && src[i + 1] === ch && !isSpace(after) && (ch === '*' || !isWordChar(src[i - 1]))) {
      const close = search.find(ch === '*' ? closeStrongStar : closeStrongUnderscore, i + 2, end - 1);
      if (close > i + 2) {
        out.push({ type: 'strong', children: this.parse(i + 2, close, links) });
        return close + 2 - i;
      }
    }
    if ((ch === '*' || ch === '_') && src[i + 1] !== ch && !isSpace(src[i + 1]) && src[i - 1] !== ch) {
      if (ch === '_' && isWordChar(src[i - 1])) return 0;
      const close = search.find(ch === '*' ? closeEmStar : closeEmUnderscore, i + 1, end);
      if (close > i + 1) {
        out.push({ type: 'em', children: this.parse(i + 1, close, links) });
        return close + 1 - i;
      }
    }
    if (ch === '[' && links) {
      const closeText = search.find(closeBracket, i + 1, end);
      if (closeText === -1 || src[closeText + 1] !== '(') return 0;
      const closeUrl = search.find(closeParen, closeText + 2, end);
      const rawUrl = closeUrl === -1 ? '' : src.slice(closeText + 2, closeUrl).trim();
      if (rawUrl === '' || /\s/.test(rawUrl)) return 0;
      const children = this.parse(i + 1, closeText, false);
      const href = safeHref(rawUrl);
      // A refused link keeps its words, so the sentence still reads; it just is not a link.
      if (href === null) for (const child of children) out.push(child);
      else out.push({ type: 'link', href, children: children.length > 0 ? children : [{ type: 'text', text: href }] });
      return closeUrl + 1 - i;
    }
    return 0;
  }
}
