import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../utils/background/catalog-source';
import { newFeedRecord } from '../../utils/db/feed-record';
import { ok } from '../../utils/db/result';
import type { MyClubRecord } from '../../utils/db/schema';

/** The organiser's own entries ("My club") in the merged catalog: after the bundled one, before every feed. */
const entry = (id: string, doi: string, question = 'Why?') => ({
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
  questions: [{ id: 'q1', text: question }],
});

const FEED = 'https://feeds.example/club.json';
const feeds =
  (...entries: unknown[]) =>
  async () =>
    ok({
      feeds: [{ ...newFeedRecord(FEED, new Date('2026-01-01')), document: { version: 1, entries } }],
      damaged: [],
    });
const mine =
  (...entries: unknown[]) =>
  async () =>
    ok(entries.map((saved, i): MyClubRecord => ({ id: `e${i}`, entry: saved, savedAt: '2026-02-01T00:00:00.000Z' })));

describe('My club in the merged catalog', () => {
  it('keeps the organiser’s entry when a feed claims the same article, and lists the clash', async () => {
    const catalog = await loadCatalog(
      feeds(entry('feed-one', '10.1000/one', 'Theirs?')),
      {},
      { readMyClub: mine(entry('ours', '10.1000/ONE', 'Ours?')) },
    );
    expect(catalog.find('10.1000/one')?.questions[0]?.text).toBe('Ours?');
    expect(catalog.conflicts).toEqual([expect.objectContaining({ entryId: 'ours', sources: ['my-club', FEED] })]);
  });

  it('lets the reader choose the feed for that article instead', async () => {
    const catalog = await loadCatalog(
      feeds(entry('feed-one', '10.1000/one', 'Theirs?')),
      { ours: FEED },
      { readMyClub: mine(entry('ours', '10.1000/one', 'Ours?')) },
    );
    expect(catalog.find('10.1000/one')?.questions[0]?.text).toBe('Theirs?');
  });

  it('skips and reports a stored entry today’s schema refuses, keeping the others', async () => {
    const catalog = await loadCatalog(
      feeds(),
      {},
      { readMyClub: mine({ ...entry('broken', '10.1000/b'), questions: [] }, entry('fine', '10.1000/f')) },
    );
    expect(catalog.find('10.1000/f')?.id).toBe('fine');
    expect(catalog.find('10.1000/b')).toBeNull();
    expect(catalog.errors).toEqual([expect.objectContaining({ source: 'my-club', id: 'broken' })]);
  });

  it('keeps the bundled catalog and the feeds working when My club cannot be read', async () => {
    const failing = async () => ({
      ok: false as const,
      error: { code: 'storage-failed' as const, outcome: 'my-club-not-read' as const },
    });
    const catalog = await loadCatalog(feeds(entry('feed-one', '10.1000/one')), {}, { readMyClub: failing });
    expect(catalog.find('10.1000/one')?.id).toBe('feed-one');
    expect(catalog.errors[0]?.message).toMatch(/My club could not be read/);
  });
});
