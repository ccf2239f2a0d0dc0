// @vitest-environment node
// Real `fetch` against the contract fake: happy-dom's own fetch would stand in for the one under test.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHypothesisBackend } from '../../utils/club/hypothesis';
import type { HypothesisFake } from '../support/hypothesis-fake';
import { ARTICLE, configFor, highlightDraft, seededBody, startClubFake, TOKENS } from '../support/unit/hypothesis-club';

let fake: HypothesisFake;

beforeEach(async () => {
  fake = await startClubFake();
});

afterEach(async () => {
  await fake.close();
  expect(fake.violations).toEqual([]);
});

const searches = () => fake.requests.filter((request) => request.path === '/api/search');
const seed = (count: number) => {
  for (let i = 0; i < count; i++) fake.seed(i % 2 === 0 ? 'alice' : 'bob', seededBody(i));
};

describe('reading an article’s club layer in pages', () => {
  it('reads 450 annotations in 3 pages of 200 plus the profile: 4 requests', async () => {
    seed(450);
    const bob = createHypothesisBackend(configFor(fake, TOKENS.bob));
    const listing = await bob.list(ARTICLE);
    expect(listing.ok && listing.value.requests).toBe(4);
    const annotations = listing.ok ? listing.value.annotations : [];
    expect(annotations.map((a) => a.note)).toEqual(Array.from({ length: 450 }, (_, i) => `Note ${i}`));
    expect(new Set(annotations.map((a) => a.remoteId)).size).toBe(450);
    expect(fake.requests).toHaveLength(4);
    const pages = searches().map((request) => request.query);
    expect(pages.map((query) => query.get('limit'))).toEqual(['200', '200', '200']);
    expect(pages[0]?.get('search_after')).toBeNull();
    // Each page starts after the last row of the one before, as h's `created` spells it.
    const created = [...fake.store.annotations.values()].map((a) => a.created);
    expect(pages.slice(1).map((query) => query.get('search_after'))).toEqual([created[199], created[399]]);
    console.log(`Hypothesis: 450 annotations read in ${listing.ok && listing.value.requests} requests`);
  });

  it('stops at the total when the last page is full: 2 pages plus the profile', async () => {
    seed(400);
    const bob = createHypothesisBackend(configFor(fake, TOKENS.bob));
    const listing = await bob.list(ARTICLE);
    expect(listing.ok && [listing.value.annotations.length, listing.value.requests]).toEqual([400, 3]);
  });
});

