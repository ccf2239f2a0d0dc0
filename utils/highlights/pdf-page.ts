import { PDF_FRAGMENT_SPEC, type PdfPageSelector, type Selector } from '../anchoring/types';

const PAGE = /^page=([1-9]\d{0,5})$/;

/** The PDF page (1-based) a highlight was made on, from its RFC 3778 fragment selector; null on an HTML page. */
export function pdfPageOf(selectors: readonly Selector[]): number | null {
  for (const selector of selectors) {
    if (selector.type !== 'FragmentSelector' || selector.conformsTo !== PDF_FRAGMENT_SPEC) continue;
    const page = PAGE.exec(selector.value);
    if (page) return Number(page[1]);
  }
  return null;
}

/** The fragment selector for a PDF page (1-based), as a highlight stores it and the W3C export gives it. */
export function pdfPageSelector(page: number): PdfPageSelector {
  return { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${page}` };
}
