import { httpUrl } from '../article/http-url';

/** The extension's PDF viewer page (entrypoints/pdf/). */
export const PDF_VIEWER_PATH = '/pdf.html';

/**
 * The viewer's path (for `runtime.getURL`, or a redirect's `extensionPath`) showing the PDF at `file`. A DOI
 * already known for it (the catalog entry whose PDF it is, the article page that linked it) comes along, so the
 * viewer need not guess it from the file. The address is kept whole in one parameter, its own query included.
 */
export function pdfViewerPath(file: string, doi?: string | null): string {
  const query = new URLSearchParams({ file });
  if (doi) query.set('doi', doi);
  return `${PDF_VIEWER_PATH}?${query.toString()}`;
}

/**
 * Whether an address names a PDF by its look alone: a path ending in `.pdf`, or a `pdf` path segment (arXiv's
 * `/pdf/2301.12345`, publishers' `/doi/pdf/10.…`). Used where the browser cannot be asked what the tab's document
 * is (Firefox's own PDF viewer lets no extension script run in it); never to open anything unasked.
 */
export function looksLikePdfAddress(address: string): boolean {
  const url = httpUrl(address);
  if (url === null) return false;
  const path = url.pathname.toLowerCase();
  return path.endsWith('.pdf') || /\/(?:e?pdf|pdfdirect|pdfft)(?:\/|$)/.test(path);
}
