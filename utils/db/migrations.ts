import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { countHighlightsPerDoi } from './doi-counts-migration';

/**
 * One step of the schema's history: `migrations[n]` upgrades a database at version n to version n + 1.
 *
 * Why a list of steps rather than "create whatever is missing": a reader may skip releases, so a database can
 * arrive at any earlier version, and the only upgrade that is tested for every starting point is replaying
 * the same steps in order. Steps run inside the single `versionchange` transaction, so an upgrade either
 * completes or leaves the database exactly as it was.
 *
 * Rules for editing this file:
 * - never change a step that has shipped; add a new one at the end (that also bumps the version);
 * - steps name stores and indexes with literals rather than shared constants, because they record history;
 * - steps see the untyped database, because the current schema type does not describe older versions;
 * - a step may await IndexedDB requests (to move data) but nothing else, or the transaction commits early;
 * - every new version needs a fixture in `tests/unit/db-migrations.test.ts` with data in it.
 */
export type Migration = (
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
) => void | Promise<void>;

export const migrations: readonly Migration[] = [
  /** v1, the first release: the panel remembers whether it was collapsed on each article. */
  (db) => {
    db.createObjectStore('articleState', { keyPath: 'doiKey' });
  },
  /**
   * v2: highlights. `byDoi` lists an article's highlights, `byDoiQuestion` those tied to one question (or
   * untied, as ''), `byUpdated` serves export and sync by recency. No data to move: the store is new.
   */
  (db) => {
    const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
    highlights.createIndex('byDoi', 'doiKey');
    highlights.createIndex('byDoiQuestion', ['doiKey', 'questionKey']);
    highlights.createIndex('byUpdated', 'updatedAt');
  },
  /**
   * v3: subscribed catalog feeds, keyed by feed URL, each with the last good copy as fetched. No index: there
   * are a handful of feeds and every read wants them all. No data to move: the store is new.
   */
  (db) => {
    db.createObjectStore('feeds', { keyPath: 'url' });
  },
  /**
   * v4: the club outbox, one record per highlight shared with "My club", keyed by highlight id; `byDoi` lists an
   * article's records for its cards. The highlights themselves stay where they are. No data to move.
   */
  (db) => {
    const shares = db.createObjectStore('clubShares', { keyPath: 'highlightId' });
    shares.createIndex('byDoi', 'doiKey');
  },
  /** v5: the highlight count per DOI key, for the popup; counted from the stored highlights (its own file). */
  countHighlightsPerDoi,
  /** v6: the organiser's own catalog and the authoring page's drafts. */
  addMyClubStores,
];

/**
 * The organiser's own catalog ("My club"), keyed by entry id, and the authoring page's drafts, keyed by what
 * the draft is for (`doi:…` for a new entry, `entry:…` for an edit). No index: a club writes a few entries a
 * month, and every read wants them all. No data to move: the stores are new.
 */
function addMyClubStores(db: IDBPDatabase<unknown>): void {
  db.createObjectStore('myClubEntries', { keyPath: 'id' });
  db.createObjectStore('authoringDrafts', { keyPath: 'key' });
}

/** The version this code writes; it follows from the history so that the two cannot disagree. */
export const DB_VERSION = migrations.length;

/**
 * Applies, in order, the steps that take a database from `oldVersion` to `newVersion`. Synchronous steps run
 * without an await in between, so that a schema-only upgrade finishes inside the `upgradeneeded` event.
 */
export async function migrate(
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  oldVersion: number,
  newVersion: number = DB_VERSION,
): Promise<void> {
  for (const step of migrations.slice(oldVersion, newVersion)) {
    const pending = step(db, tx);
    if (pending) await pending;
  }
}
