import * as v from 'valibot';
import type { ClubResult } from '../backend';
import { decodeBase64urlText } from './base64url';
import { isSecureEnough } from './config';
import { type DpopKey, dpopProof } from './dpop';
import { REQUEST_TIMEOUT_MS, statusFailure, thrownFailure } from './http-failure';

/**
 * A DPoP-bound access token from the issuer, for the client id and secret the reader pasted: the Community Solid
 * Server's "client credentials" grant (OAuth 2.0, RFC 6749 §4.4). It needs no browser window and no redirect, so
 * the background service worker can renew it alone, whenever it expires.
 */
export interface AccessToken {
  token: string;
  /** The reader's WebID, from the token's `webid` claim (Solid-OIDC): who the pod sees. */
  webId: string;
  /** When to stop using it (ms since the epoch), a minute early so that a request never carries a dying token. */
  expiresAt: number;
}

export interface Credentials {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const EXPIRY_MARGIN_MS = 60_000;
const SMALL_BODY = 64 * 1024;

const DiscoverySchema = v.object({ token_endpoint: v.pipe(v.string(), v.maxLength(2_000), v.url()) });
const TokenSchema = v.object({
  access_token: v.pipe(v.string(), v.nonEmpty(), v.maxLength(16_000)),
  token_type: v.pipe(
    v.string(),
    v.check((type) => type.toLowerCase() === 'dpop', 'not a DPoP token'),
  ),
  expires_in: v.optional(v.pipe(v.number(), v.minValue(1))),
});
const ClaimsSchema = v.object({ webid: v.pipe(v.string(), v.maxLength(2_000), v.url()) });

/** The token endpoint the issuer names in its OpenID configuration. */
async function tokenEndpoint(issuer: string, fetcher: typeof fetch): Promise<ClubResult<string>> {
  const discovery = new URL('.well-known/openid-configuration', issuer.endsWith('/') ? issuer : `${issuer}/`);
  const body = await getJson(fetcher, discovery.href, { headers: { Accept: 'application/json' } });
  if (!body.ok) return body;
  const parsed = v.safeParse(DiscoverySchema, body.value);
  if (!parsed.success) return { ok: false, code: 'invalid-response', detail: 'the issuer has no token endpoint' };
  const endpoint = new URL(parsed.output.token_endpoint);
  // The secret goes there: never over plain http to another machine, whatever the discovery document says.
  if (!isSecureEnough(endpoint)) return { ok: false, code: 'invalid-response', detail: 'insecure token endpoint' };
  return { ok: true, value: endpoint.href };
}

export async function requestAccessToken(
  credentials: Credentials,
  key: DpopKey,
  fetcher: typeof fetch = fetch,
  now: () => number = Date.now,
): Promise<ClubResult<AccessToken>> {
  const endpoint = await tokenEndpoint(credentials.issuer, fetcher);
  if (!endpoint.ok) return endpoint;
  // RFC 6749 §2.3.1: each half is form-encoded before the pair is base64-encoded.
  const basic = btoa(`${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`);
  const body = await getJson(fetcher, endpoint.value, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${basic}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      DPoP: await dpopProof(key, { method: 'POST', url: endpoint.value }),
    },
    body: 'grant_type=client_credentials&scope=webid',
  });
  if (!body.ok) return body;
  const parsed = v.safeParse(TokenSchema, body.value);
  if (!parsed.success) return { ok: false, code: 'invalid-response', detail: 'the issuer sent no DPoP token' };
  const webId = webIdOf(parsed.output.access_token);
  if (webId === null) return { ok: false, code: 'invalid-response', detail: 'the token names no WebID' };
  const lifetimeMs = (parsed.output.expires_in ?? 300) * 1000;
  return {
    ok: true,
    value: { token: parsed.output.access_token, webId, expiresAt: now() + lifetimeMs - EXPIRY_MARGIN_MS },
  };
}

/**
 * The `webid` claim of a JWT access token. Read, not verified: the token came straight from the issuer over a
 * secure connection, and it is the pod, not us, that checks its signature on every request.
 */
function webIdOf(token: string): string | null {
  const payload = token.split('.')[1];
  const text = payload === undefined ? null : decodeBase64urlText(payload);
  if (text === null) return null;
  try {
    const claims = v.safeParse(ClaimsSchema, JSON.parse(text));
    return claims.success ? claims.output.webid : null;
  } catch {
    return null;
  }
}

/** A small JSON reply, with every failure as a result. The issuer's answers are a few hundred bytes. */
async function getJson(fetcher: typeof fetch, url: string, init: RequestInit): Promise<ClubResult<unknown>> {
  try {
    const response = await fetcher(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    // The issuer answers a wrong id or secret with 400 or 401 (`invalid_client`): either way, not authorised.
    if (response.status === 400 && init.method === 'POST') return { ok: false, code: 'unauthorized' };
    const failure = statusFailure(response);
    if (failure !== null) return { ok: false, ...failure };
    const text = await response.text();
    if (text.length > SMALL_BODY) return { ok: false, code: 'invalid-response', detail: 'oversized reply' };
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, code: 'invalid-response', detail: 'not JSON' };
    return { ok: false, ...thrownFailure(error) };
  }
}
