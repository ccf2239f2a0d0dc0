import { base64url, base64urlText } from './base64url';

/**
 * DPoP (RFC 9449), by hand with WebCrypto: Solid servers bind an access token to a key pair, and every request
 * then carries a fresh proof signed by that key. A stolen token is useless without the key, and the key is
 * created non-extractable, so not even the extension's own code can read it out. A library (jose, the Inrupt
 * clients) would bring tens of kilobytes and Node or window assumptions for what is one signature.
 */
export interface DpopKey {
  privateKey: CryptoKey;
  /** The public half as a JWK, put in every proof's header so that the server can check the signature. */
  publicJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
}

const ES256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export async function createDpopKey(): Promise<DpopKey> {
  // Non-extractable: `extractable` binds the private key only; a public key can always be exported.
  const pair = await crypto.subtle.generateKey(ES256, false, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || jwk.x === undefined || jwk.y === undefined) {
    throw new Error('WebCrypto exported an unexpected public key');
  }
  return { privateKey: pair.privateKey, publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } };
}

export interface ProofRequest {
  method: string;
  url: string;
  /** The access token the request carries; its hash (`ath`) ties the proof to it. Absent at the token endpoint. */
  accessToken?: string;
  /** A nonce the server asked for in a `DPoP-Nonce` header. */
  nonce?: string;
}

/**
 * A proof for one request. `htu` drops the query and fragment, as the RFC says the server compares; `jti` is
 * random so that a server may refuse replays; `iat` is in seconds.
 */
export async function dpopProof(key: DpopKey, request: ProofRequest, now: number = Date.now()): Promise<string> {
  const url = new URL(request.url);
  const htu = `${url.origin}${url.pathname}`;
  const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicJwk };
  const payload: Record<string, string | number> = {
    htm: request.method.toUpperCase(),
    htu,
    iat: Math.floor(now / 1000),
    jti: crypto.randomUUID(),
  };
  if (request.accessToken !== undefined) payload.ath = await sha256Base64url(request.accessToken);
  if (request.nonce !== undefined) payload.nonce = request.nonce;
  const signingInput = `${base64urlText(JSON.stringify(header))}.${base64urlText(JSON.stringify(payload))}`;
  // WebCrypto's ECDSA signature is already the raw r‖s form that JWS wants (not DER).
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    key.privateKey,
    new TextEncoder().encode(signingInput),
  );
  return `${signingInput}.${base64url(new Uint8Array(signature))}`;
}

async function sha256Base64url(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64url(new Uint8Array(digest));
}