describe('the service’s rate limit', () => {
  it('spaces requests to about 4 a second after a burst of 4', async () => {
    const alice = createHypothesisBackend(configFor(fake, TOKENS.alice));
    const started = Date.now();
    await Promise.all(Array.from({ length: 12 }, () => alice.whoAmI()));
    const times = fake.requests.map((request) => request.at);
    expect(times).toHaveLength(12);
    // 4 at once, then 8 more at 250 ms each: at least 2 s, and no 1 s window with more than 4 + 4.
    expect((times.at(-1) as number) - started).toBeGreaterThanOrEqual(1_900);
    for (let i = 8; i < times.length; i++) expect((times[i] as number) - (times[i - 8] as number)).toBeGreaterThan(950);
  });

  it('sends writes in the order they were asked', async () => {
    const alice = createHypothesisBackend(configFor(fake, TOKENS.alice));
    const notes = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
    const results = await Promise.all(notes.map((note) => alice.publish(highlightDraft({ note, question: null }))));
    const ids = results.map((result) => (result.ok ? result.value.remoteId : ''));
    const stored = ids.map((id) => fake.store.annotations.get(id));
    expect(stored.map((a) => a?.text)).toEqual(notes);
    const created = stored.map((a) => a?.created ?? '');
    expect(created).toEqual([...created].sort());
  });

  it('waits as long as Retry-After says on a 429, then goes on', async () => {
    seed(3);
    fake.answerNext(1, 429, '1');
    const bob = createHypothesisBackend(configFor(fake, TOKENS.bob));
    const listing = await bob.list(ARTICLE);
    expect(listing.ok && listing.value.annotations).toHaveLength(3);
    const [refused, retried] = fake.requests;
    expect(refused?.path).toBe(retried?.path);
    expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect(listing.ok && listing.value.requests).toBe(3);
  });

  it('waits a second on a 429 without Retry-After, as h’s own limiter sends it', async () => {
    fake.answerNext(1, 429);
    const alice = createHypothesisBackend(configFor(fake, TOKENS.alice));
    expect((await alice.whoAmI()).ok).toBe(true);
    const [refused, retried] = fake.requests;
    expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it('reports rate-limited, without waiting, when the service asks for more than a minute', async () => {
    fake.answerNext(1, 429, '120');
    const alice = createHypothesisBackend(configFor(fake, TOKENS.alice));
    const started = Date.now();
    expect(await alice.whoAmI()).toEqual({ ok: false, code: 'rate-limited', retryAfterMs: 120_000 });
    // Meanwhile nothing more is sent: the next call is told at once how long is left.
    const next = await alice.publish(highlightDraft());
    expect(next.ok === false && next.code === 'rate-limited' && next.retryAfterMs > 110_000).toBe(true);
    expect(fake.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('failures the reader is told about', () => {
  it('reads an unknown token, which h serves as anonymous, as unauthorized', async () => {
    const unknown = createHypothesisBackend(configFor(fake, 'unknown-token'));
    expect(await unknown.whoAmI()).toEqual({ ok: false, code: 'unauthorized' });
    expect(await unknown.list(ARTICLE)).toEqual({ ok: false, code: 'unauthorized' });
    expect(await unknown.remove('any', ARTICLE)).toEqual({ ok: false, code: 'unauthorized' });
  });

  it('notices a token revoked mid-session, rather than an empty club or a delete that seems done', async () => {
    const alice = createHypothesisBackend(configFor(fake, TOKENS.alice));
    const published = await alice.publish(highlightDraft());
    const remoteId = published.ok ? published.value.remoteId : '';
    expect((await alice.list(ARTICLE)).ok).toBe(true);
    const account = fake.store.users.find((user) => user.username === 'alice');
    if (account) account.token = 'reissued';
    expect(await alice.list(ARTICLE)).toEqual({ ok: false, code: 'unauthorized' });
    expect(await alice.remove(remoteId, ARTICLE)).toEqual({ ok: false, code: 'unauthorized' });
    expect(await alice.update(remoteId, highlightDraft())).toEqual({ ok: false, code: 'unauthorized' });
    expect(await alice.publish(highlightDraft())).toEqual({ ok: false, code: 'unauthorized' });
    expect([...fake.store.annotations.keys()]).toEqual([remoteId]);
  });

  it.each(['', 'pasted\ntoken', 'tok en'])('refuses the token %j as unauthorized without sending it', async (token) => {
    const backend = createHypothesisBackend(configFor(fake, token));
    expect(await backend.whoAmI()).toEqual({ ok: false, code: 'unauthorized' });
    expect(await backend.publish(highlightDraft())).toEqual({ ok: false, code: 'unauthorized' });
    expect(fake.requests).toEqual([]);
  });

  it('counts only its own requests in a listing, while a write shares the queue', async () => {
    seed(250);
    const alice = createHypothesisBackend(configFor(fake, TOKENS.alice));
    const [listing] = await Promise.all([alice.list(ARTICLE), alice.publish(highlightDraft())]);
    expect(listing.ok && listing.value.requests).toBe(3);
    expect(fake.requests).toHaveLength(4);
  });

  it.each([
    [401, { code: 'unauthorized' }],
    [403, { code: 'forbidden' }],
    [503, { code: 'server', status: 503 }],
  ])('maps a %i to its code', async (status, failure) => {
    fake.answerNext(1, status);
    const alice = createHypothesisBackend(configFor(fake, TOKENS.alice));
    expect(await alice.publish(highlightDraft())).toEqual({ ok: false, ...failure });
    expect(fake.store.annotations.size).toBe(0);
  });

  it('reports a service that is down as offline', async () => {
    const down = { url: fake.url };
    await fake.close();
    const alice = createHypothesisBackend(configFor(down, TOKENS.alice));
    expect(await alice.list(ARTICLE)).toEqual({ ok: false, code: 'offline' });
    expect(await alice.publish(highlightDraft())).toEqual({ ok: false, code: 'offline' });
    fake = await startClubFake();
  });

  it('reports a service that does not answer in time as offline', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const alice = createHypothesisBackend(configFor({ url }, TOKENS.alice), { timeoutMs: 300 });
    expect(await alice.whoAmI()).toEqual({ ok: false, code: 'offline' });
    silent.closeAllConnections();
    silent.close();
  });
});
