// @vitest-environment node
// Node's WebCrypto and URL, as the background service worker has them (happy-dom replaces URL).
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readAnnotation } from '../../utils/club/solid/annotation-read';
import { decodeBase64urlText } from '../../utils/club/solid/base64url';
import { SolidClubConfigSchema } from '../../utils/club/solid/config';
import { createDpopKey, dpopProof } from '../../utils/club/solid/dpop';
import { retryAfterBounded, statusFailure, thrownFailure } from '../../utils/club/solid/http-failure';
import { articleDocumentName, memberSlug } from '../../utils/club/solid/layout';
import { containedMembers } from '../../utils/club/solid/members-index';
import { questionIdFromIri, questionIri } from '../../utils/club/solid/question-iri';

const decodePart = (part: string | undefined) => JSON.parse(decodeBase64urlText(part ?? '') ?? 'null');

describe('DPoP proofs', () => {
  it('are ES256 JWTs the public key in their header verifies, bound to the request and the token', async () => {
    const key = await createDpopKey();
    const proof = await dpopProof(key, { method: 'put', url: 'https://pod.example/a/b?x=1#f', accessToken: 'token' });
    const [header, payload, signature] = proof.split('.');
    expect(decodePart(header)).toEqual({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicJwk });
    const claims = decodePart(payload);
    expect(claims).toMatchObject({ htm: 'PUT', htu: 'https://pod.example/a/b', iat: expect.any(Number) });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    const tokenHash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('token')));
    expect(claims.ath).toBe(Buffer.from(tokenHash).toString('base64url'));
    const publicKey = await crypto.subtle.importKey(
      'jwk',
      key.publicJwk,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    const verified = await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      publicKey,
      Buffer.from(signature ?? '', 'base64url'),
      new TextEncoder().encode(`${header}.${payload}`),
    );
    expect(verified).toBe(true);
  });

  it('are signed by a private key that cannot be exported', async () => {
    const key = await createDpopKey();
    expect(key.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow();
  });
});

describe('failures', () => {
  const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });
  it.each([
    [200, null],
    [304, null],
    [401, { code: 'unauthorized' }],
    [403, { code: 'forbidden' }],
    [404, { code: 'not-found' }],
    [500, { code: 'server', status: 500 }],
    [503, { code: 'server', status: 503 }],
  ])('maps status %i', (status, failure) => {
    expect(statusFailure(response(status))).toEqual(failure);
  });

  it('honours Retry-After in seconds or as a date, bounded', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(statusFailure(response(429, { 'Retry-After': '7' }), now)).toEqual({
      code: 'rate-limited',
      retryAfterMs: 7_000,
    });
    expect(retryAfterBounded('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterBounded('999999999', now)).toBe(60 * 60_000);
    expect(retryAfterBounded('soon', now)).toBe(30_000);
    expect(retryAfterBounded(null, now)).toBe(30_000);
  });

  it('calls a network error or a timeout offline, and names anything else', () => {
    expect(thrownFailure(new TypeError('fetch failed'))).toEqual({ code: 'offline' });
    expect(thrownFailure(new DOMException('late', 'TimeoutError'))).toEqual({ code: 'offline' });
    expect(thrownFailure(new Error('bug'))).toEqual({ code: 'invalid-response', detail: 'bug' });
  });
});

describe('the pod layout', () => {
  it.each([
    ['10.1038/nature12373', '10.1038_2fnature12373.jsonld'],
    ['10.1000/ABC', '10.1000_2fabc.jsonld'],
    ['10.1000/a_2f', '10.1000_2fa_5f2f.jsonld'],
    ['10.1000/../x', '10.1000_2f.._2fx.jsonld'],
    ['10.1000/é', '10.1000_2f_e9.jsonld'],
    ['10.1000/😀', '10.1000_2f_u1f600_.jsonld'],
  ])('names the document for %s %s, one per DOI and never outside the container', (doi, name) => {
    expect(articleDocumentName(doi)).toBe(name);
  });

  it('gives each WebID its own readable member slug', async () => {
    const alice = await memberSlug('https://pod.example/alice/profile/card#me');
    expect(alice).toMatch(/^pod-example-alice-profile-card-me-[0-9a-f]{16}$/);
    expect(await memberSlug('https://pod.example/alice/profile/card#me')).toBe(alice);
    expect(await memberSlug('https://pod.example/alice/profile/card/me')).not.toBe(alice);
  });

  it('reads the members index from expanded JSON-LD, direct child containers only', () => {
    const members = 'https://pod.example/jc/members/';
    const listing = [
      {
        '@id': members,
        'http://www.w3.org/ns/ldp#contains': [{ '@id': `${members}a-1/` }, { '@id': `${members}note.ttl` }],
      },
      { '@id': 'https://elsewhere.example/', 'http://www.w3.org/ns/ldp#contains': [{ '@id': `${members}b-2/` }] },
      {
        '@id': members,
        'http://www.w3.org/ns/ldp#contains': [{ '@id': `${members}a-1/` }, { '@id': `${members}c/d/` }, 5],
      },
    ];
    expect(containedMembers(listing, members)).toEqual([`${members}a-1/`]);
    expect(containedMembers('not json-ld', members)).toEqual([]);
  });
});

