import { normalizeDoi } from '../../article/doi';
import { SHARE_HASH_MAX_LENGTH } from '../../protocol/detector-messages';
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

/**
 * A share link's payload (`#jc=…`) in the address the viewer was loaded from (its navigation entry, as the
 * detector reads it), or null; anything longer than a share link can be is not one.
 */
export function shareHashOf(loadedFrom: string): string | null {
  const at = loadedFrom.indexOf('#');
  const hash = at < 0 ? '' : loadedFrom.slice(at);
  return hash.startsWith('#jc=') && hash.length <= SHARE_HASH_MAX_LENGTH ? hash : null;
}

/**
 * The DOI handed over with the file (`&doi=…`, from the catalog entry whose PDF it is or the article page that
 * linked it: `pdfViewerPath` in utils/pdf/address.ts), which settles the article before the file is read.
 */
export function knownDoiOf(href: string): string | null {
  if (!URL.canParse(href)) return null;
  const doi = new URL(href).searchParams.get('doi');
  return doi ? normalizeDoi(doi) : null;
}
