// @vitest-environment node
// Real `fetch` and WebCrypto against the real Community Solid Server: happy-dom's fetch would stand in for both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClubResult } from '../../utils/club/backend';
import { sortClubCatalog } from '../../utils/club/club-catalog-sort';
import { catalogContainer } from '../../utils/club/solid/catalog-layout';
import { memberContainer } from '../../utils/club/solid/layout';
import { createPodSession } from '../../utils/club/solid/pod-session';
import { setupClub } from '../../utils/club/solid/setup-club';
import { createSolidBackend, type SolidClubBackend } from '../../utils/club/solid/solid-backend';
import { type SolidAccount, type SolidServer, startSolidServer } from '../support/solid/solid-server';
import { EVERY_FIELD, FEWEST_FIELDS } from '../support/unit/publish-entries';

/**
 * The club's catalog in a real pod: Alice owns the club (an organiser), Dana is made an organiser, Bob is a
 * member. The steps build on each other, so they run in order.
 */
function value<T>(result: ClubResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.value;
}

let server: SolidServer;
let club: string;
let accounts: Record<'alice' | 'bob' | 'dana', SolidAccount>;
const backends = {} as Record<'alice' | 'bob' | 'dana', SolidClubBackend>;
const backendFor = (account: SolidAccount) =>
  createSolidBackend({ kind: 'solid', issuer: server.baseUrl, ...account, clubContainer: club });
const catalogOf = (name: keyof typeof backends) => {
  const catalog = backends[name].catalog;
  if (!catalog) throw new Error('the Solid backend has a catalog');
  return catalog;
};

beforeAll(async () => {
  server = await startSolidServer(['alice', 'bob', 'dana']);
  accounts = server.accounts as typeof accounts;
  club = `${accounts.alice.pod}journal-club/catalog-club/`;
  for (const name of ['alice', 'bob', 'dana'] as const) backends[name] = backendFor(accounts[name]);
  value(
    await setupClub(backends.alice.session, club, [accounts.bob.webId, accounts.dana.webId], [accounts.dana.webId]),
  );
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('the club’s catalog in a Solid pod', { timeout: 30_000 }, () => {
  let aliceEntry: string;

  it('publishes an organiser’s entry as one document in catalog/, which every member lists', async () => {
    aliceEntry = value(await catalogOf('alice').publish(EVERY_FIELD)).remoteId;
    expect(aliceEntry).toBe(`${catalogContainer(club)}hostile-2021.json`);
    const listing = value(await catalogOf('bob').list());
    expect(listing.items).toHaveLength(1);
    expect(listing.items[0]).toMatchObject({ role: 'organiser', mine: false, publisher: { id: accounts.alice.webId } });
    const sorted = sortClubCatalog(listing.items, [], `club:${club}`);
    expect(sorted.entries).toEqual([EVERY_FIELD]);
    expect(sorted.problems).toEqual([]);
  });

  it('files a member’s entry as a suggestion in their own container, never in catalog/', async () => {
    const suggested = value(await catalogOf('bob').publish(FEWEST_FIELDS)).remoteId;
    expect(suggested).toBe(`${await memberContainer(club, accounts.bob.webId)}catalog/plain-2020.json`);
    const listing = value(await catalogOf('alice').list());
    const sorted = sortClubCatalog(listing.items, [], `club:${club}`);
    expect(sorted.entries.map(({ id }) => id)).toEqual(['hostile-2021']);
    expect(sorted.suggestions).toMatchObject([{ entry: { id: 'plain-2020' }, by: { id: accounts.bob.webId } }]);
  });

  it('refuses a member’s write into catalog/ (the ACL), so nothing there can be a member’s', async () => {
    const bob = createPodSession({ issuer: server.baseUrl, ...accounts.bob, clubContainer: club });
    const sent = value(
      await bob.request('PUT', `${catalogContainer(club)}forged.json`, {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ publisher: accounts.alice.webId, entry: FEWEST_FIELDS }),
      }),
    );
    expect(sent.status).toBe(403);
  });

  it('lets a second organiser publish and update, and the update replaces the entry for everyone', async () => {
    const updated = { ...FEWEST_FIELDS, id: 'dana-2022', dois: ['10.1000/dana'], title: 'Before' };
    const first = value(await catalogOf('dana').publish(updated)).remoteId;
    const second = value(await catalogOf('dana').publish({ ...updated, title: 'After' })).remoteId;
    expect(second).toBe(first);
    const sorted = sortClubCatalog(value(await catalogOf('bob').list()).items, [], 'club');
    expect(sorted.entries.find(({ id }) => id === 'dana-2022')?.title).toBe('After');
  });

  it('withdraws: the document goes, and members no longer list it', async () => {
    value(await catalogOf('alice').withdraw(aliceEntry));
    const sorted = sortClubCatalog(value(await catalogOf('bob').list()).items, [], 'club');
    expect(sorted.entries.map(({ id }) => id)).toEqual(['dana-2022']);
    // Already gone counts as done; another member's document is not the reader's to withdraw.
    value(await catalogOf('alice').withdraw(aliceEntry));
    const bobs = `${await memberContainer(club, accounts.bob.webId)}catalog/plain-2020.json`;
    expect(await catalogOf('dana').withdraw(bobs)).toEqual({ ok: false, code: 'forbidden' });
  });

  it('reports a hostile document in catalog/ (wrong types, deep nesting) and keeps the others', async () => {
    const deep = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`;
    const alice = backends.alice.session;
    const put = (name: string, body: string) =>
      alice.request('PUT', `${catalogContainer(club)}${name}`, {
        headers: { 'Content-Type': 'application/json' },
        body,
      });
    value(
      await put(
        'wrong-types.json',
        `{"publisher": ${JSON.stringify(accounts.alice.webId)}, "entry": {"id": 7, "title": ${deep}}}`,
      ),
    );
    value(await put('not-json.json', '{"publisher": '));
    const listing = value(await catalogOf('bob').list());
    const sorted = sortClubCatalog(listing.items, [], 'club');
    expect(sorted.entries.map(({ id }) => id)).toEqual(['dana-2022']);
    expect([...listing.problems, ...sorted.problems].join('\n')).toMatch(/not JSON[\s\S]*id: expected a string/);
  });
});
