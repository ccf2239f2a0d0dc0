import { type IDBPTransaction, wrap } from 'idb';
import { DB_VERSION, migrate } from './migrations';
import { type StorageResult, storageFailure } from './result';
import { DB_NAME, type JournalClubDb } from './schema';

export interface OpenOptions {
  /**
   * Called once the connection can no longer be used: another context asked for a newer version (this
   * connection then closes itself so as not to block it), or the browser closed it (the reader cleared the
   * extension's data, or the disk failed). The background drops its cached connection and opens a new one.
   */
  onClose?: () => void;
}

/**
 * Opens the extension's database, upgrading it from whatever version it is at. The factory is passed in so
 * that tests run against a fresh fake-indexeddb per test and nothing here reaches for globals (idb's own
 * `openDB` always uses the global `indexedDB`, hence the hand-rolled open).
 *
 * No `blocked` handling: an extension update reloads the whole extension, so no connection of an older
 * version outlives it, and every connection this code opens closes itself on `versionchange`.
 */
export async function openJournalClubDb(
  factory: IDBFactory = indexedDB,
  name: string = DB_NAME,
  options: OpenOptions = {},
): Promise<StorageResult<JournalClubDb>> {
  const outcome = 'highlights-not-opened';
  let migrationError: unknown;
  try {
    const request = factory.open(name, DB_VERSION);
    request.addEventListener('upgradeneeded', (event) => {
      const tx = request.transaction;
      if (!tx) return;
      // A failed step aborts the whole upgrade, so the database stays at its old version with its data.
      // idb's `wrap` types every transaction as readonly; this one is the upgrade's versionchange transaction.
      const upgrade = wrap(tx) as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      // The open request reports how the upgrade ended; idb's own promise for it must not go unhandled.
      upgrade.done.catch(() => {});
      migrate(wrap(request.result), upgrade, event.oldVersion, event.newVersion ?? DB_VERSION).catch((error) => {
        migrationError = error;
        abortQuietly(tx);
      });
    });
    const db = (await wrap(request)) as JournalClubDb | undefined;
    if (!db) return storageFailure(new Error('open returned no database'), outcome);
    db.addEventListener('versionchange', () => {
      db.close();
      options.onClose?.();
    });
    db.addEventListener('close', () => options.onClose?.());
    return { ok: true, value: db };
  } catch (error) {
    return storageFailure(migrationError ?? error, outcome);
  }
}

/** The transaction may already have aborted on its own (the failing request did it). */
function abortQuietly(tx: IDBTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already finished: nothing left to undo.
  }
}
