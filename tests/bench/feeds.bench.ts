// @vitest-environment node
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCatalog } from '../../utils/background/catalog-source';
import { createFeedStore } from '../../utils/db/feed-store';
import { listFeeds } from '../../utils/db/feeds';
import { openJournalClubDb } from '../../utils/db/open';
import { createFeedService } from '../../utils/feeds/feed-service';

/**
 * What a club's catalog of 1,000 entries (the most a feed may hold) costs: fetching and validating it, revalidating
 * it when unchanged, and loading the catalog the background answers every page from (which it does again each
 * time the service worker wakes). Served over real HTTP on 127.0.0.1; IndexedDB is fake-indexeddb in Node, slower
 * than the browser's, so the stored-copy figures are upper bounds. Prints figures; asserts nothing about time.
 */
const ENTRIES = 1_000;
const RUNS = 7;

const entry = (i: number) => ({
  id: `entry-${i}`,
  dois: [`10.5555/bench.${i}`, `10.1101/bench.${i}`],
  title: { en: `Article number ${i} on implementation support`, fr: `Article numéro ${i} sur le soutien` },
  authors: ['A. Author', 'B. Author', 'C. Author'],
  citation: `Author A, Author B, Author C (2021) Article number ${i}. Journal 12:${i}.`,
  year: 2000 + (i % 25),
  articleUrls: [`https://journal.example/articles/${i}`],
  club: { name: 'Bench Club', url: 'https://club.example/' },
  postUrl: `https://club.example/posts/${i}`,
  summary: { en: 'A summary paragraph. '.repeat(40), fr: 'Un paragraphe de résumé. '.repeat(40) },
  commentary: 'A commentary paragraph. '.repeat(60),
  questions: [1, 2, 3].map((n) => ({ id: `q${n}`, text: `Discussion question ${n} about article ${i}?` })),
  published: '2025-06-05',
});
const body = JSON.stringify({ version: 1, entries: Array.from({ length: ENTRIES }, (_, i) => entry(i)) });

const server = createServer((request, response) => {
  if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304, { etag: '"v1"' }).end();
  response.writeHead(200, { 'content-type': 'application/json', etag: '"v1"' }).end(body);
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/catalog.json`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

it('times a 1,000-entry feed: first fetch, revalidation, catalog load and lookup', async () => {
  const first: number[] = [];
  const revalidate: number[] = [];
  const load: number[] = [];
  const lookup: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const opened = await openJournalClubDb(new IDBFactory(), `feeds-bench-${run}`);
    if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.detail}`);
    const db = opened.value;
    const feeds = createFeedService({
      store: createFeedStore(async () => ({ ok: true, value: db })),
      isApproved: async () => true,
      now: () => new Date(),
      onChange: () => undefined,
    });
    first.push(await time(() => feeds.subscribe(url)));
    revalidate.push(await time(() => feeds.refresh(url)));
    let catalog: Awaited<ReturnType<typeof loadCatalog>> | null = null;
    load.push(
      await time(async () => {
        catalog = await loadCatalog(() => listFeeds(db));
      }),
    );
    const loaded = catalog as Awaited<ReturnType<typeof loadCatalog>> | null;
    expect(loaded?.errors).toEqual([]);
    const start = performance.now();
    for (let i = 0; i < ENTRIES; i++) loaded?.find(`10.1101/BENCH.${i}`);
    lookup.push(((performance.now() - start) / ENTRIES) * 1000);
    db.close();
  }
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const rows: [string, string][] = [
    ['subscribe: fetch (200), validate, store the copy', ms(median(first))],
    ['refresh when unchanged (304, copy kept)', ms(median(revalidate))],
    ['load the catalog (bundled + stored copy, validated, indexed)', ms(median(load))],
    ['find an entry by DOI', `${median(lookup).toFixed(2)} µs`],
  ];
  const size = `${(body.length / 1024).toFixed(0)} KB of JSON`;
  console.log(
    [
      `\nA feed of ${ENTRIES.toLocaleString('en')} entries (${size}), median of ${RUNS} runs:`,
      ...rows.map(([what, figure]) => `  ${what.padEnd(62)} ${figure.padStart(9)}`),
    ].join('\n'),
  );
});
