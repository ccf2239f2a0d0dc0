import { formatTextDirective, type TextDirective, TextMatcher } from './text-fragment-match';
import { readRenderedText } from './text-fragment-model';

/**
 * Text directives for share links: `text=…` such that a browser opening `page#:~:text=…` marks exactly the
 * highlighted passage, for recipients without the extension.
 *
 * Candidates are checked, not trusted: each one is run through the spec's matching algorithm over the page's
 * rendered text (`text-fragment-match.ts`), and kept only when the browser's first match is the passage and
 * nothing else on the page matches. Of those, the shortest is used, to keep links short.
 */

export {
  encodeTerm,
  formatTextDirective,
  parseTextDirective,
  type TextDirective,
  TextMatcher,
} from './text-fragment-match';
export { type RenderedText, readRenderedText } from './text-fragment-model';

/** Passages up to this long are quoted whole when that works: a few words cost little in the link. */
export const SHORT_PASSAGE_LENGTH = 80;
/** Longer passages are never quoted whole; up to this, whole is the fallback when `start,end` fails. */
export const WHOLE_TERM_MAX_LENGTH = 300;
/** Words taken from each end of a passage for `start,end` terms, tried in this order of size. */
const TERM_WORDS = [1, 2, 3, 4, 6, 8, 12];
/** Words of context tried before and after the passage, when the terms alone are not unique. */
const CONTEXT_WORDS = [0, 1, 2, 3, 4, 6];

/**
 * The text directive (`text=…`, for `encodeShareLink`'s `fragment`) that makes a browser find exactly `range`,
 * or null when none can be made reliably: the passage is not rendered text, repeats word for word with the same
 * surroundings, or the document has no layout (e.g. from DOMParser).
 *
 * There is no root argument: the browser searches the whole document, not the article, so uniqueness is
 * judged over the whole document. It reads computed style for every element, so call it when the reader asks
 * for a link, not while painting highlights.
 */
export function buildTextFragment(range: Range): string | null {
  const doc = range.startContainer.ownerDocument;
  if (doc === null || doc.defaultView === null) return null;
  try {
    const rendered = readRenderedText(doc, [
      [range.startContainer, range.startOffset],
      [range.endContainer, range.endOffset],
    ]);
    const { text } = rendered;
    let [s = 0, e = 0] = rendered.points;
    while (s < e && isGap(text, s)) s++;
    while (e > s && isGap(text, e - 1)) e--;
    if (e <= s) return null;
    const best = chooseDirective(new TextMatcher(rendered), s, e);
    return best === null ? null : formatTextDirective(best);
  } catch {
    // A range in a shadow tree (not searched, and not comparable with the document's nodes) or broken UTF-16
    // in the page's text (no term can encode it): no directive, rather than an error for the reader.
    return null;
  }
}

/**
 * A checked directive for `text[s, e)`: short passages are quoted whole (what a reader recognises, and nothing
 * can sit between the terms), longer ones as `start,end`, each with the least context that works, and the other
 * form as a fallback. Preferably a directive that matches nowhere else on the page (robust to small differences
 * in the recipient's copy); failing that, one whose first match is the passage, which is all the browser needs.
 */
