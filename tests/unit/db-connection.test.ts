import 'fake-indexeddb/auto';
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { storageErrorText } from '../../utils/background/storage-messages';
import { lazyJournalClubDb } from '../../utils/db/connection';
import { createFeedStore } from '../../utils/db/feed-store';
import { listAllHighlights } from '../../utils/db/highlight-lists';
import { createHighlightStore } from '../../utils/db/highlight-store';
import { DB_VERSION } from '../../utils/db/migrations';
import { expectOk } from '../support/unit/db-fixtures';

const NAME = 'journal-club';

describe('lazyJournalClubDb', () => {
  it('opens nothing until first asked, then shares one connection', async () => {
    const factory = new IDBFactory();
    const connection = lazyJournalClubDb(factory, NAME);
    expect(await factory.databases()).toEqual([]);

    const first = expectOk(await connection());
    const second = expectOk(await connection());

    expect(second).toBe(first);
    expect(await factory.databases()).toEqual([{ name: NAME, version: DB_VERSION }]);
  });

  it('tries again after a failed open', async () => {
    const factory = new IDBFactory();
    await bumpVersion(factory, DB_VERSION + 1);
    const connection = lazyJournalClubDb(factory, NAME);

    expect(await connection()).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    await deleteDatabase(factory);
    expect(expectOk(await connection()).version).toBe(DB_VERSION);
  });

  it('opens a new connection after the browser closed the old one', async () => {
    const connection = lazyJournalClubDb(new IDBFactory(), NAME);
    const first = expectOk(await connection());

    forceCloseDatabase(unwrap(first) as never);
    await new Promise((resolve) => setTimeout(resolve));
    const second = expectOk(await connection());

    expect(second).not.toBe(first);
    expect(await listAllHighlights(second)).toMatchObject({ ok: true });
  });

  it('steps aside when another context needs a newer version, instead of blocking it', async () => {
    const factory = new IDBFactory();
    const connection = lazyJournalClubDb(factory, NAME);
    expectOk(await connection());

    await bumpVersion(factory, DB_VERSION + 1);

    const result = await connection();
    expect(result.ok || storageErrorText(result.error)).toMatch(/newer version of this extension/);
  });
});

describe('stores over the connection', () => {
  it('answer every call with why the database could not be opened, and open it once it can be', async () => {
    const factory = new IDBFactory();
    await bumpVersion(factory, DB_VERSION + 1);
    const connection = lazyJournalClubDb(factory, NAME);
    const highlights = createHighlightStore(connection);
    const feeds = createFeedStore(connection);

    expect(await highlights.listAll()).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(await feeds.list()).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    await deleteDatabase(factory);
    expect(expectOk(await highlights.listAll()).highlights).toEqual([]);
    expect(expectOk(await feeds.add('https://club.example/feed.json', new Date()))).toBe(true);
    expect(expectOk(await feeds.list()).feeds.map((feed) => feed.url)).toEqual(['https://club.example/feed.json']);
  });
});

/** Opens the database at `version` with the raw API, as a newer build of the extension would. */
function bumpVersion(factory: IDBFactory, version: number) {
  return new Promise<void>((resolve, reject) => {
    const request = factory.open(NAME, version);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked by an open connection'));
  });
}

function deleteDatabase(factory: IDBFactory) {
  return new Promise<void>((resolve, reject) => {
    const request = factory.deleteDatabase(NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
