/** One item of PDF.js's text content, as `getTextContent({ disableNormalization: true })` gives it. */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
}

/**
 * A page's reader's text, and where each of its characters comes from. PDF.js's text layer draws one span per
 * item with a non-empty `str`, holding exactly that string, so a character's origin is told by its *raw offset*:
 * its position in the concatenation of those strings, which is also the concatenation of the text layer's
 * Text nodes. Raw offsets never decrease along the text, which lets both directions be binary searches.
 */
export interface PdfPageText {
  readonly text: string;
  /** Raw offset of each UTF-16 unit of `text` (a page-joining or line-ending space takes the next raw offset). */
  readonly raw: Int32Array;
  /** Raw offset at which each non-empty item starts (the i-th Text node of the text layer), ascending. */
  readonly itemStarts: Int32Array;
  /** Length of the raw concatenation. */
  readonly rawLength: number;
}

/** Ligatures and other presentation forms (ﬁ, ﬂ, ﬃ, ﬅ…) that PDFs draw as one glyph, read as their letters. */
const PRESENTATION_FORM = /[\uFB00-\uFB4F]/;
const SPACE = /\s/;
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;

/**
 * The reader's text of one page, by the same rules as an HTML article's (whitespace runs collapsed to one space,
 * invisible characters dropped) plus what PDFs need: a line end reads as a space, ligature glyphs read as their
 * letters (NFKC), and a word hyphenated at a line end (`anno-` then `tation`) reads as one word, as on the
 * publisher's HTML page. Built from the text content, not from a drawn text layer, so that it is the same
 * whichever pages are drawn.
 */
export function buildPageText(items: readonly PdfTextItem[]): PdfPageText {
  const out: string[] = [];
  const raw: number[] = [];
  const itemStarts: number[] = [];
  let rawAt = 0;
  let pendingSpace = -1;
  // The raw offset of a line-ending hyphen that may be a word's break, while the next character is not known.
  let hyphen = -1;
  const emit = (chars: string, from: number) => {
    for (const char of chars) {
      for (let unit = 0; unit < char.length; unit++) {
        out.push(char[unit] as string);
        raw.push(from);
      }
    }
  };
  for (const item of items) {
    const str = typeof item.str === 'string' ? item.str : '';
    if (str !== '') itemStarts.push(rawAt);
    for (let j = 0; j < str.length; j++) {
      const char = str[j] as string;
      const at = rawAt + j;
      if (SPACE.test(char)) {
        if (pendingSpace < 0) pendingSpace = at;
        continue;
      }
      if (INVISIBLE.test(char)) continue;
      if (hyphen >= 0) {
        // `anno-⏎tation` is one word; `evidence-⏎Based` and `2019-⏎2020` keep their hyphen and lose the line end.
        if (LOWER.test(char)) {
          out.pop();
          raw.pop();
        }
        pendingSpace = -1;
        hyphen = -1;
      }
      if (pendingSpace >= 0) {
        if (out.length > 0) emit(' ', pendingSpace);
        pendingSpace = -1;
      }
      emit(PRESENTATION_FORM.test(char) ? char.normalize('NFKC') : char, at);
    }
    rawAt += str.length;
    if (item.hasEOL) {
      const last = out.length;
      if (last >= 2 && out[last - 1] === '-' && LETTER.test(out[last - 2] as string) && pendingSpace < 0) {
        hyphen = raw[last - 1] as number;
      }
      if (pendingSpace < 0) pendingSpace = rawAt;
    }
  }
  return {
    text: out.join(''),
    raw: Int32Array.from(raw),
    itemStarts: Int32Array.from(itemStarts),
    rawLength: rawAt,
  };
}

/** First index in the ascending `values` whose value is at least `target` (`values.length` when none). */
export function lowerBound(values: Int32Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Offset in the page's text of the first character at or after raw offset `rawOffset`. */
export function textOffsetOfRaw(page: PdfPageText, rawOffset: number): number {
  return lowerBound(page.raw, rawOffset);
}

/** Which Text node of the text layer (the i-th non-empty item) holds raw offset `rawOffset`, and where in it. */
export function itemOfRaw(page: PdfPageText, rawOffset: number): { item: number; offset: number } {
  const item = Math.max(0, lowerBound(page.itemStarts, rawOffset + 1) - 1);
  return { item, offset: rawOffset - (page.itemStarts[item] ?? 0) };
}
