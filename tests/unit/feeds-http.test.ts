// @vitest-environment node
// Real `fetch` against a real server: happy-dom's own fetch would stand in for the one under test.
import 'fake-indexeddb/auto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../utils/background/catalog-source';
import { handleFeedRequest } from '../../utils/background/feed-requests';
import { createFeedTrust, type FeedTrust } from '../../utils/background/feed-trust';
import { handleRequest } from '../../utils/background/handle-request';
import type { BackgroundServices } from '../../utils/background/services';
import { createFeedStore } from '../../utils/db/feed-store';
import { getFeed, listFeeds } from '../../utils/db/feeds';
import { openJournalClubDb } from '../../utils/db/open';
import type { JournalClubDb } from '../../utils/db/schema';
import { createFeedService, type FeedService } from '../../utils/feeds/feed-service';
import { mapSessionArea } from '../support/session-area';
import { expectOk } from '../support/unit/db-fixtures';

/** A catalog entry for the i-th article of a test club. */
const entry = (i: number) => ({
  id: `entry-${i}`,
  dois: [`10.5555/feed.${i}`],
  title: `Article ${i}`,
  authors: ['A. Author'],
  citation: `Citation ${i}`,
  year: 2021,
  articleUrls: [],
  club: { name: 'Loopback Club', url: 'https://club.example/' },
  postUrl: `https://club.example/posts/${i}`,
  summary: 'Summary.',
  commentary: 'Commentary.',
  questions: [{ id: 'q1', text: 'Why?' }],
});
const feedOf = (count: number) => ({ version: 1, entries: Array.from({ length: count }, (_, i) => entry(i)) });

type Route = (response: ServerResponse, headers: IncomingHttpHeaders) => void;
const routes = new Map<string, Route>();
/** The request headers each path received, in order. */
const received = new Map<string, IncomingHttpHeaders[]>();

const server = createServer((request, response) => {
  const path = request.url ?? '/';
  received.set(path, [...(received.get(path) ?? []), request.headers]);
  const route = routes.get(path);
  if (route) route(response, request.headers);
  else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
});
let origin = '';

