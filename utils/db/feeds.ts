import * as v from 'valibot';
import { type FeedRecord, FeedRecordSchema } from './feed-record';
import { notFound, ok, type StorageResult, storageFailure } from './result';
import type { JournalClubDb } from './schema';
import { writeTransaction } from './write';

/** Subscribed feeds, as read back: damaged records are counted rather than dropped, so the reader is told. */
export interface FeedList {
  feeds: FeedRecord[];
  /** Keys of stored records that failed validation; left in place (a later version may read them). */
  damaged: string[];
}

/** Every subscribed feed, oldest subscription first (the order the reader added them in). */
export async function listFeeds(db: JournalClubDb): Promise<StorageResult<FeedList>> {
  let records: unknown[];
  try {
    records = await db.getAll('feeds');
  } catch (error) {
    return storageFailure(error, 'feeds-not-read');
  }
  const feeds: FeedRecord[] = [];
  const damaged: string[] = [];
  for (const record of records) {
    const parsed = v.safeParse(FeedRecordSchema, record);
    if (parsed.success) feeds.push(parsed.output);
    else damaged.push(String((record as { url?: unknown } | null)?.url));
  }
  feeds.sort((a, b) => (a.subscribedAt < b.subscribedAt ? -1 : a.subscribedAt > b.subscribedAt ? 1 : 0));
  return ok({ feeds, damaged });
}

/** One feed, or not-found when the reader is not subscribed to it. */
export async function getFeed(db: JournalClubDb, url: string): Promise<StorageResult<FeedRecord>> {
  try {
    const parsed = v.safeParse(FeedRecordSchema, await db.get('feeds', url));
    return parsed.success ? ok(parsed.output) : notFound('feed-not-read', url);
  } catch (error) {
    return storageFailure(error, 'feed-not-read');
  }
}

/**
 * Adds a subscription unless one exists, in one transaction so that two quick clicks cannot both add it.
 * Answers whether it was added.
 */
export function addFeed(db: JournalClubDb, record: FeedRecord): Promise<StorageResult<boolean>> {
  return writeTransaction(db, 'feeds', 'subscription-not-saved', async (store) => {
    if ((await store.getKey(record.url)) !== undefined) return ok(false);
    await store.put(record);
    return ok(true);
  });
}

/**
 * Replaces a feed's record with `next(current)`, reading and writing in one transaction. A feed unsubscribed
 * while its refresh was on the wire is not brought back: the answer is then not-found and nothing is written.
 */
export function updateFeed(
  db: JournalClubDb,
  url: string,
  next: (current: FeedRecord) => FeedRecord,
): Promise<StorageResult<FeedRecord>> {
  return writeTransaction(db, 'feeds', 'feed-refresh-not-saved', async (store) => {
    const parsed = v.safeParse(FeedRecordSchema, await store.get(url));
    if (!parsed.success) return notFound('feed-refresh-not-saved', url);
    const record = next(parsed.output);
    await store.put(record);
    return ok(record);
  });
}

/** Removes a subscription and its copy; the reader's highlights live in another store and are not touched. */
export function deleteFeed(db: JournalClubDb, url: string): Promise<StorageResult<boolean>> {
  return writeTransaction(db, 'feeds', 'feed-not-removed', async (store) => {
    if ((await store.getKey(url)) === undefined) return ok(false);
    await store.delete(url);
    return ok(true);
  });
}
