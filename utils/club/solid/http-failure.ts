import type { ClubFailure } from '../backend';
import { retryAfterMs } from '../retry-after';

/**
 * How long a pod may take to answer before the reader is told it cannot be reached. A stopped server or a dead
 * network sometimes leaves a connection hanging rather than refused; the outbox retries later either way.
 */
export const REQUEST_TIMEOUT_MS = 20_000;
/** When a 429 names no delay: long enough for a small server's window to pass. */
const DEFAULT_RETRY_AFTER_MS = 30_000;
/** A `Retry-After` beyond this is a misconfigured or hostile server; the outbox waits this long at most. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** The failure a response's status means, or null for a success (2xx, and 304 to a conditional request). */
export function statusFailure(response: Response, now: number = Date.now()): ClubFailure | null {
  const { status } = response;
  if ((status >= 200 && status < 300) || status === 304) return null;
  if (status === 401) return { code: 'unauthorized' };
  if (status === 403) return { code: 'forbidden' };
  if (status === 404 || status === 410) return { code: 'not-found' };
  if (status === 429)
    return { code: 'rate-limited', retryAfterMs: retryAfterBounded(response.headers.get('Retry-After'), now) };
  return { code: 'server', status };
}

/** `Retry-After` (seconds or an HTTP date), with a default when it says neither, and bounded. */
export function retryAfterBounded(header: string | null, now: number): number {
  const ms = retryAfterMs(header, now) ?? DEFAULT_RETRY_AFTER_MS;
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/**
 * What a thrown fetch means. `fetch` rejects with a TypeError when the network fails (refused, reset, DNS) and
 * with an AbortError or TimeoutError when the timeout fires: all of them are "cannot reach the pod". Anything
 * else (WebCrypto refusing, a body that is not text) is reported as an invalid response rather than thrown, so
 * that the outbox and the panel only ever deal with results; it is not called "offline", which would hide it.
 */
export function thrownFailure(error: unknown): ClubFailure {
  if (error instanceof TypeError) return { code: 'offline' };
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { code: 'offline' };
  }
  return { code: 'invalid-response', detail: error instanceof Error ? error.message : String(error) };
}
