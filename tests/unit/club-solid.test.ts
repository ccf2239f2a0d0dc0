// @vitest-environment node
// Real `fetch` and WebCrypto against the real Community Solid Server: happy-dom's fetch would stand in for both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClubArticle, ClubDraft, ClubResult } from '../../utils/club/backend';
import { memberDocument } from '../../utils/club/solid/layout';
import { MEMBER_DOCUMENT_MAX_BYTES } from '../../utils/club/solid/member-document';
import { createPodSession, type PodSession } from '../../utils/club/solid/pod-session';
import { setupClub } from '../../utils/club/solid/setup-club';
import { createSolidBackend, type SolidClubBackend } from '../../utils/club/solid/solid-backend';
import { type SolidAccount, type SolidServer, startSolidServer } from '../support/solid/solid-server';

/**
 * The Solid backend end to end against a real pod server: Alice owns the club, Bob and Carol are members. The
 * steps build on each other (what Alice publishes, Bob reads and answers), so they run in order; the last one
 * stops the server.
 */
const article: ClubArticle = { doi: '10.5555/Club.Solid', entryId: 'solid-entry' };
const page = { ...article, title: 'An article', pageUrl: 'https://journal.example/articles/solid' };
const QUESTION_2 = { id: 'q2', text: 'What would change your mind?' };

const highlight = (note: string): ClubDraft => ({
  article: page,
  localId: crypto.randomUUID(),
  question: QUESTION_2,
  note,
  selectors: [
    { type: 'TextQuoteSelector', exact: 'the passage', prefix: 'Before ', suffix: ' after' },
    { type: 'TextPositionSelector', start: 120, end: 131 },
  ],
});

function value<T>(result: ClubResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.value;
}

let server: SolidServer;
let club: string;
let alice: SolidClubBackend;
let bob: SolidClubBackend;
let carolSession: PodSession;
let accounts: Record<'alice' | 'bob' | 'carol', SolidAccount>;
/** A fetch that a test may cut off, to stop the server in the middle of a call. */
let beforeEachRequest: (url: string, method: string) => Promise<void> = async () => {};
/** The status of every member document read, and of every write, in order. */
const documentStatuses: number[] = [];
const writeStatuses: number[] = [];
/** Each member document read: the cache mode it was asked with, and the caching headers the pod answered. */
const documentReads: { cache: RequestCache | undefined; headers: Headers }[] = [];
const watchedFetch: typeof fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const method = init?.method ?? 'GET';
  await beforeEachRequest(url, method);
  const response = await fetch(input, init);
  if (url.endsWith('.jsonld')) (method === 'GET' ? documentStatuses : writeStatuses).push(response.status);
  if (url.endsWith('.jsonld') && method === 'GET')
    documentReads.push({ cache: init?.cache, headers: response.headers });
  return response;
};

const backendFor = (account: SolidAccount, clientSecret = account.clientSecret) =>
  createSolidBackend(
    { kind: 'solid', issuer: server.baseUrl, clientId: account.clientId, clientSecret, clubContainer: club },
    { fetch: watchedFetch },
  );
const sessionFor = (account: SolidAccount, container: string) =>
  createPodSession({ issuer: server.baseUrl, ...account, clubContainer: container });

