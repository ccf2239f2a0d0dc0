import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { storageErrorText } from '../../utils/background/storage-messages';
import { getCollapsed } from '../../utils/db/article-state';
import { listClubShares } from '../../utils/db/club-shares';
import { newFeedRecord } from '../../utils/db/feed-record';
import { listFeeds } from '../../utils/db/feeds';
import { countHighlightsPerDoiKey, listHighlightsByDoi } from '../../utils/db/highlight-lists';
import { saveHighlight } from '../../utils/db/highlights';
import { DB_VERSION } from '../../utils/db/migrations';
import { getDraft, listMyClub } from '../../utils/db/my-club';
import { openJournalClubDb } from '../../utils/db/open';
import { type JournalClubDb, toHighlightRecord } from '../../utils/db/schema';
import { ALBERS_DOI, expectOk, makeHighlight } from '../support/unit/db-fixtures';

const NAME = 'journal-club';

/**
 * Every version that ever shipped, rebuilt with the raw IndexedDB API (never with the code under test) and
 * filled with data, so that each upgrade path is exercised from where real readers are.
 */
interface ShippedVersion {
  version: number;
  create: (db: IDBDatabase) => void;
  seed: (db: IDBDatabase) => Promise<void>;
  /** Checks that what `seed` stored survived the upgrade. */
  check: (db: JournalClubDb) => Promise<void>;
}

/** In key order, as `getAll` returns them. */
const v1ArticleState = [
  { doiKey: '10.1000/open-panel', collapsed: false, updatedAt: '2024-04-02T09:00:00.000Z' },
  { doiKey: ALBERS_DOI, collapsed: true, updatedAt: '2024-04-01T09:00:00.000Z' },
];

/** Highlights as v2 stored them (with their index keys), in key order, on an article of their own. */
const V2_DOI = '10.1000/seeded-in-v2';
const v2Highlights = [
  makeHighlight({ id: '00000000-0000-4000-8000-000000000001', doi: V2_DOI, createdAt: '2024-05-01T12:00:00.000Z' }),
  makeHighlight({
    id: '00000000-0000-4000-8000-000000000002',
    doi: V2_DOI,
    questionId: null,
    createdAt: '2024-05-02T12:00:00.000Z',
  }),
].map(toHighlightRecord);

/** A feed as v3 stored it: subscribed, not fetched yet. */
const v3Feeds = [newFeedRecord('https://club.example/feed.json', new Date('2024-06-01T08:00:00.000Z'))];

/** v4's highlights: two on one article, one damaged record (still counted, as the index counted it), one other. */
const V4_OTHER_DOI = '10.1000/seeded-in-v4';
const v4Highlights = [
  ...v2Highlights,
  { ...toHighlightRecord(makeHighlight({ id: '00000000-0000-4000-8000-000000000003', doi: V2_DOI })), note: 7 },
  toHighlightRecord(makeHighlight({ id: '00000000-0000-4000-8000-000000000004', doi: V4_OTHER_DOI })),
];

/** The counts as v5 stored them, for v4's highlights. */
const v5Counts = [
  { doiKey: V2_DOI, count: 3 },
  { doiKey: V4_OTHER_DOI, count: 1 },
];

/** A share as v4 stored it: a highlight waiting to be published to the club. */
const v4Shares = [
  {
    highlightId: v2Highlights[0]?.id,
    doiKey: V2_DOI,
    article: { doi: V2_DOI, entryId: 'seeded-2024' },
    remoteId: null,
    pending: 'publish',
    revision: 1,
    failure: null,
    attempts: 0,
    notBefore: 0,
    queuedAt: 1_717_230_000_000,
  },
];

/** The stores v4 had, as the raw API makes them. */
function createV4(db: IDBDatabase) {
  db.createObjectStore('articleState', { keyPath: 'doiKey' });
  const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
  highlights.createIndex('byDoi', 'doiKey');
  highlights.createIndex('byDoiQuestion', ['doiKey', 'questionKey']);
  highlights.createIndex('byUpdated', 'updatedAt');
  db.createObjectStore('feeds', { keyPath: 'url' });
  db.createObjectStore('clubShares', { keyPath: 'highlightId' }).createIndex('byDoi', 'doiKey');
}

