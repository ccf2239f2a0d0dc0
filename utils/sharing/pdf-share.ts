import { pdfViewerPath } from '../pdf/address';

/**
 * Share links and the extension's PDF viewer. The viewer's own address (`chrome-extension://…/pdf.html?file=…`)
 * means nothing to anyone else, and no web page may even link to it: a link made in the viewer points at the
 * PDF's own address instead (or at doi.org, the default), and a reader with the extension who opens a link to a
 * PDF with a `#jc=…` payload is taken to the viewer, which shows the passage.
 */

const EXTENSION_PAGE = /^(?:chrome|moz)-extension:\/\//i;
const WEB = /^https?:$/;

/** The address a share link may point at for a page the reader is on: the PDF's own address in the viewer. */
export function shareableAddress(pageUrl: string | undefined): string | undefined {
  if (pageUrl === undefined || !EXTENSION_PAGE.test(pageUrl)) return pageUrl;
  const file = URL.canParse(pageUrl) ? new URL(pageUrl).searchParams.get('file') : null;
  return file && URL.canParse(file) && WEB.test(new URL(file).protocol) ? file : undefined;
}

/**
 * Where a tab that opened a share link to a PDF (`https://…/article.pdf#jc=…`) should go: the viewer on that
 * PDF, with the payload, or null for any other address. A PDF is told by its path (`.pdf`), the only sign there
 * is before it loads; a PDF served without one opens in the browser's own viewer, where the passage is not shown.
 */
export function viewerForSharedPdf(url: string, viewerPage: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (!WEB.test(parsed.protocol) || !parsed.hash.startsWith('#jc=') || !/\.pdf$/i.test(parsed.pathname)) return null;
  const payload = parsed.hash;
  parsed.hash = '';
  return `${new URL(pdfViewerPath(parsed.href), viewerPage).href}${payload}`;
}
