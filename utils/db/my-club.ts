import { ok, type StorageResult, storageFailure } from './result';
import type { DraftRecord, JournalClubDb, MyClubRecord } from './schema';
import { writeTransaction } from './write';

/** Every "My club" record, in id order, as stored: the background checks each entry with the catalog's schema. */
export async function listMyClub(db: JournalClubDb): Promise<StorageResult<MyClubRecord[]>> {
  try {
    return ok(await db.getAll('myClubEntries'));
  } catch (error) {
    return storageFailure(error, 'my-club-not-read');
  }
}

/**
 * Saves `record`, and removes the record it replaces when the organiser changed the entry's id, in one
 * transaction: the old entry stays until the new one is written, and the catalog never holds both.
 */
export function putMyClub(
  db: JournalClubDb,
  record: MyClubRecord,
  replaces: string | null,
): Promise<StorageResult<true>> {
  return writeTransaction(db, 'myClubEntries', 'my-club-entry-not-saved', async (store) => {
    await store.put(record);
    if (replaces !== null && replaces !== record.id) await store.delete(replaces);
    return ok(true);
  });
}

/** Deletes one entry and answers with the record as it was (for Undo), or null when there was none. */
export function deleteMyClub(db: JournalClubDb, id: string): Promise<StorageResult<MyClubRecord | null>> {
  return writeTransaction(db, 'myClubEntries', 'my-club-entry-not-deleted', async (store) => {
    const record = await store.get(id);
    if (record === undefined) return ok(null);
    await store.delete(id);
    return ok(record);
  });
}

/** A draft by key, or null. A draft that cannot be read is no draft: the form then starts from the page. */
export async function getDraft(db: JournalClubDb, key: string): Promise<StorageResult<DraftRecord | null>> {
  try {
    return ok((await db.get('authoringDrafts', key)) ?? null);
  } catch (error) {
    return storageFailure(error, 'my-club-not-read');
  }
}

export function putDraft(db: JournalClubDb, record: DraftRecord): Promise<StorageResult<true>> {
  return writeTransaction(db, 'authoringDrafts', 'draft-not-saved', async (store) => {
    await store.put(record);
    return ok(true);
  });
}

export function deleteDraft(db: JournalClubDb, key: string): Promise<StorageResult<true>> {
  return writeTransaction(db, 'authoringDrafts', 'draft-not-saved', async (store) => {
    await store.delete(key);
    return ok(true);
  });
}