export function chooseDirective(matcher: TextMatcher, s: number, e: number): TextDirective | null {
  const { text } = matcher.rendered;
  const prefixes = contexts(text, s, -1);
  const suffixes = contexts(text, e, 1);
  const starts = wordEnds(text, s, e).map((to) => ({ to, term: text.slice(s, to) }));
  const canBeWhole = !text.slice(s, e).includes('\n') && e - s <= WHOLE_TERM_MAX_LENGTH;

  const whole = (finds: Finds) => {
    if (!canBeWhole) return null;
    const start = text.slice(s, e);
    const candidates = combine(prefixes, suffixes, (prefix, suffix) => ({ prefix, start, suffix }));
    return firstThat(candidates, (d) => finds(d, s, e));
  };
  const split = (finds: Finds) => {
    const heads = combine(prefixes, starts, (prefix, start) => ({ prefix, start: start.term, to: start.to }));
    const head = firstThat(heads, (d) => finds({ prefix: d.prefix, start: d.start }, s, d.to));
    if (head === null) return null;
    const ends = wordStarts(text, head.to, e).map((from) => text.slice(from, e));
    const { prefix, start } = head;
    return firstThat(
      combine(ends, suffixes, (end, suffix) => ({ prefix, start, end, suffix })),
      (d) => finds(d, s, e),
    );
  };

  const order = e - s <= SHORT_PASSAGE_LENGTH ? [whole, split] : [split, whole];
  for (const alone of [true, false]) {
    const finds: Finds = (d, a, b) => {
      const first = matcher.find(d);
      return first !== null && first[0] === a && first[1] === b && (!alone || matcher.find(d, a + 1) === null);
    };
    for (const attempt of order) {
      const found = attempt(finds);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Whether the browser would find `directive` exactly at `text[a, b)` (and, per mode, nowhere else). */
type Finds = (directive: TextDirective, a: number, b: number) => boolean;

/** Candidates in order of encoded length (shortest first); the first that passes `check`. */
function firstThat<T extends Partial<TextDirective>>(candidates: T[], check: (candidate: T) => boolean): T | null {
  const size = (c: T) => formatTextDirective({ start: '', ...c }).length;
  const sorted = candidates.map((c) => ({ c, size: size(c) })).sort((a, b) => a.size - b.size);
  for (const { c } of sorted) if (check(c)) return c;
  return null;
}

function combine<A, B, T>(as: readonly A[], bs: readonly B[], make: (a: A, b: B) => T): T[] {
  return as.flatMap((a) => bs.map((b) => make(a, b)));
}

/**
 * Context terms beside offset `at` (before it for `direction` -1): none, then 1, 2, 3… whole words of the
 * nearest text, skipping whitespace and block boundaries first (the browser does the same), never crossing
 * one inside a term. A passage starting mid-word gets the rest of that word as the first word of context.
 */
function contexts(text: string, at: number, direction: -1 | 1): Array<string | undefined> {
  let edge = at;
  if (direction < 0) while (edge > 0 && isGap(text, edge - 1)) edge--;
  else while (edge < text.length && isGap(text, edge)) edge++;
  const out: Array<string | undefined> = [undefined];
  let words = 0;
  for (let i = edge; ; i += direction) {
    const wordEdge =
      direction < 0
        ? i < edge && !isGap(text, i) && (i === 0 || isGap(text, i - 1))
        : i > edge && !isGap(text, i - 1) && (i === text.length || isGap(text, i));
    if (wordEdge) {
      words++;
      if (CONTEXT_WORDS.includes(words)) out.push(direction < 0 ? text.slice(i, edge) : text.slice(edge, i));
      if (words >= (CONTEXT_WORDS.at(-1) as number)) break;
    }
    const next = direction < 0 ? i - 1 : i;
    if (next < 0 || next >= text.length || text[next] === '\n') break;
  }
  return out;
}

/** Ends of the first 1, 2, 3, 4, 6… words from `s`, within its run and before `e`. */
function wordEnds(text: string, s: number, e: number): number[] {
  const out: number[] = [];
  let words = 0;
  for (let i = s + 1; i < e && text[i - 1] !== '\n'; i++) {
    if (isGap(text, i) && !isGap(text, i - 1)) {
      words++;
      if (TERM_WORDS.includes(words)) out.push(i);
    }
  }
  return out;
}

/** Starts of the last 1, 2, 3, 4, 6… words before `e`, within its run and after `after` (not touching it). */
function wordStarts(text: string, after: number, e: number): number[] {
  const out: number[] = [];
  let words = 0;
  for (let i = e - 1; i > after && text[i] !== '\n'; i--) {
    if (isGap(text, i - 1) && !isGap(text, i)) {
      words++;
      if (TERM_WORDS.includes(words)) out.push(i);
    }
  }
  return out;
}

/** A space or run boundary: where terms may begin and end. */
function isGap(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 10;
}
