import type { PdfSource } from '../open-pdf';

/**
 * The PDF the viewer's own address names: `pdf.html?file=<address>` (an http(s) address; the reader's browser
 * fetches it with the reader's cookies, as the tab did). Anything else in `file` is ignored, and the viewer offers
 * the file picker instead: a `file://` address needs a permission the extension may not have (Chromium's "Allow
 * access to file URLs"), which the picker does not.
 */
export function sourceFromAddress(href: string): PdfSource | null {
  if (!URL.canParse(href)) return null;
  const file = new URL(href).searchParams.get('file');
  if (!file || !URL.canParse(file)) return null;
  const { protocol } = new URL(file);
  return protocol === 'https:' || protocol === 'http:' ? { kind: 'url', url: file } : null;
}

/** The viewer's address for a PDF at `url`. */
export function viewerAddressFor(viewerPage: string, url: string): string {
  return `${viewerPage}?file=${encodeURIComponent(url)}`;
}
