import { deleteDB } from 'idb';
import { expect, it } from 'vitest';
import { countHighlightsByDoi, listHighlightsByDoi } from '../../utils/db/highlight-lists';
import { saveHighlight, saveHighlights } from '../../utils/db/highlights';
import { openJournalClubDb } from '../../utils/db/open';
import type { JournalClubDb } from '../../utils/db/schema';
import type { Highlight } from '../../utils/highlights/highlight';
import { expectOk, makeHighlight } from '../support/unit/db-fixtures';

/**
 * What the storage layer costs in real Chromium IndexedDB: one save as the panel makes it, a large import,
 * and loading an article with an extreme number of highlights. Figures only; time is never asserted, since it
 * depends on the machine. The content script → background → IndexedDB round trip is measured elsewhere.
 */

const SINGLE_SAVES = 50;
const SPREAD = { highlights: 10_000, dois: 50, batch: 500 };
const DENSE = { highlights: 10_000, doi: '10.5555/BENCH-DENSE', batch: 500 };
const LIST_RUNS = 7;

it('measures saving and listing highlights', async () => {
  const name = `journal-club-bench-${crypto.randomUUID()}`;
  const db = expectOk(await openJournalClubDb(indexedDB, name));
  const rows: [string, string][] = [];
  try {
    const singles: number[] = [];
    for (let i = 0; i < SINGLE_SAVES; i++) {
      const highlight = makeHighlight({
        doi: '10.5555/bench-single',
        createdAt: timestamp(i),
        updatedAt: timestamp(i),
      });
      singles.push(await time(async () => expectOk(await saveHighlight(db, highlight))));
    }
    rows.push([`save one highlight (own transaction, median of ${SINGLE_SAVES})`, ms(median(singles))]);

    const spread = Array.from({ length: SPREAD.highlights }, (_, i) =>
      highlightAt(i, `10.5555/bench-${i % SPREAD.dois}`),
    );
    const spreadMs = await time(() => saveInBatches(db, spread, SPREAD.batch));
    rows.push([
      `insert ${n(SPREAD.highlights)} over ${SPREAD.dois} DOIs (batches of ${SPREAD.batch}, validated)`,
      `${ms(spreadMs)} (${ms(spreadMs / SPREAD.highlights, 3)} each)`,
    ]);

    const dense = Array.from({ length: DENSE.highlights }, (_, i) => highlightAt(i, DENSE.doi));
    const denseMs = await time(() => saveInBatches(db, dense, DENSE.batch));
    rows.push([`insert ${n(DENSE.highlights)} for one DOI (batches of ${DENSE.batch})`, ms(denseMs)]);

    const total = SINGLE_SAVES + SPREAD.highlights + DENSE.highlights;
    const list = async (doi: string, expected: number) => {
      const result = expectOk(await listHighlightsByDoi(db, doi));
      expect(result.highlights).toHaveLength(expected);
    };
    rows.push([
      `listHighlightsByDoi, DOI with ${n(DENSE.highlights)} (of ${n(total)}; median of ${LIST_RUNS})`,
      ms(await medianOf(LIST_RUNS, () => list(DENSE.doi.toLowerCase(), DENSE.highlights))),
    ]);
    rows.push([
      '  of which IndexedDB getAllFromIndex alone',
      ms(await medianOf(LIST_RUNS, () => db.getAllFromIndex('highlights', 'byDoi', DENSE.doi.toLowerCase()))),
    ]);
    const perDoi = SPREAD.highlights / SPREAD.dois;
    rows.push([
      `listHighlightsByDoi, DOI with ${n(perDoi)} (of ${n(total)}; median of ${LIST_RUNS})`,
      ms(await medianOf(LIST_RUNS, () => list('10.5555/bench-7', perDoi))),
    ]);
    rows.push([
      `countHighlightsByDoi, DOI with ${n(DENSE.highlights)} (median of ${LIST_RUNS})`,
      ms(await medianOf(LIST_RUNS, async () => expectOk(await countHighlightsByDoi(db, DENSE.doi)))),
    ]);
  } finally {
    db.close();
    await deleteDB(name);
  }
  console.log(table('Storage benchmark: utils/db in Chromium, real IndexedDB', rows));
});

function highlightAt(i: number, doi: string): Highlight {
  return makeHighlight({
    doi,
    questionId: i % 4 === 0 ? null : `q${i % 3}`,
    note: i % 2 === 0 ? '' : `Note ${i}: brokers need protected time and a mandate from leadership.`,
    createdAt: timestamp(i),
    updatedAt: timestamp(i),
  });
}

async function saveInBatches(db: JournalClubDb, highlights: Highlight[], size: number): Promise<void> {
  for (let start = 0; start < highlights.length; start += size) {
    expectOk(await saveHighlights(db, highlights.slice(start, start + size)));
  }
}

const timestamp = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function medianOf(runs: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(run));
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
const n = (value: number) => value.toLocaleString('en');

function table(title: string, rows: [string, string][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
  const rule = '-'.repeat(width + 24);
  return [title, rule, `${'operation'.padEnd(width)}  time`, rule, ...lines, rule].join('\n');
}
