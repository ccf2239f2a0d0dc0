import { type DbConnection, withDb } from './connection';
import { type FeedRecord, newFeedRecord } from './feed-record';
import { addFeed, deleteFeed, type FeedList, getFeed, listFeeds, updateFeed } from './feeds';
import type { StorageResult } from './result';

/**
 * The subscribed feeds' records over a connection, handed by the background to the feed service so that
 * fetching and scheduling (`utils/feeds/`) never reach the database themselves.
 */
export function createFeedStore(database: DbConnection) {
  return {
    list: (): Promise<StorageResult<FeedList>> => withDb(database, listFeeds),
    get: (url: string): Promise<StorageResult<FeedRecord>> => withDb(database, (db) => getFeed(db, url)),
    /** A new subscription with no copy yet; answers whether it was added (false: already subscribed). */
    add: (url: string, now: Date): Promise<StorageResult<boolean>> =>
      withDb(database, (db) => addFeed(db, newFeedRecord(url, now))),
    update: (url: string, next: (current: FeedRecord) => FeedRecord): Promise<StorageResult<FeedRecord>> =>
      withDb(database, (db) => updateFeed(db, url, next)),
    remove: (url: string): Promise<StorageResult<boolean>> => withDb(database, (db) => deleteFeed(db, url)),
  };
}
