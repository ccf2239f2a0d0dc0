import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { storageErrorText } from '../../utils/background/storage-messages';
import { getCollapsed, setCollapsed } from '../../utils/db/article-state';
import { listAllHighlights } from '../../utils/db/highlight-lists';
import { saveHighlight, saveHighlights } from '../../utils/db/highlights';
import { openJournalClubDb } from '../../utils/db/open';
import type { JournalClubDb } from '../../utils/db/schema';
import { ALBERS_DOI, expectOk, makeHighlight } from '../support/unit/db-fixtures';

/**
 * How a full disk shows up. Chromium accepts the write and refuses the commit: the request succeeds and the
 * transaction aborts with a QuotaExceededError. When the transaction aborts before the write has run, the
 * request fails with a bare AbortError and only `transaction.error` names the quota.
 */
type FullDisk = 'when committing' | 'before the write runs';

const NAME = 'journal-club';
const existing = makeHighlight({ note: 'Saved last week.' });

let base: IDBFactory;
let seeded: JournalClubDb;
beforeEach(async () => {
  base = new IDBFactory();
  seeded = expectOk(await openJournalClubDb(base, NAME));
  expectOk(await saveHighlight(seeded, existing));
  expectOk(await setCollapsed(seeded, ALBERS_DOI, true));
});

describe.each<FullDisk>(['when committing', 'before the write runs'])('a full disk, %s', (fullDisk) => {
  let db: JournalClubDb;
  beforeEach(async () => {
    db = expectOk(await openJournalClubDb(fullDiskFactory(base, fullDisk), NAME));
  });

  it.each([
    ['a new highlight', () => saveHighlight(db, makeHighlight()), 'this highlight was not saved'],
    [
      'an edit to a saved highlight',
      () => saveHighlight(db, { ...existing, note: 'Edited.', updatedAt: '2024-06-01T00:00:00.000Z' }),
      'this highlight was not saved',
    ],
    ['an import', () => saveHighlights(db, [makeHighlight(), makeHighlight()]), 'these highlights were not saved'],
    ['the panel state', () => setCollapsed(db, ALBERS_DOI, false), "the panel's collapsed or open state was not saved"],
  ])('refuses %s with a clear message and keeps what was saved', async (_, write, outcome) => {
    const result = await write();

    expect(result).toMatchObject({ ok: false, error: { code: 'quota-exceeded', detail: /^QuotaExceededError/ } });
    if (!result.ok) {
      expect(storageErrorText(result.error)).toBe(
        `Your browser's storage for this extension is full; ${outcome}. Free space by deleting highlights you no longer need (export them first to keep a copy), then try again. Everything saved before is still there.`,
      );
    }
    expect(await listAllHighlights(seeded)).toEqual({ ok: true, value: { highlights: [existing], skipped: [] } });
    expect(await getCollapsed(seeded, ALBERS_DOI)).toBe(true);
  });

  it('still reads through the same connection', async () => {
    expect(await listAllHighlights(db)).toEqual({ ok: true, value: { highlights: [existing], skipped: [] } });
  });
});

/**
 * The real fake-indexeddb, except that every readwrite transaction runs out of space at its first write.
 * Only the connection is instrumented (its `transaction`, the stores it hands out, and `error`); the code
 * under test runs unchanged.
 */
function fullDiskFactory(factory: IDBFactory, fullDisk: FullDisk): IDBFactory {
  return {
    open(name, version) {
      const request = factory.open(name, version);
      request.addEventListener('success', () => failWritesOn(request.result, fullDisk));
      return request;
    },
    deleteDatabase: (name) => factory.deleteDatabase(name),
    cmp: (a, b) => factory.cmp(a, b),
    databases: () => factory.databases(),
  };
}

function failWritesOn(db: IDBDatabase, fullDisk: FullDisk): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((storeNames, mode, options) => {
    const tx = transaction(storeNames, mode, options);
    if (mode === 'readwrite') failWritesIn(tx, fullDisk);
    return tx;
  }) as IDBDatabase['transaction'];
}

function failWritesIn(tx: IDBTransaction, fullDisk: FullDisk): void {
  const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  let error: DOMException | null = null;
  Object.defineProperty(tx, 'error', {
    get: () => error,
    set: (value: DOMException | null) => {
      error = value;
    },
  });
  const objectStore = tx.objectStore.bind(tx);
  const instrumented = new WeakSet<IDBObjectStore>();
  tx.objectStore = (name) => {
    const store = objectStore(name);
    if (instrumented.has(store)) return store;
    instrumented.add(store);
    const put = store.put.bind(store);
    store.put = (value, key) => {
      const request = put(value, key);
      const runOutOfSpace = () => {
        if (error) return;
        error = quota;
        tx.abort();
      };
      if (fullDisk === 'before the write runs') runOutOfSpace();
      else request.addEventListener('success', runOutOfSpace);
      return request;
    };
    return store;
  };
}
