import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../utils/background/catalog-source';
import { type FeedRecord, newFeedRecord } from '../../utils/db/feed-record';
import { addFeed, listFeeds } from '../../utils/db/feeds';
import { openJournalClubDb } from '../../utils/db/open';
import { ok } from '../../utils/db/result';
import { expectOk } from '../support/unit/db-fixtures';

const entry = (id: string, doi: string) => ({
  id,
  dois: [doi],
  title: `Entry ${id}`,
  authors: ['A. Author'],
  citation: `Citation ${id}`,
  year: 2021,
  articleUrls: [],
  club: { name: 'A club', url: 'https://club.example/' },
  postUrl: `https://club.example/${id}`,
  summary: 'Summary.',
  commentary: 'Commentary.',
  questions: [{ id: 'q1', text: 'Why?' }],
});

const NOW = new Date('2026-11-27T10:00:00.000Z');

/** A subscribed feed whose last good copy is `document` (null: never fetched). */
const feed = (url: string, document: unknown, subscribedAt = NOW): FeedRecord => ({
  ...newFeedRecord(url, subscribedAt),
  document,
});

const feeds =
  (...records: FeedRecord[]) =>
  async () =>
    ok({ feeds: records, damaged: [] });

describe('the merged catalog', () => {
  it('always has the bundled entry, even with no feeds', async () => {
    const catalog = await loadCatalog(feeds());
    expect(catalog.find('10.1186/s12913-020-05145-1')?.club.name).toBe('Research Impact Canada — KMb Journal Club');
    expect(catalog.errors).toEqual([]);
  });

  it('adds the entries of every subscribed feed, found by any DOI and by id', async () => {
    const catalog = await loadCatalog(
      feeds(
        feed('https://a.example/feed.json', { version: 1, entries: [entry('one', '10.1000/one')] }),
        feed('https://b.example/feed.json', { version: 1, entries: [entry('two', '10.1000/TWO')] }),
      ),
    );
    expect(catalog.find('10.1000/ONE')?.id).toBe('one');
    expect(catalog.find('doi:10.1000/two')?.id).toBe('two');
    expect(catalog.get('two')?.title).toBe('Entry two');
  });

  it('reads the copies kept in IndexedDB', async () => {
    const db = expectOk(await openJournalClubDb(new IDBFactory(), 'catalog-source-test'));
    expectOk(
      await addFeed(db, feed('https://a.example/feed.json', { version: 1, entries: [entry('one', '10.1000/one')] })),
    );
    expectOk(await addFeed(db, feed('https://b.example/never-fetched.json', null)));
    const catalog = await loadCatalog(() => listFeeds(db));
    expect(catalog.find('10.1000/one')?.id).toBe('one');
    expect(catalog.errors).toEqual([]);
  });

  it('keeps the first source for an article a later feed claims, lists the conflict, and applies the reader’s choice', async () => {
    const override = { ...entry('albers-2020', '10.1186/s12913-020-05145-1'), title: 'Updated by the club' };
    const byDoi = { ...entry('impostor', '10.1186/S12913-020-05145-1'), title: 'Claimed by DOI' };
    const sources = feeds(
      feed('https://a.example/feed.json', { version: 1, entries: [override] }),
      feed('https://b.example/feed.json', { version: 1, entries: [byDoi] }),
    );
    const catalog = await loadCatalog(sources);
    expect(catalog.find('10.1186/s12913-020-05145-1')?.title).not.toBe('Updated by the club');
    expect(catalog.get('impostor')).toBeNull();
    expect(catalog.conflicts).toEqual([
      {
        entryId: 'albers-2020',
        title: catalog.get('albers-2020')?.title,
        sources: ['bundled', 'https://a.example/feed.json', 'https://b.example/feed.json'],
        chosen: 'bundled',
      },
    ]);
    const chosen = await loadCatalog(sources, { 'albers-2020': 'https://b.example/feed.json' });
    expect(chosen.find('10.1186/s12913-020-05145-1')?.title).toBe('Claimed by DOI');
    expect(chosen.get('impostor')?.title).toBe('Claimed by DOI');
    expect(chosen.conflicts[0]?.chosen).toBe('https://b.example/feed.json');
  });

  it('reports a broken entry and a broken feed without hiding the valid ones', async () => {
    const catalog = await loadCatalog(
      feeds(
        feed('https://a.example/feed.json', { version: 1, entries: [entry('ok', '10.1000/ok'), { id: 'broken' }] }),
        feed('https://b.example/feed.json', 'not a feed'),
      ),
    );
    expect(catalog.find('10.1000/ok')?.id).toBe('ok');
    expect(catalog.find('10.1186/s12913-020-05145-1')).not.toBeNull();
    expect(catalog.errors.map((e) => e.source)).toEqual(['https://a.example/feed.json', 'https://b.example/feed.json']);
    expect(catalog.errors[0]?.message).toContain('broken');
  });

  it('keeps the bundled entries when storage cannot be read', async () => {
    const failing = await loadCatalog(async () => ({
      ok: false,
      error: { code: 'storage-failed', outcome: 'feeds-not-read', detail: 'disk gone' },
    }));
    expect(failing.find('10.1186/s12913-020-05145-1')).not.toBeNull();
    expect(failing.errors[0]?.message).toContain('disk gone');
    const throwing = await loadCatalog(async () => {
      throw new Error('worker stopped');
    });
    expect(throwing.find('10.1186/s12913-020-05145-1')).not.toBeNull();
    expect(throwing.errors[0]?.message).toContain('worker stopped');
  });
});
