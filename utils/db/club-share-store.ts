import type { ShareStore } from '../club/outbox';
import { getClubShare, listClubShares, updateClubShare } from './club-shares';
import { type DbConnection, withDb } from './connection';
import type { StorageError, StorageResult } from './result';

/** A storage failure met by the outbox, which stops its drain; the records keep their intents. */
export class ClubShareStorageError extends Error {
  constructor(readonly error: StorageError) {
    super(`club share storage: ${error.code} (${error.outcome})`);
  }
}

function unwrap<T>(result: StorageResult<T>): T {
  if (!result.ok) throw new ClubShareStorageError(result.error);
  return result.value;
}

/** The outbox's records over the background's connection, so `utils/club/` never reaches the database itself. */
export function createClubShareStore(database: DbConnection): ShareStore {
  return {
    list: async () => unwrap(await withDb(database, (db) => listClubShares(db))).shares,
    get: async (id) => unwrap(await withDb(database, (db) => getClubShare(db, id))),
    update: async (id, next) => void unwrap(await withDb(database, (db) => updateClubShare(db, id, next))),
  };
}
