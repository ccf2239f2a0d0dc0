import type { ClubResult } from '../backend';
import { type AccessToken, type Credentials, requestAccessToken } from './client-credentials';
import { createDpopKey, type DpopKey, dpopProof } from './dpop';
import { REQUEST_TIMEOUT_MS, thrownFailure } from './http-failure';

/**
 * The reader's authenticated connection to one club's pod: a DPoP key for the life of the service worker, an
 * access token renewed when it expires (or when the pod stops accepting it), and a proof signed per request.
 * Requests go only to addresses inside the club's container, so that no address read from a member's document
 * can make the background send the reader's token elsewhere.
 */
export interface PodSession {
  /** The connected reader's WebID (getting a token if there is none yet). */
  webId(): Promise<ClubResult<string>>;
  /**
   * One authenticated request. Any HTTP status comes back as a response for the caller to read (a 404 or 412
   * means something to it); only "no answer" and a refused token are failures here.
   */
  request(
    method: string,
    url: string,
    init?: { headers?: Record<string, string>; body?: string },
  ): Promise<ClubResult<Response>>;
}

export interface PodSessionOptions extends Credentials {
  clubContainer: string;
  fetch?: typeof fetch;
  now?: () => number;
}

export function createPodSession(options: PodSessionOptions): PodSession {
  const fetcher = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const now = options.now ?? Date.now;
  let key: Promise<DpopKey> | null = null;
  let held: AccessToken | null = null;
  let pending: Promise<ClubResult<AccessToken>> | null = null;
  /** Made once, on first use, and kept for the session: the token is bound to it. */
  const dpopKey = () => {
    key ??= createDpopKey();
    return key;
  };

  /**
   * The held token while it is valid, else one request for a new one, which every concurrent caller shares:
   * the members' documents of a listing are fetched together, and an expired token must not cost six renewals.
   */
  const currentToken = async (renew: boolean): Promise<ClubResult<AccessToken>> => {
    if (!renew && held !== null && held.expiresAt > now()) return { ok: true, value: held };
    pending ??= (async () => {
      try {
        const fresh = await requestAccessToken(options, await dpopKey(), fetcher, now);
        // A failure is not kept: the next call tries again (the reader may have come back online).
        held = fresh.ok ? fresh.value : null;
        return fresh;
      } finally {
        pending = null;
      }
    })();
    return pending;
  };

  const send = async (
    method: string,
    url: string,
    init: { headers?: Record<string, string>; body?: string },
    renew: boolean,
  ): Promise<ClubResult<Response>> => {
    const access = await currentToken(renew);
    if (!access.ok) return access;
    const proof = await dpopProof(await dpopKey(), { method, url, accessToken: access.value.token });
    const response = await fetcher(url, {
      method,
      headers: { ...init.headers, Authorization: `DPoP ${access.value.token}`, DPoP: proof },
      ...(init.body === undefined ? {} : { body: init.body }),
      // The pod answers with Last-Modified and no Cache-Control, which lets the browser's HTTP cache serve a copy
      // it judges fresh: a read before a write would then hold an old ETag, and every retry of the write would
      // meet 412 again. A listing's own ETag cache (list-article.ts) sends its If-None-Match itself.
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { ok: true, value: response };
  };

  return {
    async webId() {
      try {
        const access = await currentToken(false);
        return access.ok ? { ok: true, value: access.value.webId } : access;
      } catch (error) {
        return { ok: false, ...thrownFailure(error) };
      }
    },
    async request(method, url, init = {}) {
      if (!url.startsWith(options.clubContainer)) return { ok: false, code: 'forbidden' };
      try {
        const first = await send(method, url, init, false);
        // A 401 with a token we thought valid: revoked, or the server restarted. One renewal, then it stands.
        if (!first.ok || first.value.status !== 401) return first;
        await first.value.body?.cancel();
        return await send(method, url, init, true);
      } catch (error) {
        return { ok: false, ...thrownFailure(error) };
      }
    },
  };
}