describe('question IRIs', () => {
  it.each([
    [questionIri('entry-1', 'q2'), 'q2'],
    [questionIri('entry 1', 'q/2'), 'q/2'],
    ['https://club.example/posts/1#q3', 'q3'],
    ['urn:jc:entry:other#q2', null],
    ['urn:jc:entry:entry-1', null],
    ['urn:other:entry-1#q2', null],
    [`https://club.example/#${'q'.repeat(201)}`, null],
    ['https://club.example/#%E0%A4%A', null],
  ])('reads %s as %s', (iri, id) => {
    const entryId = iri.includes('entry%201') ? 'entry 1' : 'entry-1';
    expect(questionIdFromIri(iri, entryId)).toBe(id);
  });
});

describe('reading a member’s annotation', () => {
  const documentUrl = 'https://pod.example/jc/members/bob-1/10.1_2fx.jsonld';
  const context = { documentUrl, doi: '10.1/X', entryId: 'e', readerWebId: 'https://pod.example/alice#me' };
  const annotation = {
    id: `${documentUrl}#a`,
    type: 'Annotation',
    motivation: 'highlighting',
    created: '2026-01-01T10:00:00+02:00',
    modified: '2026-01-01T08:00:00Z',
    creator: { id: 'https://pod.example/bob#me' },
    target: {
      type: 'SpecificResource',
      source: 'https://journal.example/x',
      scope: 'https://doi.org/10.1/x',
      selector: [
        { type: 'TextQuoteSelector', exact: 'q', prefix: 'p'.repeat(500), suffix: '' },
        { type: 'TextPositionSelector', start: 1, end: 2 },
      ],
    },
  };

  it('keeps a valid one, with times in one form, context cut and a name from the WebID', () => {
    const read = readAnnotation(annotation, context);
    expect(read).toMatchObject({ createdAt: '2026-01-01T08:00:00.000Z', author: { name: 'bob' }, mine: false });
    expect(read?.selectors[0]).toMatchObject({ type: 'TextQuoteSelector', prefix: 'p'.repeat(64) });
  });

  it.each([
    ['an id outside its document', { id: 'https://pod.example/jc/members/alice-1/10.1_2fx.jsonld#a' }],
    ['another article', { target: { ...annotation.target, scope: 'https://doi.org/10.2/y' } }],
    ['a reply that targets a passage', { motivation: 'replying' }],
    ['a highlight that targets an annotation', { target: `${documentUrl}#b` }],
    ['a note over the limit', { body: [{ type: 'TextualBody', purpose: 'commenting', value: 'n'.repeat(2_001) }] }],
    [
      'a quote over the limit',
      {
        target: {
          ...annotation.target,
          selector: [{ ...annotation.target.selector[0], exact: 'q'.repeat(4_001) }, annotation.target.selector[1]],
        },
      },
    ],
    [
      'a thousand bodies',
      { body: Array.from({ length: 1_000 }, () => ({ type: 'TextualBody', purpose: 'tagging', value: 't' })) },
    ],
    ['a time that is no time', { created: 'yesterday' }],
  ])('drops %s', (_, change) => {
    expect(readAnnotation({ ...annotation, ...change }, context)).toBeNull();
  });
});

describe('the stored configuration', () => {
  const config = {
    kind: 'solid',
    issuer: 'https://pod.example/',
    clientId: 'id',
    clientSecret: 'secret',
    clubContainer: 'https://pod.example/alice/journal-club/jc1/',
  };
  it.each([
    ['a pod over https', {}, true],
    [
      'a pod on http://localhost',
      { issuer: 'http://localhost:3000/', clubContainer: 'http://localhost:3000/a/' },
      true,
    ],
    ['plain http to another machine', { issuer: 'http://pod.example/' }, false],
    ['the bare loopback address', { clubContainer: 'http://127.0.0.1:3000/a/' }, false],
    ['a container without its final slash', { clubContainer: 'https://pod.example/alice/jc1' }, false],
    ['an empty secret', { clientSecret: '' }, false],
  ])('accepts %s: %s', (_, change, accepted) => {
    expect(v.safeParse(SolidClubConfigSchema, { ...config, ...change }).success).toBe(accepted);
  });
});
