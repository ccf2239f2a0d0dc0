import { type OpenOptions, openJournalClubDb } from './open';
import type { StorageResult } from './result';
import type { JournalClubDb } from './schema';

/**
 * The background's connection, opened on first use and then shared. Lazy because MV3 stops an idle service
 * worker and most wake-ups (a page without a DOI, a tab closing) never touch storage. A connection that fails
 * to open or is closed later is forgotten, so the next call tries afresh instead of failing forever.
 */
export function lazyJournalClubDb(factory?: IDBFactory, name?: string): () => Promise<StorageResult<JournalClubDb>> {
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
