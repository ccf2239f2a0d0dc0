import { buildTextIndex, describe, PDF_FRAGMENT_SPEC, type StoredSelectors } from '../../../utils/anchoring';
import type { PdfDocumentText } from '../../../utils/pdf/text/document-text';

/**
 * Selectors for a span of a PDF's reader's text as the viewer's `describe` makes them: quote and context, the
 * position over the whole file, and the page. Built over the text itself, so that passages on pages the viewer
 * has not drawn can be described too.
 */
export function pdfSelectors(text: PdfDocumentText, start: number, end: number): StoredSelectors {
  const holder = document.implementation.createHTMLDocument('').createElement('div');
  holder.textContent = text.text;
  const index = buildTextIndex(holder);
  const described = describe(index.toRange(start, end), holder, () => index);
  if (!described.ok) throw new Error(`the PDF passage ${start}–${end} is not describable: ${described.reason}`);
  const page = { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${text.pageAt(start) + 1}` };
  return [...described.selectors, page] as StoredSelectors;
}
