import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { type StorageOutcome, type StorageResult, storageFailure } from './result';
import type { JournalClubDb, JournalClubSchema } from './schema';

type Store = StoreNames<JournalClubSchema>;
export type WriteTransaction<Names extends Store[]> = IDBPTransaction<JournalClubSchema, Names, 'readwrite'>;
export type WritableStore<Name extends Store> = IDBPObjectStore<JournalClubSchema, [Name], Name, 'readwrite'>;

/**
 * Runs `work` in one readwrite transaction on one store and reports how it ended; see {@link writeAcross}.
 */
export function writeTransaction<Name extends Store, T>(
  db: JournalClubDb,
  storeName: Name,
  outcome: StorageOutcome,
  work: (store: WritableStore<Name>) => Promise<StorageResult<T>>,
): Promise<StorageResult<T>> {
  return writeAcross(db, [storeName], outcome, (tx) => work(tx.objectStore(storeName)));
}

/**
 * Runs `work` in one readwrite transaction over `storeNames` and reports how it ended. Success counts only once
 * the transaction has committed, because browsers may accept every request and still refuse the commit
 * (Chromium reports a full disk that way). When `work` returns a failure the transaction is aborted, so a
 * write happens whole or not at all and nothing already stored is touched. Several stores, when one write must
 * keep another store in step (a highlight and its article's count).
 */
export async function writeAcross<const Names extends Store[], T>(
  db: JournalClubDb,
  storeNames: Names,
  outcome: StorageOutcome,
  work: (tx: WriteTransaction<Names>) => Promise<StorageResult<T>>,
): Promise<StorageResult<T>> {
  let tx: WriteTransaction<Names> | undefined;
  try {
    tx = db.transaction(storeNames, 'readwrite');
    // Observed now, so that an abort while `work` is still running is never an unhandled rejection.
    const committed = settled(tx.done);
    const result = await work(tx);
    if (!result.ok) {
      tx.abort();
      await committed;
      return result;
    }
    await tx.done;
    return result;
  } catch (error) {
    // A failed request rejects before its transaction has aborted; wait, so that `tx.error` says why.
    if (tx) await settled(tx.done);
    return storageFailure(error, outcome, tx);
  }
}

async function settled(promise: Promise<unknown>): Promise<void> {
  await promise.then(
    () => undefined,
    () => undefined,
  );
}
