import type { PdfPageText } from './page-text';

/**
 * The reader's text of a whole PDF: its pages' texts in order, one space between pages, so that a passage
 * running over a page break is one quote, as it is one sentence to the reader. Offsets in it are what a PDF
 * highlight's `TextPositionSelector` counts (Hypothesis also counts over the whole file), so they do not depend
 * on which pages the viewer has drawn.
 */
export interface PdfDocumentText {
  readonly text: string;
  readonly pages: readonly PdfPageText[];
  /** Offset in `text` where each page's text starts. */
  readonly pageStarts: readonly number[];
  /** The page (0-based) whose text holds `offset`; a page-joining space belongs to the page before it. */
  pageAt(offset: number): number;
}

export function joinPages(pages: readonly PdfPageText[]): PdfDocumentText {
  const pageStarts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const page of pages) {
    if (parts.length > 0 && page.text !== '' && length > 0) {
      parts.push(' ');
      length += 1;
    }
    pageStarts.push(length);
    parts.push(page.text);
    length += page.text.length;
  }
  const text = parts.join('');
  return {
    text,
    pages,
    pageStarts,
    pageAt(offset) {
      let lo = 0;
      let hi = pageStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if ((pageStarts[mid] as number) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}
