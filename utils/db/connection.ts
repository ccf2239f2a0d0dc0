import { type OpenOptions, openJournalClubDb } from './open';
import type { StorageResult } from './result';
import type { JournalClubDb } from './schema';

/** The database as the background holds it: opened when first asked for, or why it could not be. */
export type DbConnection = () => Promise<StorageResult<JournalClubDb>>;

/**
 * The background's connection, opened on first use and then shared. Lazy because MV3 stops an idle service
 * worker and most wake-ups (a page without a DOI, a tab closing) never touch storage. A connection that fails
 * to open or is closed later is forgotten, so the next call tries afresh instead of failing forever.
 */
export function lazyJournalClubDb(factory?: IDBFactory, name?: string): DbConnection {
  let current: Promise<StorageResult<JournalClubDb>> | undefined;
  const forget = (connection: Promise<StorageResult<JournalClubDb>>) => {
    if (current === connection) current = undefined;
  };
  return () => {
    if (current) return current;
    const options: OpenOptions = { onClose: () => forget(connection) };
    const connection = openJournalClubDb(factory, name, options).then((result) => {
      if (!result.ok) forget(connection);
      return result;
    });
    current = connection;
    return connection;
  };
}

/** Runs a storage call on the open database, or answers with why it could not be opened. */
export async function withDb<T>(
  database: DbConnection,
  call: (db: JournalClubDb) => Promise<StorageResult<T>>,
): Promise<StorageResult<T>> {
  const db = await database();
  return db.ok ? call(db.value) : db;
}
