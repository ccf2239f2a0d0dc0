import { type CappedFetchOptions, readCapped } from '../read-capped';

/**
 * One conditional GET of a feed. The validators we saved are sent ourselves and the HTTP cache is bypassed
 * (`no-store`), so that a 304 always means "the copy in IndexedDB is current" rather than "the browser's cache
 * had it". No cookies or credentials go with it: a public catalog needs none, and the club's site must not
 * learn who reads. Nothing here throws: every way a fetch can end is an outcome for the options page.
 */

/** A catalog of 1,000 full entries is under 3 MB; more is a mistake or hostile, and is not read into memory. */
export const FEED_MAX_BYTES = 5 * 1024 * 1024;

/** A feed server that has not answered in 15 s is down for our purposes; the last good copy serves meanwhile. */
export const FEED_TIMEOUT_MS = 15_000;

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | { kind: 'ok'; status: number; body: string; etag: string | null; lastModified: string | null }
  | { kind: 'not-modified'; status: 304 }
  | { kind: 'http-error'; status: number; message: string }
  | { kind: 'too-large'; status: number; message: string }
  | { kind: 'redirected'; status: number; message: string }
  | { kind: 'network-error' | 'timeout'; message: string };

export type FetchFeedOptions = CappedFetchOptions;

export async function fetchFeed(
  url: string,
  validators: Validators,
  options: FetchFeedOptions = {},
): Promise<FetchOutcome> {
  const { fetch: doFetch = fetch, timeoutMs = FEED_TIMEOUT_MS, maxBytes = FEED_MAX_BYTES } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (validators.etag !== null) headers['if-none-match'] = validators.etag;
  if (validators.lastModified !== null) headers['if-modified-since'] = validators.lastModified;
  try {
    const response = await doFetch(url, {
      headers,
      credentials: 'omit',
      cache: 'no-store',
      // Never `follow`: a hop would skip the address rules the reader's address passed (https only, loopback
      // only from loopback) and could point into the reader's network. Browsers hide a manual redirect's
      // `Location` from every script, extensions included (an `opaqueredirect`, status 0), so no hop can be
      // checked before it is requested: every redirect is refused, and the club publishes its final address.
      redirect: 'manual',
      signal: controller.signal,
    });
    if (
      response.type === 'opaqueredirect' ||
      (response.status >= 300 && response.status < 400 && response.status !== 304)
    ) {
      void response.body?.cancel().catch(() => {});
      return { kind: 'redirected', status: response.status, message: 'the feed redirects to another address' };
    }
    if (response.status === 304) {
      void response.body?.cancel().catch(() => {});
      return { kind: 'not-modified', status: 304 };
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      return { kind: 'http-error', status: response.status, message: statusLine(response) };
    }
    const body = await readBody(response, maxBytes);
    if (body === null) {
      return {
        kind: 'too-large',
        status: response.status,
        message: `the feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
      };
    }
    return {
      kind: 'ok',
      status: response.status,
      body,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  } catch (error) {
    if (controller.signal.aborted) {
      return { kind: 'timeout', message: `no complete answer within ${Math.round(timeoutMs / 100) / 10} s` };
    }
    return { kind: 'network-error', message: describe(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body as text, or null once it passes `maxBytes`: the declared length is checked first, then the bytes as
 * they arrive, because a server may declare nothing or lie.
 */
async function readBody(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    return null;
  }
  if (!response.body) return '';
  const bytes = await readCapped(response.body.getReader(), maxBytes);
  if (bytes === null) return null;
  // A catalog is JSON, which is UTF-8 (RFC 8259); a byte-order mark is dropped by the decoder.
  return new TextDecoder().decode(bytes);
}

function statusLine(response: Response): string {
  return response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
}

/** Fetch rejects with a bare "Failed to fetch" or "fetch failed"; the cause, where there is one, says more. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  return cause && !message.includes(cause) ? `${message} (${cause})` : message;
}
