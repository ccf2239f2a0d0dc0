import { doiKey } from '../article/doi';
import type { DbConnection } from './connection';
import { ok, type StorageResult } from './result';
import type { JournalClubDb } from './schema';
import { writeTransaction } from './write';

/**
 * Whether the reader left the panel collapsed on this article. Any failure to read answers "not collapsed":
 * the state is a convenience, and showing the panel open is the safe way to be wrong.
 */
export async function getCollapsed(db: JournalClubDb, doi: string): Promise<boolean> {
  try {
    const record = await db.get('articleState', doiKey(doi));
    return record?.collapsed === true;
  } catch {
    return false;
  }
}

/** Remembers the panel's state per article (not per page), so that it follows the article to its other copies. */
export function setCollapsed(
  db: JournalClubDb,
  doi: string,
  collapsed: boolean,
  now: Date = new Date(),
): Promise<StorageResult<void>> {
  return writeTransaction(db, 'articleState', 'layout-not-saved', async (store) => {
    await store.put({ doiKey: doiKey(doi), collapsed, updatedAt: now.toISOString() });
    return ok(undefined);
  });
}

/** The panel's remembered state over the lazily opened database; a database that cannot open remembers nothing. */
export function createArticleState(database: DbConnection) {
  return {
    getCollapsed: async (doi: string): Promise<boolean> => {
      const db = await database();
      return db.ok && (await getCollapsed(db.value, doi));
    },
    setCollapsed: async (doi: string, collapsed: boolean): Promise<void> => {
      const db = await database();
      if (db.ok) await setCollapsed(db.value, doi, collapsed);
    },
  };
}
