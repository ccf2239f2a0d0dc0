import type { PDFDocumentProxy } from 'pdfjs-dist';
import { joinPages, type PdfDocumentText } from './document-text';
import { buildPageText, type PdfPageText, type PdfTextItem } from './page-text';

/**
 * Reads every page's text content once, in order, and joins it into the document's reader's text. Items are
 * asked for without PDF.js's own normalisation (`disableNormalization`), as the text layer asks for them, so that
 * the text layer's spans hold exactly the strings mapped here. Stops between pages when `signal` aborts.
 */
export async function extractDocumentText(pdf: PDFDocumentProxy, signal?: AbortSignal): Promise<PdfDocumentText> {
  const pages: PdfPageText[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    signal?.throwIfAborted();
    const page = await pdf.getPage(number);
    const content = await page.getTextContent({ disableNormalization: true });
    const items: PdfTextItem[] = [];
    for (const item of content.items) if ('str' in item) items.push({ str: item.str, hasEOL: item.hasEOL });
    pages.push(buildPageText(items));
  }
  return joinPages(pages);
}
