/**
 * DOI syntax: recognising a DOI in the many spellings pages use, and comparing DOIs.
 *
 * DOIs compare case-insensitively (the DOI Handbook says so), yet readers and stores want the publisher's
 * spelling, so `normalizeDoi` keeps the case and `doiKey` gives the comparison key.
 */

/** Longer DOIs exist in theory only; the cap lets hostile megabyte values fail before any regex sees them. */
export const DOI_MAX_LENGTH = 300;
/** Room for a prefix and percent-encoding (three characters per byte) around a DOI at the cap. */
const RAW_MAX_LENGTH = 4 * DOI_MAX_LENGTH;

/** `10.` + registrant (4–9 digits, optional dotted sub-registrants) + `/` + a non-empty suffix. */
export const DOI_SHAPE = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/;
/**
 * Characters no registered DOI uses but markup injection or spoofing needs: quotes, backslash, braces, control
 * and invisible format characters (bidi overrides, zero-width spaces), and an HTML tag opener (`<script`, `</`).
 * Legacy Wiley SICI DOIs keep `<`+digit, `>`, `;`, `(`, `)` and `#`.
 */
const FORBIDDEN = /[\s"'`\\{}|^\p{Cc}\p{Cf}]|<\/|<[a-z][a-z0-9-]*[\s/>]/iu;
/** The resolver and scheme prefixes publishers put before a DOI. */
const RESOLVER_URL = /^(?:https?:)?\/\//i;
const PREFIX = /^(?:(?:https?:)?\/\/(?:dx\.|www\.)?doi\.org\/|info:doi\/|urn:doi:|doi:\s*|doi\s+)/i;
/** Prose punctuation that ends a sentence around a DOI rather than the DOI itself. */
const TRAILING_PROSE = /[.,;:!?"'\u2019\u201d]+$/;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '>': '<', '}': '{' };
const PERCENT_ESCAPE = /%[0-9a-f]{2}/i;

/** The DOI in `raw` with prefixes, encoding and prose punctuation removed, or null when `raw` is not a DOI. */
export function normalizeDoi(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > RAW_MAX_LENGTH) return null;
  let value = raw.trim();
  // In a resolver URL a raw `?` or `#` starts the query or fragment; DOIs that contain them arrive encoded.
  if (RESOLVER_URL.test(value)) value = value.replace(/[?#].*$/s, '');
  value = stripPrefix(value);
  if (value.includes('%')) {
    const decoded = percentDecode(value);
    if (decoded === null) return null;
    value = stripPrefix(decoded.trim());
  }
  value = stripTrailing(value);
  if (value.length > DOI_MAX_LENGTH || !DOI_SHAPE.test(value) || FORBIDDEN.test(value)) return null;
  return value;
}

/** The key under which two spellings of one DOI are equal. */
export function doiKey(doi: string): string {
  return doi.toLowerCase();
}

export function sameDoi(a: string, b: string): boolean {
  return doiKey(a) === doiKey(b);
}

/**
 * Path words that follow a DOI in publisher URLs (views of the article, not part of its name). Only removed
 * when something precedes them in the suffix, so a DOI that *is* `10.1234/full` survives.
 */
const VIEW_SEGMENT =
  /\/(?:full|abstract|abs|fulltext|full-text|pdf|epdf|pdfdirect|pdfplus|epub|html|xml|figures|tables|references|citedby|metrics|suppl|supplementary|summary|meta|download|reader)$/i;
/** File-ish endings bioRxiv, Springer and HighWire append to the DOI in a path. */
const VIEW_EXTENSION =
  /\.(?:pdf|full|full\.pdf|full-text|abstract|short|article-info|article-metrics|supplementary-material|html|xml|epub)$/i;
/**
 * bioRxiv/medRxiv version suffix: an all-numeric suffix directly followed by `vN`. Kept narrow on purpose:
 * figshare's `.v2` and Research Square's `/v1` belong to their DOIs.
 */
const NUMERIC_VERSION = /^(10\.\d{4,9}\/[\d.]*\d)v\d{1,3}$/;
const SESSION_PARAM = /;jsessionid=[^/]*$/i;
/** Where a DOI starts inside a decoded path. */
const PATH_DOI_START = /\/(10\.\d{4,9}(?:\.\d+)*\/)/;
const QUERY_KEYS = new Set(['doi', 'id']);
const URL_MAX_LENGTH = 8192;

/** The DOI a publisher URL names in its path (`/doi/10.…`, `/articles/10.…`) or query (`?doi=`, `?id=`). */
export function doiFromUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length > URL_MAX_LENGTH || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  const path = percentDecode(parsed.pathname) ?? parsed.pathname;
  const start = PATH_DOI_START.exec(path);
  if (start) {
    const doi = normalizeDoi(trimUrlTail(path.slice(start.index + 1)));
    if (doi) return doi;
  }
  for (const [key, value] of parsed.searchParams) {
    if (!QUERY_KEYS.has(key.toLowerCase())) continue;
    const doi = normalizeDoi(value);
    if (doi) return doi;
  }
  return null;
}

function trimUrlTail(candidate: string): string {
  let value = candidate.replace(SESSION_PARAM, '');
  for (let previous = ''; previous !== value; ) {
    previous = value;
    value = value.replace(/\/+$/, '');
    const slash = value.indexOf('/');
    const suffix = value.slice(slash + 1);
    if (suffix.includes('/')) value = value.replace(VIEW_SEGMENT, '');
    if (VIEW_EXTENSION.test(suffix) && suffix.replace(VIEW_EXTENSION, '').length > 0) {
      value = value.replace(VIEW_EXTENSION, '');
    }
  }
  return value.replace(NUMERIC_VERSION, '$1');
}

function stripPrefix(value: string): string {
  let result = value;
  for (let previous = ''; previous !== result; ) {
    previous = result;
    result = result.replace(PREFIX, '').trimStart();
  }
  return result;
}

/** Removes prose punctuation and closing brackets the DOI never opened, e.g. `10.1/x).` → `10.1/x`. */
function stripTrailing(value: string): string {
  let result = value;
  for (let previous = ''; previous !== result; ) {
    previous = result;
    result = result.replace(TRAILING_PROSE, '');
    const last = result.at(-1);
    const opener = last === undefined ? undefined : CLOSERS[last];
    if (last !== undefined && opener !== undefined && count(result, last) > count(result, opener)) {
      result = result.slice(0, -1);
    }
  }
  return result;
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

/**
 * Decodes percent-escapes, again for double-encoded values (`%252F`). A malformed escape in the value as given
 * means it is not something we can name, so that yields null rather than a guess (and never throws); a later
 * round that fails just stops, since its `%` was an encoded literal.
 */
function percentDecode(value: string): string | null {
  let result = value;
  for (let round = 0; round < 3 && PERCENT_ESCAPE.test(result); round++) {
    try {
      result = decodeURIComponent(result);
    } catch {
      return round === 0 ? null : result;
    }
  }
  return result.includes('%') && result === value ? null : result;
}