const shipped: ShippedVersion[] = [
  { version: 0, create: () => {}, seed: async () => {}, check: async () => {} },
  {
    version: 1,
    create: (db) => {
      db.createObjectStore('articleState', { keyPath: 'doiKey' });
    },
    seed: (db) => putAll(db, 'articleState', v1ArticleState),
    check: async (db) => {
      expect(await db.getAll('articleState')).toEqual(v1ArticleState);
      expect(await getCollapsed(db, ALBERS_DOI.toUpperCase())).toBe(true);
      expect(await getCollapsed(db, '10.1000/open-panel')).toBe(false);
    },
  },
  {
    version: 2,
    create: (db) => {
      db.createObjectStore('articleState', { keyPath: 'doiKey' });
      const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
      highlights.createIndex('byDoi', 'doiKey');
      highlights.createIndex('byDoiQuestion', ['doiKey', 'questionKey']);
      highlights.createIndex('byUpdated', 'updatedAt');
    },
    seed: async (db) => {
      await putAll(db, 'articleState', v1ArticleState);
      await putAll(db, 'highlights', v2Highlights);
    },
    check: async (db) => {
      expect(await db.getAll('articleState')).toEqual(v1ArticleState);
      expect(await db.getAll('highlights')).toEqual(v2Highlights);
      const listed = expectOk(await listHighlightsByDoi(db, V2_DOI)).highlights;
      expect(listed.map((h) => h.id)).toEqual(v2Highlights.map((h) => h.id));
      expect(expectOk(await listFeeds(db))).toEqual({ feeds: [], damaged: [] });
    },
  },
  {
    version: 3,
    create: (db) => {
      db.createObjectStore('articleState', { keyPath: 'doiKey' });
      const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
      highlights.createIndex('byDoi', 'doiKey');
      highlights.createIndex('byDoiQuestion', ['doiKey', 'questionKey']);
      highlights.createIndex('byUpdated', 'updatedAt');
      db.createObjectStore('feeds', { keyPath: 'url' });
    },
    seed: async (db) => {
      await putAll(db, 'articleState', v1ArticleState);
      await putAll(db, 'highlights', v2Highlights);
      await putAll(db, 'feeds', v3Feeds);
    },
    check: async (db) => {
      expect(await db.getAll('articleState')).toEqual(v1ArticleState);
      expect(await db.getAll('highlights')).toEqual(v2Highlights);
      expect(expectOk(await listFeeds(db))).toEqual({ feeds: v3Feeds, damaged: [] });
      expect(expectOk(await listClubShares(db))).toEqual({ shares: [], damaged: 0 });
    },
  },
  {
    version: 4,
    create: createV4,
    seed: async (db) => {
      await putAll(db, 'articleState', v1ArticleState);
      await putAll(db, 'highlights', v4Highlights);
      await putAll(db, 'feeds', v3Feeds);
      await putAll(db, 'clubShares', v4Shares);
    },
    check: async (db) => {
      expect(await db.getAll('highlights')).toEqual(v4Highlights);
      expect(expectOk(await listFeeds(db))).toEqual({ feeds: v3Feeds, damaged: [] });
      expect(expectOk(await listClubShares(db))).toEqual({ shares: v4Shares, damaged: 0 });
      // The counts the popup showed before (the index's), now stored: the damaged record counts too.
      expect(await db.getAll('doiCounts')).toEqual([
        { doiKey: V2_DOI, count: 3 },
        { doiKey: V4_OTHER_DOI, count: 1 },
      ]);
      expect(expectOk(await countHighlightsPerDoiKey(db, [V2_DOI, V4_OTHER_DOI, ALBERS_DOI]))).toEqual(
        new Map([
          [V2_DOI, 3],
          [V4_OTHER_DOI, 1],
          [ALBERS_DOI, 0],
        ]),
      );
    },
  },
  {
    version: 5,
    create: (db) => {
      createV4(db);
      db.createObjectStore('doiCounts', { keyPath: 'doiKey' });
    },
    seed: async (db) => {
      await putAll(db, 'highlights', v4Highlights);
      await putAll(db, 'doiCounts', v5Counts);
      await putAll(db, 'clubShares', v4Shares);
    },
    check: async (db) => {
      expect(await db.getAll('highlights')).toEqual(v4Highlights);
      expect(await db.getAll('doiCounts')).toEqual(v5Counts);
      expect(expectOk(await listClubShares(db))).toEqual({ shares: v4Shares, damaged: 0 });
      // The organiser's catalog and the drafts start empty.
      expect(expectOk(await listMyClub(db))).toEqual([]);
      expect(expectOk(await getDraft(db, 'doi:10.1000/seeded-in-v2'))).toBeNull();
    },
  },
];

