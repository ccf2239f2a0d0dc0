import * as v from 'valibot';
import type { ClubShare } from '../club/share-state';
import { ClubShareSchema } from './club-share-record';
import { ok, type StorageResult, storageFailure } from './result';
import type { JournalClubDb } from './schema';
import { writeTransaction } from './write';

/** Share records as read back: damaged ones are counted, left in place, and never sent. */
export interface ClubShareList {
  shares: ClubShare[];
  damaged: number;
}

/** Every share record, or one article's (by `doiKey`) for its cards. */
export async function listClubShares(db: JournalClubDb, doiKey?: string): Promise<StorageResult<ClubShareList>> {
  let records: unknown[];
  try {
    records =
      doiKey === undefined ? await db.getAll('clubShares') : await db.getAllFromIndex('clubShares', 'byDoi', doiKey);
  } catch (error) {
    return storageFailure(error, 'club-shares-not-read');
  }
  const shares: ClubShare[] = [];
  let damaged = 0;
  for (const record of records) {
    const parsed = v.safeParse(ClubShareSchema, record);
    if (parsed.success) shares.push(parsed.output);
    else damaged += 1;
  }
  return ok({ shares, damaged });
}

export async function getClubShare(db: JournalClubDb, highlightId: string): Promise<StorageResult<ClubShare | null>> {
  try {
    const record = await db.get('clubShares', highlightId);
    if (record === undefined) return ok(null);
    const parsed = v.safeParse(ClubShareSchema, record);
    return ok(parsed.success ? parsed.output : null);
  } catch (error) {
    return storageFailure(error, 'club-shares-not-read');
  }
}

/**
 * Replaces one highlight's share record with `next(current)` (null deletes it), read and written in one
 * transaction so that a reader's edit and the outbox's answer cannot overwrite each other.
 */
export function updateClubShare(
  db: JournalClubDb,
  highlightId: string,
  next: (current: ClubShare | null) => ClubShare | null,
): Promise<StorageResult<ClubShare | null>> {
  return writeTransaction(db, 'clubShares', 'club-share-not-saved', async (store) => {
    const parsed = v.safeParse(ClubShareSchema, await store.get(highlightId));
    const record = next(parsed.success ? parsed.output : null);
    if (record) await store.put(record);
    else await store.delete(highlightId);
    return ok(record);
  });
}
