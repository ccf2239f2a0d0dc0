import * as v from 'valibot';

/**
 * What the extension keeps about one subscribed catalog feed (IndexedDB store `feeds`, since v3). The document
 * is kept as fetched, not as parsed entries, so that a copy saved by an older version is validated again by the
 * current schema every time it is read.
 */

/** How the last refresh ended; the options page words each kind in the reader's language. */
export const FEED_OUTCOMES = [
  /** Subscribed, not fetched yet. */
  'pending',
  'ok',
  'not-modified',
  /** The server answered with an error status (404, 500, …); `status` says which. */
  'http-error',
  'network-error',
  'timeout',
  'invalid-json',
  /** Valid JSON, but not `{ "version": 1, "entries": [...] }`. */
  'not-a-catalog',
  /** More entries than a catalog may hold: refused whole, rather than silently cut. */
  'too-many-entries',
  /** A body larger than the size cap. */
  'too-large',
  /** The server answered with a redirect, which is refused: a hop could escape the address rules (review F4). */
  'redirected',
  /** The reader has not granted (or has since withdrawn) access to the feed's site: nothing was fetched. */
  'permission-missing',
] as const;

export type FeedOutcomeKind = (typeof FEED_OUTCOMES)[number];

export interface FeedOutcome {
  kind: FeedOutcomeKind;
  /** The HTTP status of the answer, or null when there was none (network error, timeout, no permission). */
  status: number | null;
  /** A short English detail (the server's status text, the JSON error); the options page frames it. */
  message: string;
}

/** One feed-wide or per-entry problem, naming the entry and field (see `parseCatalog`). */
export interface FeedEntryError {
  index: number | null;
  id: string | null;
  message: string;
}

export interface FeedRecord {
  /** The feed's address as normalised by `parseFeedUrl`; the store's key. */
  url: string;
  subscribedAt: string;
  /** The last time a refresh was tried, whatever came of it. */
  lastAttemptAt: string | null;
  /** The last time the server confirmed the copy we hold (200 or 304). */
  lastRefreshAt: string | null;
  /** Validators for the next conditional request; they belong to `document` and change only with it. */
  etag: string | null;
  lastModified: string | null;
  /** The last good document as fetched (`JSON.parse` output), or null before one arrived. */
  document: unknown;
  /** Valid entries in `document` when it was fetched. */
  entryCount: number;
  /** The entries of `document` that failed validation when it was fetched. */
  errors: FeedEntryError[];
  outcome: FeedOutcome;
}

const nullableText = v.nullable(v.string());

/** Stored records are checked on the way out: the store outlives the code that wrote it. */
export const FeedRecordSchema = v.object({
  url: v.string(),
  subscribedAt: v.string(),
  lastAttemptAt: nullableText,
  lastRefreshAt: nullableText,
  etag: nullableText,
  lastModified: nullableText,
  document: v.unknown(),
  entryCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  errors: v.array(v.object({ index: v.nullable(v.number()), id: nullableText, message: v.string() })),
  outcome: v.object({ kind: v.picklist(FEED_OUTCOMES), status: v.nullable(v.number()), message: v.string() }),
}) satisfies v.GenericSchema<unknown, FeedRecord>;

/** A record for a feed just subscribed to, before its first fetch. */
export function newFeedRecord(url: string, now: Date): FeedRecord {
  return {
    url,
    subscribedAt: now.toISOString(),
    lastAttemptAt: null,
    lastRefreshAt: null,
    etag: null,
    lastModified: null,
    document: null,
    entryCount: 0,
    errors: [],
    outcome: { kind: 'pending', status: null, message: '' },
  };
}
