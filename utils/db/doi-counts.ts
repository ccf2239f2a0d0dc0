import type { IDBPObjectStore } from 'idb';
import { ok, type StorageResult, storageFailure } from './result';
import type { HighlightRecord, JournalClubDb, JournalClubSchema } from './schema';
import { type WriteTransaction, writeAcross } from './write';

/**
 * The highlight count per DOI key (store `doiCounts`), kept so that the popup reads one small store rather than
 * counting every article's index range.
 *
 * The rule: the count of a key is the number of records the `highlights` store holds under that key in its
 * `byDoi` index, damaged records included (what counting the index gave the popup before, v4 and earlier).
 * - Every transaction that adds, replaces (a DOI changed), imports or deletes highlights updates the counts in
 *   the same transaction (`putCounted`, `deleteCounted`), so the two commit or fail together.
 * - A key with no records has no count record; a count never goes below zero.
 * - Repair: when a listing of an article (the panel's load) reads a different number of records under a key
 *   than its count says (a bug, a hand-edited profile, records written around this code), that key is counted
 *   again in the index, in a readwrite transaction so that no write slips in between, and the count replaced.
 */

/** A transaction that writes highlights and keeps their counts in step. */
export type CountedWrite = WriteTransaction<['highlights', 'doiCounts']>;
type CountStore = IDBPObjectStore<JournalClubSchema, ['highlights', 'doiCounts'], 'doiCounts', 'readwrite'>;

/**
 * The DOI key a stored record is counted under, or null. Only text keys are counted: a damaged record with
 * another kind of key is never asked for, since catalog DOI keys are text.
 */
export function countedDoiKey(record: unknown): string | null {
  if (typeof record !== 'object' || record === null || !('doiKey' in record)) return null;
  return typeof record.doiKey === 'string' ? record.doiKey : null;
}

/**
 * Puts `records` and moves each one's count from the key of the record it replaces (if any) to its own. Later
 * records in the list replace earlier ones with the same id, as the puts do.
 */
export async function putCounted(tx: CountedWrite, records: readonly HighlightRecord[]): Promise<void> {
  const highlights = tx.objectStore('highlights');
  const before = await Promise.all(records.map((record) => observed(highlights.get(record.id))));
  const keyOf = new Map<string, string | null>();
  const change = new Map<string, number>();
  records.forEach((record, i) => {
    const previous = keyOf.has(record.id) ? (keyOf.get(record.id) ?? null) : countedDoiKey(before[i]);
    keyOf.set(record.id, record.doiKey);
    shift(change, previous, -1);
    shift(change, record.doiKey, 1);
  });
  await Promise.all(records.map((record) => observed(highlights.put(record))));
  await applyChange(tx.objectStore('doiCounts'), change);
}

/** Deletes one stored record and takes it off its key's count. */
export async function deleteCounted(tx: CountedWrite, id: string, record: unknown): Promise<void> {
  await tx.objectStore('highlights').delete(id);
  await applyChange(tx.objectStore('doiCounts'), shift(new Map(), countedDoiKey(record), -1));
}

/** The stored count of each key (0 for a key with no highlights), read from the count store in one request. */
export async function readDoiCounts(
  db: JournalClubDb,
  keys: readonly string[],
): Promise<StorageResult<Map<string, number>>> {
  try {
    const stored = new Map((await db.getAll('doiCounts')).map((record) => [record.doiKey, record.count]));
    return ok(new Map(keys.map((key) => [key, stored.get(key) ?? 0])));
  } catch (error) {
    return storageFailure(error, 'highlights-not-loaded');
  }
}

/** Counts `keys` again in the `byDoi` index and stores what it finds (see the rule above). */
export function recountDoiKeys(db: JournalClubDb, keys: readonly string[]): Promise<StorageResult<void>> {
  return writeAcross(db, ['highlights', 'doiCounts'], 'highlights-not-saved', async (tx) => {
    const index = tx.objectStore('highlights').index('byDoi');
    const counts = tx.objectStore('doiCounts');
    await Promise.all(
      keys.map(async (key) => {
        const count = await index.count(key);
        await (count > 0 ? counts.put({ doiKey: key, count }) : counts.delete(key));
      }),
    );
    return ok(undefined);
  });
}

function shift(change: Map<string, number>, key: string | null, by: number): Map<string, number> {
  if (key !== null) change.set(key, (change.get(key) ?? 0) + by);
  return change;
}

async function applyChange(counts: CountStore, change: ReadonlyMap<string, number>): Promise<void> {
  await Promise.all(
    [...change].map(async ([key, by]) => {
      if (by === 0) return;
      const count = Math.max(0, ((await counts.get(key))?.count ?? 0) + by);
      await (count > 0 ? counts.put({ doiKey: key, count }) : counts.delete(key));
    }),
  );
}

/** Observed at once: if a later request throws (the transaction aborted), earlier ones reject unawaited. */
function observed<T>(request: Promise<T>): Promise<T> {
  request.catch(() => {});
  return request;
}
