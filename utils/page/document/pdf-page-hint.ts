import type { Anchorable } from '../../anchoring';
import type { PdfDocumentText } from '../../pdf/text/document-text';
import { withLocalPositions } from './foreign-positions';

/** A stored highlight with the selectors anchoring is given for it in a PDF. */
export interface HintedItem<T> extends Anchorable {
  item: T;
}

const PAGE_FRAGMENT = /^page=([1-9]\d{0,5})$/;

/**
 * The stored page as a position hint. The matcher searches near the stored position first (then a few
 * paragraphs around it, then the whole text), so a highlight whose position no longer holds (another edition of
 * the PDF, or an annotation another tool made with only a quote and a page) is looked for on its page and the
 * pages nearest it before the rest of the file. A position that is known is kept: it is more precise. A highlight
 * made on the HTML page has no page, and its position counts over the page's text: it is dropped
 * (`foreign-positions.ts`), and the quote is looked for in the whole file.
 */
export function withPageHints<T extends Anchorable>(items: readonly T[], text: PdfDocumentText): HintedItem<T>[] {
  return withLocalPositions(items, 'pdf').map(({ item, selectors }) => {
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const fragment = selectors.find((s) => s.type === 'FragmentSelector');
    const page = fragment ? PAGE_FRAGMENT.exec(fragment.value) : null;
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    if (!page || !quote || (position && position.end > position.start)) return { item, selectors };
    const start = text.pageStarts[Math.min(Number(page[1]) - 1, text.pageStarts.length - 1)] ?? 0;
    const hint = { type: 'TextPositionSelector' as const, start, end: start + quote.exact.length };
    return { item, selectors: [...selectors.filter((s) => s !== position), hint] };
  });
}
