import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../utils/background/export-requests';
import { fromStorage } from '../../utils/background/reply';
import { createHighlightStore, type HighlightStore } from '../../utils/db/highlight-store';
import { openJournalClubDb } from '../../utils/db/open';
import { exportBackup } from '../../utils/exchange';
import type { Highlight } from '../../utils/highlights/highlight';
import { expectOk, makeHighlight } from '../support/unit/db-fixtures';

/** The imports here are backups: no catalog entry is needed to read them. */
const NO_CATALOG = { find: () => null, entries: [] };

const NOW = new Date('2026-12-01T12:00:00.000Z');
let store: HighlightStore;

beforeEach(async () => {
  const opened = await openJournalClubDb(new IDBFactory(), 'import-transaction');
  store = createHighlightStore(async () => opened);
});

const request = (highlights: Highlight[], mode: 'merge' | 'restore' = 'merge') => ({
  text: exportBackup(highlights, NOW),
  commit: true,
  mode,
  now: NOW,
});
const importStore = () => ({
  listAll: async () => {
    const all = await store.listAll();
    return all.ok ? { ok: true as const, value: all.value.highlights } : fromStorage(all);
  },
  mergeMany: async (decide: (existing: readonly Highlight[]) => readonly Highlight[]) =>
    fromStorage(await store.mergeMany(decide)),
});

describe('importing a file while the reader edits a note in another tab', () => {
  it('compares and writes in one transaction: a note saved meanwhile is never overwritten by an older copy', async () => {
    const original = makeHighlight({ note: 'v1', updatedAt: '2026-12-01T10:00:00.000Z' });
    expectOk(await store.save(original));
    const fromFile = { ...original, note: 'from the file', updatedAt: '2026-12-01T10:30:00.000Z' };
    const edited = { ...original, note: 'edited in another tab', updatedAt: '2026-12-01T11:00:00.000Z' };

    // Started together, as a confirm click and a save from another tab would be.
    const [imported] = await Promise.all([
      importFile(request([fromFile]), importStore(), NO_CATALOG),
      store.save(edited),
    ]);

    expect(expectOk(await store.get(original.id)).note).toBe('edited in another tab');
    expect(imported).toMatchObject({ ok: true });
  });

  it('restores the reader’s backup over a later change, and reports what it wrote', async () => {
    const mine = makeHighlight({ note: 'mine', updatedAt: '2026-12-01T10:00:00.000Z' });
    expectOk(await store.save({ ...mine, note: 'changed', updatedAt: '2026-12-01T11:00:00.000Z' }));
    const merged = await importFile(request([mine]), importStore(), NO_CATALOG);
    expect(merged).toMatchObject({ ok: true, value: { unchanged: 1, written: 0 } });
    const restored = await importFile(request([mine], 'restore'), importStore(), NO_CATALOG);
    expect(restored).toMatchObject({ ok: true, value: { updated: 1, written: 1 } });
    expect(expectOk(await store.get(mine.id)).note).toBe('mine');
  });
});