describe('openJournalClubDb', () => {
  it('has a fixture for every version that shipped before the current one', () => {
    expect(shipped.map((s) => s.version)).toEqual([...Array(DB_VERSION).keys()]);
  });

  it.each(shipped)('upgrades a v$version database, keeping its data', async ({ version, create, seed, check }) => {
    const factory = new IDBFactory();
    if (version > 0) {
      const old = await openRaw(factory, version, create);
      await seed(old);
      old.close();
    }

    const db = expectOk(await openJournalClubDb(factory, NAME));

    expect(db.version).toBe(DB_VERSION);
    await check(db);
    expect(describeSchema(db)).toEqual(await freshSchema());
    const highlight = makeHighlight();
    expectOk(await saveHighlight(db, highlight));
    expect(expectOk(await listHighlightsByDoi(db, ALBERS_DOI)).highlights).toEqual([highlight]);
  });

  it('creates the current schema on a fresh install', async () => {
    expect(await freshSchema()).toEqual({
      articleState: { keyPath: 'doiKey', autoIncrement: false, indexes: {} },
      highlights: {
        keyPath: 'id',
        autoIncrement: false,
        indexes: {
          byDoi: { keyPath: 'doiKey', unique: false, multiEntry: false },
          byDoiQuestion: { keyPath: ['doiKey', 'questionKey'], unique: false, multiEntry: false },
          byUpdated: { keyPath: 'updatedAt', unique: false, multiEntry: false },
        },
      },
      feeds: { keyPath: 'url', autoIncrement: false, indexes: {} },
      clubShares: {
        keyPath: 'highlightId',
        autoIncrement: false,
        indexes: { byDoi: { keyPath: 'doiKey', unique: false, multiEntry: false } },
      },
      doiCounts: { keyPath: 'doiKey', autoIncrement: false, indexes: {} },
      myClubEntries: { keyPath: 'id', autoIncrement: false, indexes: {} },
      authoringDrafts: { keyPath: 'key', autoIncrement: false, indexes: {} },
    });
  });

  it('keeps data across reopening at the same version', async () => {
    const factory = new IDBFactory();
    const highlight = makeHighlight();
    const first = expectOk(await openJournalClubDb(factory, NAME));
    expectOk(await saveHighlight(first, highlight));
    first.close();

    const second = expectOk(await openJournalClubDb(factory, NAME));
    expect(expectOk(await listHighlightsByDoi(second, ALBERS_DOI)).highlights).toEqual([highlight]);
  });

  it('leaves a database at its old version, data intact, when an upgrade step fails', async () => {
    const factory = new IDBFactory();
    // A v1 database that somehow already has a `highlights` store: the v2 step cannot create it again.
    const old = await openRaw(factory, 1, (db) => {
      db.createObjectStore('articleState', { keyPath: 'doiKey' });
      db.createObjectStore('highlights', { keyPath: 'id' });
    });
    await putAll(old, 'articleState', v1ArticleState);
    old.close();

    const result = await openJournalClubDb(factory, NAME);

    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed', detail: /ConstraintError/ } });
    const after = await openRaw(factory, undefined, () => {});
    expect(after.version).toBe(1);
    expect(await getAllRaw(after, 'articleState')).toEqual(v1ArticleState);
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const factory = new IDBFactory();
    const newer = await openRaw(factory, DB_VERSION + 1, (db) => {
      db.createObjectStore('articleState', { keyPath: 'doiKey' });
    });
    await putAll(newer, 'articleState', v1ArticleState);
    newer.close();

    const result = await openJournalClubDb(factory, NAME);

    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    if (!result.ok)
      expect(storageErrorText(result.error)).toMatch(/newer version of this extension.*Update the extension/);
    const after = await openRaw(factory, undefined, () => {});
    expect(after.version).toBe(DB_VERSION + 1);
    expect(await getAllRaw(after, 'articleState')).toEqual(v1ArticleState);
  });
});

/** The schema as plain data: store key paths and every index's definition. */
function describeSchema(db: JournalClubDb) {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names);
  return Object.fromEntries(
    names.map((name) => {
      const store = tx.objectStore(name);
      const indexes = [...store.indexNames].map((indexName) => {
        const { keyPath, unique, multiEntry } = store.index(indexName);
        return [indexName, { keyPath, unique, multiEntry }];
      });
      return [
        name,
        { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes: Object.fromEntries(indexes) },
      ];
    }),
  );
}

async function freshSchema() {
  return describeSchema(expectOk(await openJournalClubDb(new IDBFactory(), NAME)));
}

function openRaw(factory: IDBFactory, version: number | undefined, create: (db: IDBDatabase) => void) {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(NAME, version);
    request.onupgradeneeded = () => create(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function putAll(db: IDBDatabase, storeName: string, records: unknown[]) {
  return new Promise<void>((resolve, reject) => {
    const tx = db.transaction(storeName, 'readwrite');
    for (const record of records) tx.objectStore(storeName).put(record);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}

function getAllRaw(db: IDBDatabase, storeName: string) {
  return new Promise<unknown[]>((resolve, reject) => {
    const request = db.transaction(storeName).objectStore(storeName).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
