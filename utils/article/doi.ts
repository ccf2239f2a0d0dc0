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
/** Sticky (`y`): tried at one position only, so stripping a run of prefixes reads each character once. */
const PREFIX = /(?:(?:https?:)?\/\/(?:dx\.|www\.)?doi\.org\/|info:doi\/|urn:doi:|doi:\s*|doi\s+)/iy;
const LEADING_SPACE = /\s+/y;
/** Prose punctuation that ends a sentence around a DOI rather than the DOI itself. */
const TRAILING_PROSE = new Set([...'.,;:!?"\'\u2019\u201d'].map((c) => c.charCodeAt(0)));
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

/**
 * Page strings reach this (URLs, body links): each step below reads only the characters it removes, plus a
 * bounded look at the last segment, so the whole trim is linear in the length; the step cap only stops a path
 * made of thousands of view words, which names no DOI anyway (what is left is over the length cap).
 */
const MAX_TAIL_STEPS = 64;
/** The longest {@link VIEW_EXTENSION} (`.supplementary-material`) fits in this many characters. */
const EXTENSION_WINDOW = 32;
/** `/supplementary`, the longest {@link VIEW_SEGMENT}, fits in this many characters. */
const VIEW_WORD_WINDOW = 16;
const SESSION_MARK = /;jsessionid=/i;

function trimUrlTail(candidate: string): string {
  const value = withoutSessionParam(candidate);
  let end = value.length;
  for (let step = 0; step < MAX_TAIL_STEPS; step++) {
    while (end > 0 && value.charCodeAt(end - 1) === SLASH) end--;
    // The suffix starts after the DOI's first slash; a view word is removed only when the suffix has more.
    const first = value.indexOf('/');
    const suffixStart = first >= 0 && first < end ? first + 1 : 0;
    const lastSlash = value.lastIndexOf('/', end - 1);
    if (
      lastSlash >= suffixStart &&
      end - lastSlash <= VIEW_WORD_WINDOW &&
      VIEW_SEGMENT.test(value.slice(lastSlash, end))
    ) {
      end = lastSlash;
      continue;
    }
    const windowStart = Math.max(suffixStart, end - EXTENSION_WINDOW);
    const extension = VIEW_EXTENSION.exec(value.slice(windowStart, end));
    if (extension === null || windowStart + extension.index === suffixStart) break;
    end = windowStart + extension.index;
  }
  return value.slice(0, end).replace(NUMERIC_VERSION, '$1');
}

const SLASH = 0x2f;

/** `;jsessionid=…` in the last path segment, found without rescanning the path from every `;`. */
function withoutSessionParam(value: string): string {
  const segment = value.lastIndexOf('/') + 1;
  const mark = SESSION_MARK.exec(value.slice(segment));
  return mark === null ? value : value.slice(0, segment + mark.index);
}

/** Resolver and scheme prefixes, repeated or spaced out (`doi: doi:10.…`), in one pass from the start. */
function stripPrefix(value: string): string {
  let at = 0;
  for (;;) {
    LEADING_SPACE.lastIndex = at;
    if (LEADING_SPACE.test(value)) at = LEADING_SPACE.lastIndex;
    PREFIX.lastIndex = at;
    if (!PREFIX.test(value) || PREFIX.lastIndex === at) break;
    at = PREFIX.lastIndex;
  }
  return value.slice(at);
}

/**
 * Removes prose punctuation and closing brackets the DOI never opened, e.g. `10.1/x).` → `10.1/x`. Brackets are
 * counted once and the end is walked back in one pass: removing a closer only lowers its own count, and prose
 * punctuation is never a bracket, so this is what trimming and recounting after each character would give.
 */
function stripTrailing(value: string): string {
  // Brackets are ASCII, so UTF-16 units count them exactly; per code, without a string per character.
  const counts = new Int32Array(128);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 128) counts[code] = (counts[code] as number) + 1;
  }
  let end = value.length;
  while (end > 0) {
    const last = value.charCodeAt(end - 1);
    if (TRAILING_PROSE.has(last)) {
      end--;
      continue;
    }
    const opener = OPENER_OF.get(last);
    if (opener === undefined || (counts[last] as number) <= (counts[opener] as number)) break;
    counts[last] = (counts[last] as number) - 1;
    end--;
  }
  return value.slice(0, end);
}

/** Char code of each closing bracket → that of its opener. */
const OPENER_OF = new Map(Object.entries(CLOSERS).map(([close, open]) => [close.charCodeAt(0), open.charCodeAt(0)]));

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