beforeAll(async () => {
  server = await startSolidServer(['alice', 'bob', 'carol']);
  console.info(`Community Solid Server answered after ${Math.round(server.startMs)} ms`);
  accounts = server.accounts as typeof accounts;
  club = `${accounts.alice.pod}journal-club/jc1/`;
  // Alice's profile names her; Bob's and Carol's name no one (the seeded profiles), so theirs come from the WebID.
  const profile = sessionFor(accounts.alice, accounts.alice.pod);
  const patched = value(
    await profile.request('PATCH', `${accounts.alice.pod}profile/card`, {
      headers: { 'Content-Type': 'text/n3' },
      body: `@prefix solid: <http://www.w3.org/ns/solid/terms#>.
_:name a solid:InsertDeletePatch; solid:inserts { <${accounts.alice.webId}> <http://xmlns.com/foaf/0.1/name> "Alice Martin". }.`,
    }),
  );
  expect(patched.status).toBeLessThan(300);
  alice = backendFor(accounts.alice);
  value(await setupClub(alice.session, club, [accounts.bob.webId, accounts.carol.webId]));
  bob = backendFor(accounts.bob);
  carolSession = sessionFor(accounts.carol, club);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('a club in a Solid pod', { timeout: 30_000 }, () => {
  let published: string;

  it('connects Alice with client credentials: her WebID, and the name her profile gives', async () => {
    expect(value(await alice.whoAmI())).toEqual({ id: accounts.alice.webId, name: 'Alice Martin' });
    expect(value(await bob.whoAmI())).toEqual({ id: accounts.bob.webId, name: 'bob' });
  });

  it('refuses a wrong secret as unauthorized, without throwing', async () => {
    const wrong = backendFor(accounts.alice, 'not-the-secret');
    expect(await wrong.whoAmI()).toEqual({ ok: false, code: 'unauthorized' });
    expect(await wrong.list(article)).toEqual({ ok: false, code: 'unauthorized' });
  });

  it('renews the access token once it has expired, and not before', async () => {
    let clock = Date.now();
    const tokenRequests: string[] = [];
    const counting: typeof fetch = (input, init) => {
      if (String(input).includes('/.oidc/token')) tokenRequests.push(String(input));
      return fetch(input, init);
    };
    const { clientId, clientSecret } = accounts.carol;
    const config = { kind: 'solid' as const, issuer: server.baseUrl, clientId, clientSecret, clubContainer: club };
    const carol = createSolidBackend(config, { fetch: counting, now: () => clock });
    value(await carol.whoAmI());
    value(await carol.list(article));
    expect(tokenRequests).toHaveLength(1);
    clock += 60 * 60_000;
    value(await carol.list(article));
    expect(tokenRequests).toHaveLength(2);
  });

  it('publishes Alice’s highlight tied to question 2 as W3C Web Annotation JSON-LD in her own document', async () => {
    published = value(await alice.publish(highlight('Her note on question 2'))).remoteId;
    const document = await memberDocument(club, accounts.alice.webId, article.doi);
    expect(published.startsWith(`${document}#`)).toBe(true);
    const response = value(await alice.session.request('GET', document));
    expect(response.headers.get('Content-Type')).toContain('application/ld+json');
    const stored = await response.json();
    expect(stored).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: document,
      type: 'AnnotationCollection',
      total: 1,
      first: { id: `${document}#page-1`, type: 'AnnotationPage', startIndex: 0 },
    });
    expect(stored.first.items).toEqual([
      {
        id: published,
        type: 'Annotation',
        motivation: 'commenting',
        created: expect.any(String),
        modified: expect.any(String),
        creator: { id: accounts.alice.webId, type: 'Person', name: 'Alice Martin' },
        body: [
          { type: 'TextualBody', purpose: 'commenting', value: 'Her note on question 2', format: 'text/plain' },
          { type: 'TextualBody', purpose: 'tagging', value: QUESTION_2.text, format: 'text/plain' },
          { type: 'SpecificResource', purpose: 'classifying', source: 'urn:jc:entry:solid-entry#q2' },
        ],
        target: {
          type: 'SpecificResource',
          source: page.pageUrl,
          scope: 'https://doi.org/10.5555/Club.Solid',
          selector: highlight('').selectors,
        },
      },
    ]);
  });

  it('publishes a highlight again (a retry after a lost answer) in place, not as a copy', async () => {
    const draft = highlight('Published twice');
    const first = value(await alice.publish(draft)).remoteId;
    const second = value(await alice.publish({ ...draft, note: 'Published twice, then edited' })).remoteId;
    expect(second).toBe(first);
    const mine = value(await alice.list(article)).annotations.filter((annotation) => annotation.remoteId === first);
    expect(mine.map((annotation) => annotation.note)).toEqual(['Published twice, then edited']);
    value(await alice.remove(first, article));
  });

  it('lists it for Bob (not his, by Alice, under question 2) in one request per member and one for the index', async () => {
    const listing = value(await bob.list(article));
    expect(listing.requests).toBe(1 + 3);
    expect(listing.dropped).toBe(0);
    expect(listing.annotations).toEqual([
      {
        remoteId: published,
        author: { id: accounts.alice.webId, name: 'Alice Martin' },
        mine: false,
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
        questionId: 'q2',
        note: 'Her note on question 2',
        selectors: highlight('').selectors,
        replyTo: null,
      },
    ]);
  });

  it('lets Bob reply and Alice read the reply, her own marked as hers', async () => {
    const reply = value(
      await bob.publish({ article: page, question: null, note: 'I read it differently', replyTo: published }),
    ).remoteId;
    const listing = value(await alice.list({ ...article, doi: '10.5555/club.solid' }));
    expect(listing.requests).toBe(4);
    const byId = new Map(listing.annotations.map((annotation) => [annotation.remoteId, annotation]));
    expect(byId.get(published)?.mine).toBe(true);
    expect(byId.get(reply)).toMatchObject({
      author: { id: accounts.bob.webId, name: 'bob' },
      mine: false,
      note: 'I read it differently',
      replyTo: published,
      selectors: [],
      questionId: null,
    });
  });

  it('lets Alice edit her note, which Bob then reads', async () => {
    value(await alice.update(published, { ...highlight('Her second thoughts'), question: null }));
    const mine = value(await bob.list(article)).annotations.find((annotation) => annotation.remoteId === published);
    expect(mine).toMatchObject({ note: 'Her second thoughts', questionId: null, mine: false });
  });

  it('reads an unchanged member document again only as a 304 to its ETag', async () => {
    const first = value(await bob.list(article));
    documentStatuses.length = 0;
    const again = value(await bob.list(article));
    // Alice's and Bob's documents exist and have not changed; Carol has none (404).
    expect(documentStatuses.sort()).toEqual([304, 304, 404]);
    expect(again).toEqual(first);
  });

  it('reads every document past the browser’s HTTP cache, which the pod’s headers would let serve an old copy', async () => {
    documentReads.length = 0;
    const { remoteId } = value(await alice.publish(highlight('read fresh')));
    value(await bob.list(article));
    value(await alice.remove(remoteId, article));
    const answered = documentReads.filter((read) => read.headers.get('ETag') !== null);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    // What the pod sends: a validator and a date a browser may compute a heuristic freshness from, and nothing
    // that forbids it.
    for (const { headers } of answered) {
      expect(headers.get('Last-Modified')).not.toBeNull();
      expect(headers.get('Cache-Control') ?? '').not.toMatch(/no-cache|no-store|max-age=0/);
    }
    expect(documentReads.map((read) => read.cache)).toEqual(documentReads.map(() => 'no-store'));
  });

  it('keeps every write when three of Alice’s browsers publish at once: a 412 makes the change again', async () => {
    const browsers = [alice, backendFor(accounts.alice), backendFor(accounts.alice)];
    let reads = 0;
    let allRead = () => {};
    const everyoneHasRead = new Promise<void>((resolve) => {
      allRead = resolve;
    });
    // Each browser reads the document before any writes it, so that two of the three writes are stale.
    beforeEachRequest = async (url, method) => {
      if (!url.endsWith('.jsonld')) return;
      if (method === 'GET' && ++reads === browsers.length) allRead();
      if (method === 'PUT') await everyoneHasRead;
    };
    writeStatuses.length = 0;
    const ids = await Promise.all(
      browsers.map(async (browser, i) => value(await browser.publish(highlight(`at once ${i}`))).remoteId),
    );
    beforeEachRequest = async () => {};
    // Two stale writes in the first round; their second tries may race each other again.
    expect(writeStatuses.filter((status) => status === 412).length).toBeGreaterThanOrEqual(2);
    expect(writeStatuses.filter((status) => status < 300)).toHaveLength(3);
    const listed = value(await bob.list(article)).annotations.map((annotation) => annotation.remoteId);
    expect(listed).toEqual(expect.arrayContaining([published, ...ids]));
    for (const id of ids) value(await alice.remove(id, article));
  });

  it('does not let Bob edit or delete Alice’s annotation, nor write in her container: the pod refuses too', async () => {
    expect(await bob.update(published, highlight('Bob was here'))).toEqual({ ok: false, code: 'forbidden' });
    expect(await bob.remove(published, article)).toEqual({ ok: false, code: 'forbidden' });
    // The ACLs hold even for a client that skips the backend's own check.
    const document = published.split('#')[0] as string;
    const put = value(
      await bob.session.request('PUT', document, { headers: { 'Content-Type': 'application/ld+json' }, body: '[]' }),
    );
    expect(put.status).toBe(403);
    expect(value(await bob.session.request('DELETE', document)).status).toBe(403);
    expect(
      value(await bob.session.request('PUT', `${club}.acl`, { headers: { 'Content-Type': 'text/turtle' }, body: '' }))
        .status,
    ).toBe(403);
    expect(value(await alice.list(article)).annotations.some((annotation) => annotation.remoteId === published)).toBe(
      true,
    );
  });

  it('caps a hostile member’s document, drops what does not fit, and keeps the others', async () => {
    const carolDocument = await memberDocument(club, accounts.carol.webId, article.doi);
    const reply = (i: number, creator = accounts.carol.webId) => ({
      id: `${carolDocument}#r${i}`,
      type: 'Annotation',
      motivation: 'replying',
      created: '2026-01-01T00:00:00Z',
      modified: '2026-01-01T00:00:00Z',
      creator: { id: creator },
      target: published,
    });
    let bytes = 0;
    const write = async (items: unknown) => {
      const body = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items });
      bytes = body.length;
      const put = value(
        await carolSession.request('PUT', carolDocument, { headers: { 'Content-Type': 'application/ld+json' }, body }),
      );
      expect(put.status).toBeLessThan(300);
    };
    const listCarol = async () => {
      const started = performance.now();
      const listing = value(await bob.list(article));
      const carol = listing.annotations.filter((annotation) => annotation.author.id === accounts.carol.webId);
      return { listing, carol, ms: performance.now() - started };
    };

    const badShapes = [null, 'text', 7, [], { type: 'Annotation' }, { ...reply(-1), created: 'yesterday' }];
    const forged = { ...reply(-2, accounts.alice.webId) };
    const elsewhere = { ...reply(-3), id: `${club}elsewhere#r` };
    const hugeNote = {
      ...reply(-4),
      body: [{ type: 'TextualBody', purpose: 'commenting', value: 'x'.repeat(1_000_000) }],
    };
    // Past the item cap, within the size cap: the first 2,000 items are read, the other 20 are not.
    await write([...badShapes, forged, elsewhere, ...Array.from({ length: 2_020 }, (_, i) => reply(i))]);
    expect(bytes).toBeLessThan(MEMBER_DOCUMENT_MAX_BYTES);
    let read = await listCarol();
    expect(read.carol).toHaveLength(2_000 - badShapes.length - 2);
    expect(read.listing.dropped).toBe(2_028 - read.carol.length);
    expect(read.listing.annotations.some((annotation) => annotation.remoteId === published)).toBe(true);

    await write([hugeNote, reply(1)]);
    expect(bytes).toBeLessThan(MEMBER_DOCUMENT_MAX_BYTES);
    read = await listCarol();
    expect(read.carol.map((annotation) => annotation.remoteId)).toEqual([`${carolDocument}#r1`]);
    expect(read.listing.dropped).toBe(1);

    // A hundred thousand levels of `first`: read one level deep, dropped, and nothing overflows.
    const nested = `${'{"first":'.repeat(100_000)}{}${'}'.repeat(100_000)}`;
    const put = value(
      await carolSession.request('PUT', carolDocument, {
        headers: { 'Content-Type': 'application/json' },
        body: nested,
      }),
    );
    expect(put.status).toBeLessThan(300);
    read = await listCarol();
    expect(read.carol).toEqual([]);
    expect(read.listing.dropped).toBe(1);

    await write(Array.from({ length: 10_000 }, (_, i) => reply(i)));
    expect(bytes).toBeGreaterThan(MEMBER_DOCUMENT_MAX_BYTES);
    read = await listCarol();
    expect(read.carol).toEqual([]);
    expect(read.listing.dropped).toBe(1);
    expect(read.listing.annotations.some((annotation) => annotation.remoteId === published)).toBe(true);
    console.info(`Listing past a 10,000-annotation member document took ${Math.round(read.ms)} ms`);
  });

  it('deletes Alice’s annotation: the listing no longer has it, and a second delete is done too', async () => {
    const extra = value(await alice.publish(highlight(''))).remoteId;
    value(await alice.remove(extra, article));
    value(await alice.remove(extra, article));
    const ids = value(await bob.list(article)).annotations.map((annotation) => annotation.remoteId);
    expect(ids).toContain(published);
    expect(ids).not.toContain(extra);
  });

  it('reports the pod stopped in the middle of a listing as offline, without throwing', async () => {
    let stopped = false;
    beforeEachRequest = async (url) => {
      // The members index has been read; the server goes away before the members' documents are.
      if (!stopped && url.endsWith('.jsonld')) {
        stopped = true;
        await server.stop();
      }
    };
    expect(await bob.list(article)).toEqual({ ok: false, code: 'offline' });
    expect(stopped).toBe(true);
    expect(await alice.publish(highlight('while offline'))).toEqual({ ok: false, code: 'offline' });
    expect(await backendFor(accounts.carol).whoAmI()).toEqual({ ok: false, code: 'offline' });
  });
});
