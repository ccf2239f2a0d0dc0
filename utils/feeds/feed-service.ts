import type { FeedRecord } from '../db/feed-record';
import type { FeedList } from '../db/feeds';
import type { StorageResult } from '../db/result';
import { mapBounded } from './bounded';
import { parseFeedUrl } from './feed-url';
import { type FetchFeedOptions, fetchFeed } from './fetch-feed';
import { nextFeedRecord, type RefreshOutcome } from './next-record';

/** Feeds refreshed at once by "Refresh all" and the schedule. */
export const FEED_REFRESH_CONCURRENCY = 4;

/** A reader follows a few clubs; past this, the list is more likely a script than a person. */
export const MAX_FEEDS = 50;

/**
 * Where subscriptions are kept. The background passes the IndexedDB one (`createFeedStore` in `utils/db/`), so
 * this folder fetches and decides but never opens the database.
 */
export interface FeedStore {
  list(): Promise<StorageResult<FeedList>>;
  get(url: string): Promise<StorageResult<FeedRecord>>;
  /** Adds a subscription with no copy yet; answers whether it was added. */
  add(url: string, now: Date): Promise<StorageResult<boolean>>;
  /** Replaces a record with `next(current)` in one step; not-found once the reader unsubscribed. */
  update(url: string, next: (current: FeedRecord) => FeedRecord): Promise<StorageResult<FeedRecord>>;
  /** Answers whether there was such a subscription. */
  remove(url: string): Promise<StorageResult<boolean>>;
}

export interface FeedServiceDeps extends FetchFeedOptions {
  store: FeedStore;
  /** Whether the reader approved a site (a match pattern such as `https://club.example/*`) by subscribing. */
  isApproved(origin: string): Promise<boolean>;
  now(): Date;
  /**
   * Called after a change to the feeds' entries (a new copy, an unsubscription), so that the merged catalog is
   * rebuilt; not after a 304 or a failed refresh, which leave the last good copy as it was.
   */
  onChange(): void;
  concurrency?: number;
}

export type SubscribeResult =
  | { status: 'subscribed' | 'already-subscribed'; record: FeedRecord }
  | { status: 'refused'; problem: 'permission-missing' | 'too-many-feeds' };

export interface FeedService {
  list(): Promise<StorageResult<FeedList>>;
  /** Adds a feed (a URL already checked by `parseFeedUrl`) and fetches it at once. */
  subscribe(url: string): Promise<StorageResult<SubscribeResult>>;
  refresh(url: string): Promise<StorageResult<FeedRecord>>;
  refreshAll(): Promise<StorageResult<FeedRecord[]>>;
  /** Answers whether there was such a subscription. */
  unsubscribe(url: string): Promise<StorageResult<boolean>>;
}

/** A stored answer; spelled here because this folder builds results but does not reach the database's helpers. */
const ok = <T>(value: T): StorageResult<T> => ({ ok: true, value });

/**
 * Subscriptions and refreshes over the feed store and `fetch`. Nothing is fetched from a site the reader has
 * not approved: a refresh without it records "permission missing" and sends no request. Two
 * refreshes of one feed (the schedule and a click) share one request.
 */

export function createFeedService(deps: FeedServiceDeps): FeedService {
  const inFlight = new Map<string, Promise<StorageResult<FeedRecord>>>();
  const { store } = deps;
  const permitted = async (url: string) => {
    const parsed = parseFeedUrl(url);
    return parsed.ok && (await deps.isApproved(parsed.origin).catch(() => false));
  };

  const refreshOnce = async (url: string): Promise<StorageResult<FeedRecord>> => {
    const current = await store.get(url);
    if (!current.ok) return current;
    const outcome: RefreshOutcome = (await permitted(url))
      ? await fetchFeed(url, current.value, deps)
      : { kind: 'permission-missing' };
    const now = deps.now();
    const saved = await store.update(url, (latest) => nextFeedRecord(latest, outcome, now));
    if (saved.ok && outcome.kind === 'ok') deps.onChange();
    return saved;
  };

  const refresh = (url: string) => {
    const running = inFlight.get(url);
    if (running) return running;
    const started = refreshOnce(url).finally(() => inFlight.delete(url));
    inFlight.set(url, started);
    return started;
  };

  return {
    list: () => store.list(),
    subscribe: async (url): Promise<StorageResult<SubscribeResult>> => {
      if (!(await permitted(url))) return ok({ status: 'refused', problem: 'permission-missing' });
      const existing = await store.get(url);
      // Subscribing again is how a reader approves a withdrawn site again: fetch now that it is back.
      if (existing.ok) {
        const refreshed = await refresh(url);
        return refreshed.ok ? ok({ status: 'already-subscribed', record: refreshed.value }) : refreshed;
      }
      const all = await store.list();
      if (!all.ok) return all;
      if (all.value.feeds.length + all.value.damaged.length >= MAX_FEEDS) {
        return ok({ status: 'refused', problem: 'too-many-feeds' });
      }
      // The new record holds no copy yet, so the catalog changes only once the refresh below brings one.
      const added = await store.add(url, deps.now());
      if (!added.ok) return added;
      const refreshed = await refresh(url);
      if (!refreshed.ok) return refreshed;
      return ok({ status: added.value ? 'subscribed' : 'already-subscribed', record: refreshed.value });
    },
    refresh,
    refreshAll: async () => {
      const all = await store.list();
      if (!all.ok) return all;
      const results = await mapBounded(all.value.feeds, deps.concurrency ?? FEED_REFRESH_CONCURRENCY, (feed) =>
        refresh(feed.url),
      );
      const failed = results.find((result) => !result.ok);
      if (failed && !failed.ok && failed.error.code !== 'not-found') return failed;
      return ok(results.flatMap((result) => (result.ok ? [result.value] : [])));
    },
    unsubscribe: async (url) => {
      const removed = await store.remove(url);
      if (removed.ok && removed.value) deps.onChange();
      return removed;
    },
  };
}
