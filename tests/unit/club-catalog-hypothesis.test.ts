// @vitest-environment node
// Real `fetch` against the contract fake: happy-dom's own fetch would stand in for the one under test.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClubResult } from '../../utils/club/backend';
import type { ClubCatalog } from '../../utils/club/club-catalog';
import { sortClubCatalog } from '../../utils/club/club-catalog-sort';
import { createHypothesisBackend } from '../../utils/club/hypothesis';
import { CATALOG_URI } from '../../utils/club/hypothesis/catalog-entries';
import { type HypothesisFake, startHypothesisFake } from '../support/hypothesis-fake';
import { CLUB, configFor, TOKENS } from '../support/unit/hypothesis-club';
import { EVERY_FIELD, FEWEST_FIELDS } from '../support/unit/publish-entries';

let fake: HypothesisFake;

/** Alice owns the group and Dan moderates it (both organisers); Bob is a member. `roles: null`: an h without roles. */
async function start(roles: Record<string, string[]> | null = { alice: ['owner'], dan: ['moderator'] }) {
  fake = await startHypothesisFake({
    users: [
      { username: 'alice', token: TOKENS.alice, displayName: 'Alice Martin' },
      { username: 'bob', token: TOKENS.bob, displayName: 'Bob Durand' },
      { username: 'dan', token: TOKENS.dan },
    ],
    groups: [{ id: CLUB, name: 'Thursday journal club', members: ['alice', 'bob', 'dan'], roles }],
  });
}

afterEach(async () => {
  await fake.close();
  // Every request sent and every reply given matched h's published API description.
  expect(fake.violations).toEqual([]);
});

const catalogOf = (token: string): ClubCatalog => {
  const catalog = createHypothesisBackend(configFor(fake, token)).catalog;
  if (!catalog) throw new Error('the Hypothesis backend has a catalog');
  return catalog;
};
function value<T>(result: ClubResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.value;
}

describe('the club’s catalog in a Hypothesis group', () => {
  it('publishes an entry as a group annotation on the catalog address, its JSON the text', async () => {
    await start();
    const { remoteId } = value(await catalogOf(TOKENS.alice).publish(EVERY_FIELD));
    const stored = fake.store.annotations.get(remoteId);
    expect(stored).toMatchObject({
      uri: CATALOG_URI,
      group: CLUB,
      permissions: { read: [`group:${CLUB}`] },
      tags: ['jc:catalog-entry', 'jc:catalog-entry:hostile-2021'],
    });
    expect(JSON.parse(stored?.text ?? '')).toEqual(EVERY_FIELD);
  });

  it('lists with who published each, and the group’s roles make organisers’ entries and members’ suggestions', async () => {
    await start();
    value(await catalogOf(TOKENS.alice).publish(EVERY_FIELD));
    value(await catalogOf(TOKENS.bob).publish(FEWEST_FIELDS));
    const listing = value(await catalogOf(TOKENS.bob).list());
    expect(listing.items.map(({ publisher, role, mine }) => [publisher.name, role, mine])).toEqual([
      ['Alice Martin', 'organiser', false],
      ['Bob Durand', 'member', true],
    ]);
    // The profile, the group's members, one page of entries.
    expect(listing.requests).toBe(3);
    const sorted = sortClubCatalog(listing.items, [], `club:${CLUB}`);
    expect(sorted.entries).toEqual([EVERY_FIELD]);
    expect(sorted.suggestions).toMatchObject([{ entry: { id: 'plain-2020' }, by: { name: 'Bob Durand' }, mine: true }]);
  });

  it('falls back to the club’s list of organisers where the service has no roles', async () => {
    await start(null);
    value(await catalogOf(TOKENS.bob).publish(FEWEST_FIELDS));
    const listing = value(await catalogOf(TOKENS.alice).list());
    expect(listing.items[0]?.role).toBe('unknown');
    expect(sortClubCatalog(listing.items, [], 'club').suggestions).toHaveLength(1);
    const trusted = sortClubCatalog(listing.items, ['acct:bob@hypothes.is'], 'club');
    expect(trusted.entries.map(({ id }) => id)).toEqual(['plain-2020']);
  });

  it('updates the reader’s own copy in place, and withdraws it', async () => {
    await start();
    const alice = catalogOf(TOKENS.alice);
    const first = value(await alice.publish(FEWEST_FIELDS)).remoteId;
    const again = value(await alice.publish({ ...FEWEST_FIELDS, title: 'Retitled' })).remoteId;
    expect(again).toBe(first);
    expect(fake.store.annotations.size).toBe(1);
    expect(sortClubCatalog(value(await alice.list()).items, [], 'c').entries[0]?.title).toBe('Retitled');
    value(await alice.withdraw(first));
    expect(value(await catalogOf(TOKENS.bob).list()).items).toEqual([]);
    // Gone already: done.
    value(await alice.withdraw(first));
  });

  it('never lets a member withdraw an organiser’s entry', async () => {
    await start();
    const { remoteId } = value(await catalogOf(TOKENS.alice).publish(EVERY_FIELD));
    expect(await catalogOf(TOKENS.bob).withdraw(remoteId)).toEqual({ ok: false, code: 'forbidden' });
    expect(fake.store.annotations.has(remoteId)).toBe(true);
  });

  it('names hostile texts (not JSON, too big, wrong types) and keeps the other entries', async () => {
    await start();
    value(await catalogOf(TOKENS.alice).publish(FEWEST_FIELDS));
    const body = (text: string) => ({
      uri: CATALOG_URI,
      text,
      tags: ['jc:catalog-entry'],
      group: CLUB,
      permissions: { read: [`group:${CLUB}`] },
      target: [{ source: CATALOG_URI }],
    });
    fake.seed('alice', body('{"id": '));
    fake.seed('alice', body(JSON.stringify({ ...FEWEST_FIELDS, id: 'big', summary: 'x'.repeat(300_000) })));
    fake.seed('dan', body(`{"id": "deep", "title": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`));
    const listing = value(await catalogOf(TOKENS.bob).list());
    const sorted = sortClubCatalog(listing.items, [], 'club');
    expect(sorted.entries.map(({ id }) => id)).toEqual(['plain-2020']);
    expect(listing.problems).toEqual([
      'Alice Martin: a published entry is not JSON',
      'Alice Martin: a published entry is larger than 262144 characters',
    ]);
    expect(sorted.problems).toHaveLength(1);
    expect(sorted.problems[0]).toMatch(/^dan: entry "deep" \(#0\): .*title: expected a string/);
  });

  it('reads the club’s entries in pages, following search_after', async () => {
    await start();
    for (let i = 0; i < 20; i++) {
      const entry = { ...FEWEST_FIELDS, id: `e${i}`, dois: [`10.1000/e${i}`] };
      fake.seed('alice', {
        uri: CATALOG_URI,
        text: JSON.stringify(entry),
        tags: ['jc:catalog-entry', `jc:catalog-entry:e${i}`],
        group: CLUB,
        permissions: { read: [`group:${CLUB}`] },
      });
    }
    const listing = value(await catalogOf(TOKENS.bob).list());
    expect(listing.items.map((item) => (item.raw as { id: string }).id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `e${i}`),
    );
    expect(fake.requests.filter((r) => r.path === '/api/search' && r.query.has('search_after')).length).toBeGreaterThan(
      0,
    );
  });
});
