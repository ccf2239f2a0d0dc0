import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../utils/background/catalog-source';
import { BUNDLED_SOURCE } from '../../utils/catalog/merge-sources';
import type { PublishedItem } from '../../utils/club/club-catalog';
import { sortClubCatalog } from '../../utils/club/club-catalog-sort';
import { ok } from '../../utils/db/result';
import { FEWEST_FIELDS } from '../support/unit/publish-entries';

const ALICE = { id: 'acct:alice@h', name: 'Alice' };
const BOB = { id: 'acct:bob@h', name: 'Bob' };
const entry = (id: string, title = id) => ({ ...FEWEST_FIELDS, id, title, dois: [`10.1000/${id}`] });
const item = (
  publisher: typeof ALICE,
  role: PublishedItem['role'],
  raw: unknown,
  updatedAt = '2026-01-01',
): PublishedItem => ({
  remoteId: `${publisher.name}-${updatedAt}`,
  publisher,
  role,
  mine: false,
  updatedAt,
  raw,
});

describe('sorting the club’s published entries', () => {
  it.each([
    ['an organiser, by the service’s roles', 'organiser', [], 'entry'],
    ['a member, by the service’s roles, even if the settings name them', 'member', [BOB.id], 'suggestion'],
    ['unknown to the service, named an organiser in the settings', 'unknown', [BOB.id], 'entry'],
    ['unknown to the service, not named in the settings', 'unknown', [], 'suggestion'],
  ] as const)('an entry from %s is the club’s or a suggestion', (_, role, organisers, expected) => {
    const sorted = sortClubCatalog([item(BOB, role, entry('a'))], organisers, 'club:g');
    expect(sorted.entries.length === 1 ? 'entry' : 'suggestion').toBe(expected);
    expect(sorted.entries.length + sorted.suggestions.length).toBe(1);
  });

  it('takes the copy updated last when two organisers publish the same entry, in first-published order', () => {
    const sorted = sortClubCatalog(
      [
        item(ALICE, 'organiser', entry('b', 'Alice’s'), '2026-01-01'),
        item(ALICE, 'organiser', entry('c'), '2026-01-02'),
        item(BOB, 'organiser', entry('b', 'Bob’s newer'), '2026-01-03'),
      ],
      [],
      'club:g',
    );
    expect(sorted.entries.map(({ id, title }) => [id, title])).toEqual([
      ['b', 'Bob’s newer'],
      ['c', 'c'],
    ]);
  });

  it('keeps a member’s suggestion of an entry an organiser also published, apart from it', () => {
    const sorted = sortClubCatalog(
      [item(ALICE, 'organiser', entry('d')), item(BOB, 'member', entry('d', 'Bob’s'))],
      [],
      'g',
    );
    expect(sorted.entries.map(({ title }) => title)).toEqual(['d']);
    expect(sorted.suggestions.map(({ entry: e, by }) => [e.title, by.name])).toEqual([['Bob’s', 'Bob']]);
  });

  it('reads at most 1,000 items and says so', () => {
    const many = Array.from({ length: 1_001 }, (_, i) => item(ALICE, 'organiser', entry(`e${i}`)));
    const sorted = sortClubCatalog(many, [], 'g');
    expect(sorted.entries).toHaveLength(1_000);
    expect(sorted.problems).toEqual(['only the first 1000 of 1001 published entries were read']);
  });
});

describe('the club’s copy in the merged catalog', () => {
  const noFeeds = async () => ok({ feeds: [], damaged: [] });

  it('comes after the bundled catalog and the feeds', async () => {
    const club = { source: 'club:g', document: { version: 1, entries: [entry('z')] } };
    const loaded = await loadCatalog(noFeeds, {}, { readClub: async () => club });
    expect(loaded.entries.at(-1)?.id).toBe('z');
    expect(loaded.entries[0]?.id).not.toBe('z');
    expect(loaded.conflicts).toEqual([]);
    expect(BUNDLED_SOURCE).toBe('bundled');
  });

  it('is validated and capped as a feed is: a hostile copy is an error, and the rest loads', async () => {
    const hostile = { source: 'club:g', document: { version: 1, entries: [{ id: 'x'.repeat(1_000) }, entry('ok')] } };
    const loaded = await loadCatalog(noFeeds, {}, { readClub: async () => hostile });
    expect(loaded.entries.map(({ id }) => id)).toContain('ok');
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0]?.source).toBe('club:g');
    const broken = await loadCatalog(
      noFeeds,
      {},
      {
        readClub: async () => {
          throw new Error('storage failed');
        },
      },
    );
    expect(broken.entries.length).toBeGreaterThan(0);
  });
});
