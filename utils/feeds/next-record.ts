import { MAX_CATALOG_ENTRIES, parseCatalog } from '../catalog/parse';
import type { FeedOutcome, FeedRecord } from '../db/feed-record';
import type { FetchOutcome } from './fetch-feed';

/** A refresh that ended before any request: the reader has not granted access to the feed's site. */
export type RefreshOutcome = FetchOutcome | { kind: 'permission-missing' };

/**
 * The feed's record after a refresh: a pure function of what we had, what the server said and when, so that
 * every rule below is tested without a network.
 *
 * The one rule that matters most: nothing but a good new document replaces the last good copy. A 304 confirms
 * it; a 200 with a readable catalog replaces it (entries that fail validation are listed, the valid ones
 * served); every failure (an error status, a timeout, a broken or oversized body, no permission) keeps it and
 * says what went wrong, so that a club's bad deploy or the reader going offline never empties the catalog.
 */
export function nextFeedRecord(previous: FeedRecord, outcome: RefreshOutcome, now: Date): FeedRecord {
  const at = now.toISOString();
  const attempted = { ...previous, lastAttemptAt: at };
  const failed = (result: FeedOutcome): FeedRecord => ({ ...attempted, outcome: result });
  switch (outcome.kind) {
    case 'permission-missing':
      return failed({ kind: 'permission-missing', status: null, message: 'no permission to reach this site' });
    case 'network-error':
    case 'timeout':
      return failed({ kind: outcome.kind, status: null, message: outcome.message });
    case 'http-error':
    case 'too-large':
    case 'redirected':
      return failed({ kind: outcome.kind, status: outcome.status, message: outcome.message });
    case 'not-modified':
      // Only a copy we hold can be "not modified"; a server answering 304 to a first request is confused.
      if (previous.document === null) {
        return failed({ kind: 'http-error', status: 304, message: '304 Not Modified, but no copy was ever received' });
      }
      return { ...attempted, lastRefreshAt: at, outcome: { kind: 'not-modified', status: 304, message: '' } };
    case 'ok':
      return fromDocument(attempted, outcome, at);
  }
}

function fromDocument(record: FeedRecord, outcome: Extract<FetchOutcome, { kind: 'ok' }>, at: string): FeedRecord {
  const failed = (kind: FeedOutcome['kind'], message: string): FeedRecord => ({
    ...record,
    outcome: { kind, status: outcome.status, message },
  });
  let document: unknown;
  try {
    document = JSON.parse(outcome.body);
  } catch (error) {
    return failed('invalid-json', error instanceof Error ? error.message : String(error));
  }
  const raw = (document as { entries?: unknown } | null)?.entries;
  if (Array.isArray(raw) && raw.length > MAX_CATALOG_ENTRIES) {
    return failed(
      'too-many-entries',
      `the feed lists ${raw.length} entries; a catalog holds at most ${MAX_CATALOG_ENTRIES}`,
    );
  }
  const parsed = parseCatalog(document, record.url);
  const wholeFeed = parsed.errors.find((error) => error.index === null);
  if (wholeFeed) return failed('not-a-catalog', wholeFeed.message);
  return {
    ...record,
    lastRefreshAt: at,
    etag: outcome.etag,
    lastModified: outcome.lastModified,
    document,
    entryCount: parsed.entries.length,
    errors: parsed.errors.map(({ index, id, message }) => ({ index, id, message })),
    outcome: { kind: 'ok', status: outcome.status, message: '' },
  };
}
