// @vitest-environment node
// Real `fetch` against a real server: happy-dom's own fetch would stand in for the one under test.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHypothesisBackend } from '../../utils/club/hypothesis';
import { NOTE_MAX_LENGTH } from '../../utils/highlights/highlight';
import { ARTICLE, CLUB, configFor } from '../support/unit/hypothesis-club';

/**
 * A service that answers whatever each test says: the replies here break h's contract on purpose, so they come
 * from a plain server rather than the contract fake. The backend must cap them, skip what it cannot use and
 * never throw.
 */
type Answer = (request: IncomingMessage, response: ServerResponse) => void;
let answer: Answer = (_request, response) => response.end();
let url = '';
const server = createServer((request, response) => answer(request, response));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const json = (response: ServerResponse, body: unknown) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const PROFILE = { userid: 'acct:bob@hypothes.is', user_info: { display_name: 'Bob' } };
/** The profile, then `search` for every search page. */
const serve =
  (search: (query: URLSearchParams) => unknown): Answer =>
  (request, response) => {
    const target = new URL(request.url ?? '/', url);
    if (target.pathname === '/api/profile') return json(response, PROFILE);
    json(response, search(target.searchParams));
  };
const row = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `id-${i}`,
  created: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  updated: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  user: 'acct:alice@hypothes.is',
  group: CLUB,
  text: `n${i}`,
  ...extra,
});
/** Unpaced: these tests are about what a reply may cost, and the rate limit has tests of its own. */
const backend = () =>
  createHypothesisBackend(configFor({ url }, 'token-bob'), { queueOptions: { ratePerSecond: 1_000, burst: 1_000 } });

describe('hostile or broken replies', () => {
  it('reads no more than 200 rows a page and 10,000 in all, from a server that sends 10,000 a page', async () => {
    let pages = 0;
    answer = serve((query) => {
      const after = query.get('search_after');
      const start = after === null ? 0 : (Date.parse(after) - Date.UTC(2026, 0, 1)) / 1000 + 1;
      pages++;
      return { rows: Array.from({ length: 10_000 }, (_, i) => row(start + i)), total: 1_000_000 };
    });
    const started = performance.now();
    const listing = await backend().list(ARTICLE);
    const took = performance.now() - started;
    expect(listing.ok && listing.value.annotations.length).toBe(10_000);
    expect(pages).toBe(50);
    // Serving and parsing 50 pages of 1.3 MB each, server and backend on one core: seconds, not minutes.
    expect(took).toBeLessThan(20_000);
    console.log(`hostile: 50 pages of 10,000 rows each read as 10,000 annotations in ${Math.round(took)} ms`);
  }, 30_000);

  it('stops paging when a server ignores search_after', async () => {
    let pages = 0;
    answer = serve(() => {
      pages++;
      return { rows: Array.from({ length: 200 }, (_, i) => row(i)) };
    });
    const listing = await backend().list(ARTICLE);
    expect(listing.ok && listing.value.annotations.length).toBe(200);
    expect(pages).toBe(2);
  });

  it('cuts a 1 MB note to the note limit, and bounds quotes, context and names', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    answer = serve(() => ({
      rows: [
        row(1, {
          text: huge,
          user_info: { display_name: 'N'.repeat(10_000) },
          target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'quote', prefix: huge, suffix: huge }] }],
        }),
        row(2, { target: [{ selector: [{ type: 'TextQuoteSelector', exact: huge }] }] }),
      ],
    }));
    const listing = await backend().list(ARTICLE);
    const [first, second] = listing.ok ? listing.value.annotations : [];
    expect(first?.note).toHaveLength(NOTE_MAX_LENGTH);
    expect(first?.author.name.length).toBe(100);
    const quote = first?.selectors[0];
    expect(quote?.type === 'TextQuoteSelector' && [quote.prefix.length, quote.suffix.length]).toEqual([64, 64]);
    // A quote longer than a highlight may be is no passage to anchor: the annotation stays, without it.
    expect(second?.selectors).toEqual([]);
  });

  it('skips rows of the wrong shape and keeps the rest', async () => {
    answer = serve(() => ({
      rows: [
        null,
        42,
        'row',
        { id: 'no-user', created: row(0).created, updated: row(0).updated, group: CLUB },
        row(3, { created: 'yesterday' }),
        row(4, { group: 'another-group' }),
        row(5, { tags: 'jc:question:q1', references: { parent: 1 }, target: 'everywhere' }),
        row(6, {
          tags: [7, 'jc:question:', `jc:question:${'q'.repeat(500)}`, 'jc:question:q1'],
          references: ['root', 'parent'],
          target: [{ selector: [{ type: 'TextPositionSelector', start: 9, end: 2 }, { type: 'RangeSelector' }] }],
        }),
      ],
    }));
    const listing = await backend().list(ARTICLE);
    expect(
      listing.ok && listing.value.annotations.map((a) => [a.remoteId, a.questionId, a.replyTo, a.selectors]),
    ).toEqual([['id-6', 'q1', 'parent', []]]);
  });

  it.each([
    ['a page that is not a list of rows', { rows: 'none' }],
    ['a body that is not JSON', '<html>maintenance</html>'],
  ])('reports %s as an invalid response', async (_, body) => {
    answer = serve(() => body);
    const listing = await backend().list(ARTICLE);
    expect(listing.ok === false && listing.code).toBe('invalid-response');
  });

  it('refuses a body over 5 MB, whatever its length header says', async () => {
    answer = (request, response) => {
      if (request.url?.startsWith('/api/profile')) return json(response, PROFILE);
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(1024 * 1024);
      for (let i = 0; i < 6; i++) response.write(chunk);
      response.end();
    };
    expect(await backend().list(ARTICLE)).toEqual({
      ok: false,
      code: 'invalid-response',
      detail: 'the reply is larger than 5242880 bytes',
    });
  });

  it('follows no redirect, so the token goes nowhere else', async () => {
    const asked: string[] = [];
    answer = (request, response) => {
      asked.push(request.url ?? '');
      response.writeHead(302, { location: `${url}/elsewhere` });
      response.end();
    };
    expect(await backend().whoAmI()).toEqual({
      ok: false,
      code: 'invalid-response',
      detail: 'the service redirects to another address',
    });
    expect(asked).toEqual(['/api/profile']);
  });

  it('reports a profile of the wrong shape, and a created annotation without an id, as invalid', async () => {
    answer = (_request, response) => json(response, { userid: 7 });
    expect((await backend().whoAmI()).ok).toBe(false);
    answer = (request, response) => json(response, request.url?.startsWith('/api/profile') ? PROFILE : { rows: [] });
    const published = await backend().publish({
      article: { ...ARTICLE, title: 'T', pageUrl: 'https://publisher.example/1' },
      question: null,
      note: 'n',
    });
    expect(published).toEqual({ ok: false, code: 'invalid-response', detail: 'the created annotation has no id' });
  });
});
