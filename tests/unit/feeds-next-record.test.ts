import { describe, expect, it } from 'vitest';
import { type FeedRecord, newFeedRecord } from '../../utils/db/feed-record';
import { nextFeedRecord } from '../../utils/feeds/next-record';

const URL = 'https://club.example/feed.json';
const SUBSCRIBED = new Date('2026-11-27T09:00:00.000Z');
const NOW = new Date('2026-11-27T10:00:00.000Z');
const fresh = newFeedRecord(URL, SUBSCRIBED);
const ok = (body: string) => ({ kind: 'ok', status: 200, body, etag: '"e"', lastModified: null }) as const;

describe('nextFeedRecord', () => {
  it('does not take a 304 to a first request as a copy', () => {
    const next = nextFeedRecord(fresh, { kind: 'not-modified', status: 304 }, NOW);
    expect(next).toMatchObject({ document: null, lastRefreshAt: null, lastAttemptAt: NOW.toISOString() });
    expect(next.outcome).toMatchObject({ kind: 'http-error', status: 304 });
  });

  it('accepts an empty catalog as a good copy', () => {
    const next = nextFeedRecord(fresh, ok('{"version":1,"entries":[]}'), NOW);
    expect(next).toMatchObject({ entryCount: 0, errors: [], etag: '"e"', outcome: { kind: 'ok' } });
    expect(next.document).toEqual({ version: 1, entries: [] });
  });

  it('refuses a feed of another version, keeping validators of the copy it had', () => {
    const held: FeedRecord = { ...fresh, document: { version: 1, entries: [] }, etag: '"old"', lastRefreshAt: 'then' };
    const next = nextFeedRecord(held, ok('{"version":2,"entries":[]}'), NOW);
    expect(next).toMatchObject({ etag: '"old"', lastRefreshAt: 'then', document: { version: 1, entries: [] } });
    expect(next.outcome.kind).toBe('not-a-catalog');
    expect(next.outcome.message).toContain('unsupported catalog version 2');
  });

  it('records a missing permission without touching the copy', () => {
    const held: FeedRecord = { ...fresh, document: { version: 1, entries: [] }, lastRefreshAt: 'then' };
    const next = nextFeedRecord(held, { kind: 'permission-missing' }, NOW);
    expect(next).toEqual({
      ...held,
      lastAttemptAt: NOW.toISOString(),
      outcome: { kind: 'permission-missing', status: null, message: 'no permission to reach this site' },
    });
  });
});
