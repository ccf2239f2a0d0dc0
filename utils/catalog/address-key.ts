import { httpUrl } from '../article/http-url';

/** Longer than any address a catalog accepts (`CATALOG_LIMITS.urlLength`) with room for tracking parameters. */
const MAX_ADDRESS_LENGTH = 8_192;

/**
 * Query parameters that campaigns, newsletters and social sites append to a shared link. They say how the reader
 * arrived, never which page it is, so the club's post shared on a newsletter is still the club's post.
 */
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'gbraid',
  'wbraid',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  '_ga',
  '_gl',
]);

const isTracking = (name: string) =>
  name.toLowerCase().startsWith('utm_') || TRACKING_PARAMETERS.has(name.toLowerCase());

/**
 * The key under which an address the catalog names (a club's post, an article's PDF) is matched against the
 * address of the reader's tab, or null for anything that is not an http(s) address. Two addresses of the same post give the same key: the scheme and host
 * in any letter case (the URL parser lowers them, and drops a default port and any user name here), with or
 * without a trailing slash, with any fragment (`#comments`), with tracking parameters (`utm_*`, `fbclid`, …), and
 * with percent-escapes in either case. The rest is compared exactly: the path's letter case and the other query
 * parameters, in their order, name different pages on many sites (`?p=123` is a WordPress post).
 */
export function addressKey(address: string): string | null {
  if (address.length > MAX_ADDRESS_LENGTH) return null;
  const url = httpUrl(address);
  if (url === null) return null;
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
  const query = kept.length === 0 ? '' : `?${new URLSearchParams(kept).toString()}`;
  const path = url.pathname.length > 1 && url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  return `${url.protocol}//${url.host}${upperEscapes(path)}${query}`;
}

/** `%2f` and `%2F` are the same byte; the URL parser keeps whichever the link was written with. */
function upperEscapes(text: string): string {
  return text.replace(/%[0-9a-f]{2}/gi, (percent) => percent.toUpperCase());
}
