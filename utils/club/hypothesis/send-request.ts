import { type CappedFetchOptions, readCapped } from '../../read-capped';
import { apiUrl, type HypothesisConfig } from './config';

/**
 * One HTTP exchange with the Hypothesis API, and nothing more: pacing and retries are the queue's
 * (`request-queue.ts`), meaning is the caller's. Nothing here throws; every way a request can end is an outcome.
 */

/** The v1 API at its largest page (200 annotations of a few kB each) is far below this; more is not read. */
export const RESPONSE_MAX_BYTES = 5 * 1024 * 1024;
/** A service that has not answered in 15 s is out of reach for our purposes; the outbox tries again later. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** The v1 media type: the API answers 406 to one it does not know, and says which version served the reply. */
const V1_MEDIA_TYPE = 'application/vnd.hypothesis.v1+json';

export interface HypothesisRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path under `/api/`, e.g. `search` or `annotations/<id>`. */
  path: string;
  query?: URLSearchParams;
  body?: unknown;
}

export type HttpOutcome =
  | { kind: 'ok'; status: number; body: unknown }
  /** A reply outside 2xx; `reason` is the service's own words when it sent any (h's `{status, reason}` body). */
  | { kind: 'status'; status: number; retryAfter: string | null; reason: string }
  | { kind: 'offline' }
  | { kind: 'invalid'; detail: string };

export type SendOptions = CappedFetchOptions;

export async function sendRequest(
  config: HypothesisConfig,
  request: HypothesisRequest,
  options: SendOptions = {},
): Promise<HttpOutcome> {
  const { fetch: doFetch = fetch, timeoutMs = REQUEST_TIMEOUT_MS, maxBytes = RESPONSE_MAX_BYTES } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = { accept: V1_MEDIA_TYPE, authorization: `Bearer ${config.token}` };
  if (request.body !== undefined) headers['content-type'] = 'application/json;charset=utf-8';
  try {
    const response = await doFetch(apiUrl(config, request.path, request.query), {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      // The token is the only credential: a hypothes.is session cookie in the browser must not act for the reader.
      credentials: 'omit',
      cache: 'no-store',
      // A redirect could carry the bearer token to an address the reader never named; none is followed.
      redirect: 'manual',
      signal: controller.signal,
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      void response.body?.cancel().catch(() => {});
      return { kind: 'invalid', detail: 'the service redirects to another address' };
    }
    const text = await readBody(response, maxBytes);
    if (text === null) return { kind: 'invalid', detail: `the reply is larger than ${maxBytes} bytes` };
    const body = parseJson(text);
    if (!response.ok) {
      return {
        kind: 'status',
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        reason: reasonOf(body),
      };
    }
    if (body === INVALID) return { kind: 'invalid', detail: 'the reply is not JSON' };
    return { kind: 'ok', status: response.status, body };
  } catch {
    // A refused connection, a DNS failure, a timeout: the service is out of reach, which the reader can wait out.
    return { kind: 'offline' };
  } finally {
    clearTimeout(timer);
  }
}

const INVALID = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID;
  }
}

/** The `reason` of h's error body, cut short: it is the service's wording, shown to no reader unchecked. */
function reasonOf(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('reason' in body)) return '';
  const { reason } = body as { reason: unknown };
  return typeof reason === 'string' ? reason.slice(0, 500) : '';
}

/** The declared length is checked first, then the bytes as they arrive, because a server may declare nothing. */
async function readBody(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    return null;
  }
  if (!response.body) return '';
  const bytes = await readCapped(response.body.getReader(), maxBytes);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}
