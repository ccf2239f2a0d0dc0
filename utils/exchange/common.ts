import type { Highlight } from '../highlights/highlight';

/**
 * Helpers shared by the exports (Markdown digest, Web Annotations, backup) and the import that reads them back.
 */

/** Unreserved and sub-delimiter characters, `:`, `@` and `/`: everything else in a DOI is percent-encoded. */
const URL_SAFE = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes `text` for a URL. Lone surrogates (only a hostile import can store one) become U+FFFD first,
 * because `encodeURIComponent` throws on them and an export must not.
 */
export function encodeUrlPart(text: string, unsafe: RegExp = URL_SAFE): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(unsafe, (char) => encodeURIComponent(char));
}

/**
 * The DOI's resolver URL. `?`, `#` and `%` are encoded so that the resolver (and {@link doiFromResolverUrl}) sees the
 * whole DOI rather than a query or fragment; `/` is kept, as doi.org and every citation style write it.
 */
export function doiUrl(doi: string): string {
  return `https://doi.org/${encodeUrlPart(doi)}`;
}

const RESOLVER = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/is;
const DOI_URI = /^(?:doi:|info:doi\/)(.+)$/is;

/**
 * The DOI that a resolver URL or `doi:` URI names, decoded exactly as {@link doiUrl} encoded it, or null.
 * Unlike `normalizeDoi` it strips no trailing punctuation, so that a DOI ending in `.` survives the round trip;
 * the caller validates the result.
 */
export function doiFromResolverUrl(url: string): string | null {
  const match = RESOLVER.exec(url) ?? DOI_URI.exec(url);
  const encoded = match?.[1];
  if (encoded === undefined) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/**
 * Page order: by the passage's start, then its end, then creation, then id, so that output is stable even for
 * highlights of the same passage (and for highlights made on two copies, whose offsets are not comparable).
 */
export function byPageOrder(a: Highlight, b: Highlight): number {
  const [, pa] = a.target.selectors;
  const [, pb] = b.target.selectors;
  return pa.start - pb.start || pa.end - pb.end || compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}

/** Creation order, as the panel lists highlights; timestamps are canonical, so text order is time order. */
export function byCreation(a: Highlight, b: Highlight): number {
  return compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
