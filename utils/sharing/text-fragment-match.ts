import { foldString, type RenderedText } from './text-fragment-model';

/**
 * Text directives (`text=[prefix-,]start[,end][,-suffix]`) and the URL Text Fragments algorithm that finds
 * one in a page ("find a range from a text directive"), run over {@link RenderedText}.
 */

export interface TextDirective {
  prefix?: string;
  start: string;
  end?: string;
  suffix?: string;
}

/**
 * Percent-encoding for a term. Beyond what the spec requires (`-`, `,`, `&`, `%` and what is not URL-safe),
 * every character but letters, digits and `_` is encoded: chat tools and mail clients drop a link's trailing
 * `.`, `)` or `!` when they detect links in text.
 */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/[-.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function formatTextDirective({ prefix, start, end, suffix }: TextDirective): string {
  let value = encodeTerm(start);
  if (prefix) value = `${encodeTerm(prefix)}-,${value}`;
  if (end) value += `,${encodeTerm(end)}`;
  if (suffix) value += `,-${encodeTerm(suffix)}`;
  return `text=${value}`;
}

/** The terms of `text=…` (with or without the `text=`), or null when it is not a well-formed directive. */
export function parseTextDirective(directive: string): TextDirective | null {
  const value = directive.startsWith('text=') ? directive.slice(5) : directive;
  const parts = value.split(',');
  const out: TextDirective = { start: '' };
  try {
    if (parts[0]?.endsWith('-')) out.prefix = decodeURIComponent((parts.shift() as string).slice(0, -1));
    if (parts.at(-1)?.startsWith('-')) out.suffix = decodeURIComponent((parts.pop() as string).slice(1));
    if (parts.length < 1 || parts.length > 2) return null;
    out.start = decodeURIComponent(parts[0] as string);
    if (parts[1] !== undefined) out.end = decodeURIComponent(parts[1]);
  } catch {
    return null;
  }
  const terms = [out.prefix, out.start, out.end, out.suffix];
  return terms.every((term) => term === undefined || term !== '') ? out : null;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
/** Characters of context around a position for deciding word boundaries (ICU rules are local). */
const WORD_WINDOW = 24;

/** Searches one {@link RenderedText}; word-boundary answers are cached across directives. */
export class TextMatcher {
  readonly #boundaries = new Map<number, boolean>();

  constructor(readonly rendered: RenderedText) {}

  /**
   * Where the browser finds `directive`, searching from text offset `from`: the spec's steps, with
   * whole-word rules at the term edges it names, and context matched after skipping whitespace.
   */
  find(directive: TextDirective, from = 0): [number, number] | null {
    const n = this.rendered.text.length;
    const start = foldString(directive.start);
    const prefix = directive.prefix === undefined ? null : foldString(directive.prefix);
    const end = directive.end === undefined ? null : foldString(directive.end);
    const suffix = directive.suffix === undefined ? null : foldString(directive.suffix);
    const startEndsWord = end !== null || suffix === null;
    for (let search = from; search < n; ) {
      let match: [number, number] | null;
      if (prefix !== null) {
        const before = this.#findString(prefix, search, true, false);
        if (before === null) return null;
        search = before[0] + 1;
        const at = this.#skipSpace(before[1]);
        if (at >= n) return null;
        match = this.#findString(start, at, false, startEndsWord);
        if (match === null || match[0] !== at) continue;
      } else {
        match = this.#findString(start, search, true, startEndsWord);
        if (match === null) return null;
        search = match[0] + 1;
      }
      for (let endFrom = match[1]; ; ) {
        const result: [number, number] = [match[0], match[1]];
        if (end !== null) {
          if (endFrom >= n) return null;
          const last = this.#findString(end, endFrom, true, suffix === null);
          if (last === null) return null;
          result[1] = last[1];
        }
        if (suffix === null) return result;
        const at = this.#skipSpace(result[1]);
        const after = this.#findString(suffix, at, false, true);
        if (after === null) return null;
        if (after[0] === at) return result;
        if (end === null) break;
        endFrom = result[1];
      }
    }
    return null;
  }

  /** First occurrence of folded `query` at or after text offset `from`, with the word-boundary rules asked for. */
  #findString(query: string, from: number, startsWord: boolean, endsWord: boolean): [number, number] | null {
    const { folded, toFolded, toText } = this.rendered;
    if (query === '') return null;
    for (let at = toFolded[from] as number; ; ) {
      const k = folded.indexOf(query, at);
      if (k < 0) return null;
      const a = toText[k] as number;
      const b = this.#endOf(k + query.length);
      if ((!startsWord || this.isWordBoundary(a)) && (!endsWord || this.isWordBoundary(b))) return [a, b];
      at = k + 1;
    }
  }

  /** Text offset just after the text character that folded unit `j - 1` came from, and any marks after it. */
  #endOf(j: number): number {
    const { text, toFolded, toText } = this.rendered;
    const last = toText[j - 1] as number;
    let b = last + ((text.codePointAt(last) as number) > 0xffff ? 2 : 1);
    while (b < text.length && toFolded[b] === toFolded[b + 1]) b++;
    return b;
  }

  #skipSpace(from: number): number {
    const { text } = this.rendered;
    let i = from;
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    return i;
  }

  /** Whether a word starts or ends at `offset`, by Unicode word-break rules (ICU, as in the browser). */
  isWordBoundary(offset: number): boolean {
    const { text } = this.rendered;
    if (offset <= 0 || offset >= text.length || text[offset - 1] === '\n' || text[offset] === '\n') return true;
    let cached = this.#boundaries.get(offset);
    if (cached === undefined) {
      let from = Math.max(0, offset - WORD_WINDOW);
      const newline = text.lastIndexOf('\n', offset);
      if (newline >= from) from = newline + 1;
      let to = text.indexOf('\n', offset);
      if (to < 0 || to > offset + WORD_WINDOW) to = Math.min(text.length, offset + WORD_WINDOW);
      cached = false;
      for (const { index } of segmenter.segment(text.slice(from, to))) {
        if (from + index === offset) cached = true;
        if (from + index >= offset) break;
      }
      this.#boundaries.set(offset, cached);
    }
    return cached;
  }
}