/** Serves `body` as JSON with validators; answers 304 when the client sends them back. */
function serveJson(path: string, body: unknown, etag = '"v1"', lastModified = 'Wed, 25 Nov 2026 10:00:00 GMT') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  routes.set(path, (response, headers) => {
    if (headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': 'application/json', etag, 'last-modified': lastModified }).end(text);
  });
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let db: JournalClubDb;
let feeds: FeedService;
let changes: number;
let clock: number;
let permitted: Set<string>;

function makeService(timeoutMs = 2_000) {
  return createFeedService({
    store: createFeedStore(async () => ({ ok: true, value: db })),
    isApproved: async (pattern) => permitted.has(pattern),
    now: () => {
      clock += 60_000;
      return new Date(clock);
    },
    onChange: () => {
      changes++;
    },
    timeoutMs,
  });
}

beforeEach(async () => {
  routes.clear();
  received.clear();
  db = expectOk(await openJournalClubDb(new IDBFactory(), 'feeds-http-test'));
  changes = 0;
  clock = Date.parse('2026-11-27T10:00:00.000Z');
  permitted = new Set(['http://127.0.0.1/*']);
  feeds = makeService();
});

/** Subscribes and returns the stored record. */
async function subscribe(path: string) {
  const answer = expectOk(await feeds.subscribe(`${origin}${path}`));
  if (answer.status === 'refused') throw new Error(`refused: ${answer.problem}`);
  return answer.record;
}

const catalog = () => loadCatalog(() => listFeeds(db));

describe('a feed served over HTTP', () => {
  it('is fetched on subscribing (200), then revalidated with its ETag and Last-Modified (304), keeping the copy', async () => {
    serveJson('/feed.json', feedOf(2));
    const first = await subscribe('/feed.json');
    expect(first).toMatchObject({
      outcome: { kind: 'ok', status: 200 },
      etag: '"v1"',
      lastModified: 'Wed, 25 Nov 2026 10:00:00 GMT',
      entryCount: 2,
      errors: [],
    });
    expect(first.lastRefreshAt).toBe(first.lastAttemptAt);
    expect(received.get('/feed.json')?.[0]).not.toHaveProperty('if-none-match');
    expect(received.get('/feed.json')?.[0]?.cookie).toBeUndefined();
    const rebuildsBefore = changes;

    const second = expectOk(await feeds.refresh(`${origin}/feed.json`));
    // Nothing new arrived: the merged catalog is not rebuilt.
    expect(changes).toBe(rebuildsBefore);
    expect(received.get('/feed.json')?.[1]).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Wed, 25 Nov 2026 10:00:00 GMT',
    });
    expect(second.outcome).toEqual({ kind: 'not-modified', status: 304, message: '' });
    expect(second.document).toEqual(feedOf(2));
    expect(second.lastRefreshAt).not.toBe(first.lastRefreshAt);
    expect(second.lastRefreshAt).toBe(second.lastAttemptAt);
    expect((await catalog()).find('10.5555/FEED.1')?.id).toBe('entry-1');
  });

  it.each([301, 302, 303, 307, 308])(
    'refuses a %i redirect to another loopback port without requesting it, keeping the last good copy',
    async (status) => {
      serveJson('/moving.json', feedOf(1));
      const good = await subscribe('/moving.json');
      const elsewhere = createServer((_request, response) => response.writeHead(200).end(JSON.stringify(feedOf(3))));
      await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
      let reached = 0;
      elsewhere.on('request', () => reached++);
      const port = (elsewhere.address() as { port: number }).port;
      routes.set('/moving.json', (response) =>
        response.writeHead(status, { location: `http://127.0.0.1:${port}/feed.json` }).end(),
      );
      try {
        const after = expectOk(await feeds.refresh(`${origin}/moving.json`));
        expect(after.outcome).toMatchObject({ kind: 'redirected', status });
        expect(after.document).toEqual(good.document);
        expect(reached).toBe(0);
      } finally {
        elsewhere.closeAllConnections();
        await new Promise((resolve) => elsewhere.close(resolve));
      }
    },
  );

  it('refuses a same-site redirect too, with nothing to show but the outcome', async () => {
    routes.set('/old.json', (response) => response.writeHead(302, { location: '/feed.json' }).end());
    serveJson('/feed.json', feedOf(1));
    const record = await subscribe('/old.json');
    expect(record.outcome.kind).toBe('redirected');
    expect(record.document).toBeNull();
    expect(received.get('/feed.json')).toBeUndefined();
  });

  it('records a 404 on subscribing, with no copy and nothing in the catalog', async () => {
    const record = await subscribe('/missing.json');
    expect(record.outcome).toEqual({ kind: 'http-error', status: 404, message: '404 Not Found' });
    expect(record.document).toBeNull();
    expect(record.lastRefreshAt).toBeNull();
    expect((await catalog()).find('10.1186/s12913-020-05145-1')).not.toBeNull();
  });

  it('keeps the last good copy through a 500, invalid JSON, a non-catalog and a timeout', async () => {
    serveJson('/flaky.json', feedOf(3));
    const good = await subscribe('/flaky.json');
    const url = `${origin}/flaky.json`;

    routes.set('/flaky.json', (response) => response.writeHead(500).end('boom'));
    expect(expectOk(await feeds.refresh(url)).outcome).toMatchObject({ kind: 'http-error', status: 500 });

    serveJson('/flaky.json', '{"version": 1, "entries": [', '"v2"');
    const broken = expectOk(await feeds.refresh(url));
    expect(broken.outcome.kind).toBe('invalid-json');
    expect(broken.outcome.message).not.toBe('');

    serveJson('/flaky.json', { entries: 'nope' }, '"v3"');
    const notCatalog = expectOk(await feeds.refresh(url));
    expect(notCatalog.outcome.kind).toBe('not-a-catalog');
    expect(notCatalog.outcome.message).toMatch(/version/);

    routes.set('/flaky.json', () => {}); // never answers
    feeds = makeService(150);
    const started = Date.now();
    const timedOut = expectOk(await feeds.refresh(url));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(timedOut.outcome).toMatchObject({ kind: 'timeout', status: null });

    for (const after of [timedOut, expectOk(await getFeed(db, url))]) {
      expect(after.document).toEqual(good.document);
      expect(after.etag).toBe('"v1"');
      expect(after.entryCount).toBe(3);
      expect(after.lastRefreshAt).toBe(good.lastRefreshAt);
      expect(after.lastAttemptAt).not.toBe(good.lastAttemptAt);
    }
    expect((await catalog()).find('10.5555/feed.2')?.id).toBe('entry-2');
  });

  it('serves the valid entries of a feed with one broken entry, naming the entry and the field', async () => {
    const feed = feedOf(3);
    feed.entries[1] = { ...entry(1), year: 'last year' as unknown as number };
    serveJson('/one-broken.json', feed);
    const record = await subscribe('/one-broken.json');
    expect(record.outcome.kind).toBe('ok');
    expect(record.entryCount).toBe(2);
    expect(record.errors).toEqual([
      { index: 1, id: 'entry-1', message: 'entry "entry-1" (#1): year: expected a number' },
    ]);
    const merged = await catalog();
    expect(merged.find('10.5555/feed.0')?.id).toBe('entry-0');
    expect(merged.find('10.5555/feed.1')).toBeNull();
    expect(merged.find('10.5555/feed.2')?.id).toBe('entry-2');
  });

  it('follows a feed growing from 1 to 1,000 entries, and refuses 1,001 while keeping the 1,000', async () => {
    const url = `${origin}/growing.json`;
    serveJson('/growing.json', feedOf(1), '"1"');
    expect((await subscribe('/growing.json')).entryCount).toBe(1);
    for (const count of [10, 500, 1_000]) {
      serveJson('/growing.json', feedOf(count), `"${count}"`);
      const record = expectOk(await feeds.refresh(url));
      expect(record).toMatchObject({ entryCount: count, etag: `"${count}"`, outcome: { kind: 'ok' } });
    }
    const merged = await catalog();
    for (let i = 0; i < 1_000; i++) expect(merged.find(`10.5555/feed.${i}`)?.id, `entry ${i}`).toBe(`entry-${i}`);

    serveJson('/growing.json', feedOf(1_001), '"1001"');
    const refused = expectOk(await feeds.refresh(url));
    expect(refused.outcome).toMatchObject({ kind: 'too-many-entries', status: 200 });
    expect(refused.outcome.message).toBe('the feed lists 1001 entries; a catalog holds at most 1000');
    expect(refused).toMatchObject({ entryCount: 1_000, etag: '"1000"' });
    expect((await catalog()).find('10.5555/feed.999')?.id).toBe('entry-999');
  });

  it('refuses a body past the size cap without keeping it', async () => {
    serveJson('/big.json', feedOf(2));
    await subscribe('/big.json');
    routes.set('/big.json', (response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ version: 1, entries: [], padding: 'x'.repeat(200_000) }));
    });
    feeds = createFeedService({
      store: createFeedStore(async () => ({ ok: true, value: db })),
      isApproved: async () => true,
      now: () => new Date(),
      onChange: () => {},
      maxBytes: 100_000,
    });
    const record = expectOk(await feeds.refresh(`${origin}/big.json`));
    expect(record.outcome).toMatchObject({ kind: 'too-large', status: 200 });
    expect(record.entryCount).toBe(2);
  });

  it('keeps the last good copy offline (the server gone)', async () => {
    const other = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(feedOf(4)));
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const address = other.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/feed.json`;
    expectOk(await feeds.subscribe(url));
    await new Promise((resolve) => other.close(resolve));

    const offline = expectOk(await feeds.refresh(url));
    expect(offline.outcome).toMatchObject({ kind: 'network-error', status: null });
    expect(offline.entryCount).toBe(4);
    expect((await catalog()).find('10.5555/feed.3')?.id).toBe('entry-3');
  });

  it('fetches nothing without permission for the site, and records why on refresh', async () => {
    serveJson('/feed.json', feedOf(1));
    permitted.clear();
    expect(expectOk(await feeds.subscribe(`${origin}/feed.json`))).toEqual({
      status: 'refused',
      problem: 'permission-missing',
    });
    expect(expectOk(await listFeeds(db)).feeds).toEqual([]);

    permitted.add('http://127.0.0.1/*');
    await subscribe('/feed.json');
    permitted.clear();
    const record = expectOk(await feeds.refresh(`${origin}/feed.json`));
    expect(record.outcome.kind).toBe('permission-missing');
    expect(record.entryCount).toBe(1);
    expect(received.get('/feed.json')).toHaveLength(1);

    // Subscribing again, permission granted anew, fetches at once.
    permitted.add('http://127.0.0.1/*');
    const again = expectOk(await feeds.subscribe(`${origin}/feed.json`));
    expect(again).toMatchObject({ status: 'already-subscribed', record: { outcome: { kind: 'not-modified' } } });
    expect(received.get('/feed.json')).toHaveLength(2);
  });

  it('refreshes every feed at once, and unsubscribing removes only that feed’s entries', async () => {
    serveJson('/a.json', { version: 1, entries: [entry(1)] });
    serveJson('/b.json', { version: 1, entries: [entry(2)] });
    await subscribe('/a.json');
    await subscribe('/b.json');
    const all = expectOk(await feeds.refreshAll());
    expect(all.map((record) => record.outcome.kind)).toEqual(['not-modified', 'not-modified']);

    const before = changes;
    expect(expectOk(await feeds.unsubscribe(`${origin}/a.json`))).toBe(true);
    expect(changes).toBe(before + 1);
    const merged = await catalog();
    expect(merged.find('10.5555/feed.1')).toBeNull();
    expect(merged.find('10.5555/feed.2')?.id).toBe('entry-2');
    expect(merged.find('10.1186/s12913-020-05145-1')).not.toBeNull();
    expect(expectOk(await feeds.unsubscribe(`${origin}/a.json`))).toBe(false);
  });
});

describe('the options page requests', () => {
  let trust: FeedTrust;
  beforeEach(() => {
    trust = createFeedTrust(mapSessionArea(new Map()), async () => []);
  });
  const services = () =>
    ({ feeds, feedTrust: trust, catalog: () => catalog(), language: 'en' }) as unknown as BackgroundServices;

  it('are refused from web pages, and the schedule with no feed reaches no server', async () => {
    serveJson('/feed.json', feedOf(1));
    const webPage = { tabId: 3, frameId: 0, fromExtensionPage: false, url: 'https://evil.example/' };
    const reply = await handleRequest({ type: 'feed-subscribe', url: `${origin}/feed.json` }, webPage, services());
    expect(reply).toEqual({ ok: false, error: '"feed-subscribe" is not accepted from this context.' });
    expect(expectOk(await feeds.refreshAll())).toEqual([]);
    expect(received.size).toBe(0);
    expect(expectOk(await listFeeds(db)).feeds).toEqual([]);
  });

  it('refuse invalid addresses with the reason, storing nothing and fetching nothing', async () => {
    for (const [url, problem] of [
      ['', 'empty'],
      ['not a url', 'not-a-url'],
      [`http://club.example/feed.json`, 'not-https'],
      [`http://user:pw@127.0.0.1:1/feed.json`, 'credentials'],
    ] as const) {
      expect(await handleFeedRequest({ type: 'feed-subscribe', url }, services())).toEqual({
        ok: true,
        value: { status: 'refused', problem },
      });
    }
    expect(expectOk(await listFeeds(db)).feeds).toEqual([]);
    expect(received.size).toBe(0);
  });

  it('answer a subscription with the overview: the bundled catalog, then the feed with its clubs and status', async () => {
    serveJson('/feed.json', feedOf(2));
    const reply = await handleFeedRequest({ type: 'feed-subscribe', url: ` ${origin}/feed.json#x` }, services());
    expect(reply).toMatchObject({ ok: true, value: { status: 'subscribed', url: `${origin}/feed.json` } });
    const overview = reply.ok && 'overview' in reply.value ? reply.value.overview : null;
    expect(overview?.bundled).toEqual({ entryCount: 1, clubs: ['Research Impact Canada — KMb Journal Club'] });
    expect(overview?.feeds).toMatchObject([
      { url: `${origin}/feed.json`, clubs: ['Loopback Club'], entryCount: 2, hasCopy: true, outcome: { kind: 'ok' } },
    ]);
    const again = await handleFeedRequest({ type: 'feed-subscribe', url: `${origin}/feed.json` }, services());
    expect(again).toMatchObject({ ok: true, value: { status: 'already-subscribed' } });

    const after = await handleFeedRequest({ type: 'feed-unsubscribe', url: `${origin}/feed.json` }, services());
    expect(after).toMatchObject({ ok: true, value: { feeds: [] } });
  });

  it('fetch only from the sites the reader approved by subscribing, and stop once the reader withdraws one', async () => {
    // The feed service asks the reader's list, as the background wires it: not the browser's permissions,
    // which the host permissions make always true.
    feeds = createFeedService({
      store: createFeedStore(async () => ({ ok: true, value: db })),
      isApproved: async (pattern) => (await trust.approvedSites()).includes(pattern),
      now: () => new Date(clock),
      onChange: () => {},
    });
    serveJson('/feed.json', feedOf(1));
    const url = `${origin}/feed.json`;
    expect(expectOk(await feeds.subscribe(url))).toEqual({ status: 'refused', problem: 'permission-missing' });
    expect(received.size).toBe(0);

    const reply = await handleFeedRequest({ type: 'feed-subscribe', url }, services());
    expect(reply).toMatchObject({
      ok: true,
      value: { status: 'subscribed', overview: { approvedSites: ['http://127.0.0.1/*'] } },
    });
    expect(received.get('/feed.json')?.length).toBe(1);

    const withdrawn = await handleFeedRequest({ type: 'feed-site-remove', site: 'http://127.0.0.1/*' }, services());
    expect(withdrawn).toMatchObject({
      ok: true,
      value: { approvedSites: [], feeds: [{ url, outcome: { kind: 'permission-missing' }, hasCopy: true }] },
    });
    expect(expectOk(await feeds.refresh(url)).outcome.kind).toBe('permission-missing');
    expect(received.get('/feed.json')?.length).toBe(1);
  });

  it('list a feed that republishes the bundled entry as a conflict, and let the reader choose which answers', async () => {
    const bundledDoi = '10.1186/s12913-020-05145-1';
    serveJson('/rival.json', { version: 1, entries: [{ ...entry(0), id: 'albers-2020', dois: [bundledDoi] }] });
    const url = `${origin}/rival.json`;
    await handleFeedRequest({ type: 'feed-subscribe', url }, services());
    expect((await catalog()).find(bundledDoi)?.club.name).toBe('Research Impact Canada — KMb Journal Club');
    const listed = await handleFeedRequest({ type: 'feeds' }, services());
    expect(listed).toMatchObject({
      ok: true,
      value: { conflicts: [{ entryId: 'albers-2020', sources: ['bundled', url], chosen: 'bundled' }] },
    });

    await handleFeedRequest(
      { type: 'catalog-choose', entryId: 'albers-2020', source: 'https://not.claiming/' },
      services(),
    );
    expect(await trust.choices()).toEqual({});
    await handleFeedRequest({ type: 'catalog-choose', entryId: 'albers-2020', source: url }, services());
    expect(await trust.choices()).toEqual({ 'albers-2020': url });
    const chosen = await loadCatalog(() => listFeeds(db), await trust.choices());
    expect(chosen.find(bundledDoi)?.club.name).toBe('Loopback Club');
  });
});
