import { beforeEach, describe, expect, it } from 'vitest';
import { refreshClubOnFeedsAlarm } from '../../utils/background/club-activity';
import { handleRequest } from '../../utils/background/handle-request';
import type { CatalogEntry } from '../../utils/catalog/schema';
import { article } from '../support/background-world';
import { BOB } from '../support/club-fake';
import { CLUB_DOI, type ClubWorld, makeClubWorld, senders } from '../support/club-world';
import { FEWEST_FIELDS } from '../support/unit/publish-entries';

let t: ClubWorld;
beforeEach(async () => {
  t = await makeClubWorld(`club-catalog-${crypto.randomUUID()}`);
});

const ENTRY: CatalogEntry = { ...FEWEST_FIELDS, id: 'club-only-2026', dois: ['10.5555/club.only'] };
const options = senders.options;
const catalogIds = async () => (await t.world.services.catalog()).entries.map(({ id }) => id);
const refresh = () => t.ask({ type: 'club-suggestions', refresh: true }, options);

describe('publishing to the club and members’ catalogs', () => {
  it('publishes an organiser’s entry into the club’s catalog, which joins the merged catalog after the others', async () => {
    await t.connect();
    const reply = await t.ask({ type: 'club-catalog-publish', entry: ENTRY }, options);
    expect(reply).toEqual({
      ok: true,
      value: {
        clubName: 'KMb Journal Club',
        mine: { suggestion: false, updatedAt: expect.any(String) },
        inClubCatalog: true,
        fetchedAt: expect.any(String),
      },
    });
    const ids = await catalogIds();
    expect(ids.at(-1)).toBe('club-only-2026');
    expect(t.world.catalogChanges.count).toBeGreaterThan(0);
  });

  it('gives a tab already on the article its panel, and takes it away when the entry is withdrawn', async () => {
    await t.connect();
    t.world.page.article = article('10.5555/club.only');
    await handleRequest(
      { type: 'article-detected', article: article('10.5555/club.only') },
      senders.page,
      t.world.services,
    );
    t.world.injected.length = 0;
    await t.ask({ type: 'club-catalog-publish', entry: ENTRY }, options);
    await t.world.catalogChanges.done;
    expect(t.world.injected).toContain(senders.page.tabId);
    const withdrawn = await t.ask({ type: 'club-catalog-withdraw', entryId: ENTRY.id }, options);
    expect(withdrawn.ok && withdrawn.value).toMatchObject({ mine: null, inClubCatalog: false });
    await t.world.catalogChanges.done;
    expect(await catalogIds()).not.toContain(ENTRY.id);
    expect((await t.world.services.tabs.get(senders.page.tabId))?.entryId ?? null).toBeNull();
  });

  it('lists a member’s entry as a suggestion, with who suggested it, and never merges it', async () => {
    await t.connect();
    t.club.publishAs(BOB, ENTRY);
    const view = await refresh();
    expect(view.ok && view.value.suggestions).toEqual([{ entry: ENTRY, by: BOB, updatedAt: expect.any(String) }]);
    expect(await catalogIds()).not.toContain(ENTRY.id);
  });

  it('where the service keeps no roles, the organisers named in the club’s settings decide', async () => {
    t.club.state.roles = null;
    await t.connect();
    t.club.publishAs(BOB, ENTRY);
    await refresh();
    expect(await catalogIds()).not.toContain(ENTRY.id);
    const view = await t.ask({ type: 'club-organisers', organisers: [` ${BOB.id} `, ''] }, options);
    expect(view.ok && view.value).toMatchObject({ organisers: [BOB.id], suggestions: [] });
    expect(await catalogIds()).toContain(ENTRY.id);
  });

  it('brings an update by another organiser to the reader on the feeds alarm', async () => {
    t.club.state.roles = { [BOB.id]: 'organiser' };
    await t.connect();
    t.club.publishAs(BOB, ENTRY);
    await refresh();
    const item = t.club.catalogItems[0];
    if (item) item.raw = { ...ENTRY, title: 'Retitled by Bob' };
    await refreshClubOnFeedsAlarm(t.world.services.club.core, t.world.services.club.layer);
    expect((await t.world.services.catalog()).get(ENTRY.id)?.title).toBe('Retitled by Bob');
  });

  it('lets a feed or the bundled catalog win an article the club also publishes, and lists the conflict', async () => {
    await t.connect();
    const bundledCopy = { ...ENTRY, id: 'club-copy', dois: [CLUB_DOI] };
    await t.ask({ type: 'club-catalog-publish', entry: bundledCopy }, options);
    const catalog = await t.world.services.catalog();
    expect(catalog.find(CLUB_DOI)?.id).toBe('albers-2020');
    expect(catalog.conflicts).toEqual([
      expect.objectContaining({ entryId: 'albers-2020', sources: ['bundled', 'club:grp1'], chosen: 'bundled' }),
    ]);
  });

  it('says why hostile items were left out, and keeps the good ones', async () => {
    t.club.state.roles = { [BOB.id]: 'organiser' };
    await t.connect();
    t.club.publishAs(BOB, ENTRY);
    t.club.publishAs(BOB, { ...ENTRY, id: 7, title: { en: ['nested'] } });
    t.club.publishAs(BOB, { ...ENTRY, id: 'huge', summary: 'x'.repeat(1_000_000) });
    const view = await refresh();
    expect(await catalogIds()).toContain(ENTRY.id);
    expect(view.ok && view.value.problems).toEqual([
      expect.stringMatching(/^Bob: entry #0: id: expected a string; title\.en: expected a string/),
      expect.stringMatching(/^Bob: entry "huge" \(#0\): summary: expected at most 20000 characters/),
    ]);
  });

  it('keeps the club’s entries when a refresh fails (offline), and changes nothing', async () => {
    await t.connect();
    await t.ask({ type: 'club-catalog-publish', entry: ENTRY }, options);
    const changes = t.world.catalogChanges.count;
    t.club.state.offline = true;
    const reply = await refresh();
    expect(reply.ok).toBe(false);
    expect(await catalogIds()).toContain(ENTRY.id);
    expect(t.world.catalogChanges.count).toBe(changes);
  });

  it('refuses an entry the catalog schema refuses, sending nothing', async () => {
    await t.connect();
    const reply = await t.ask({ type: 'club-catalog-publish', entry: { ...ENTRY, dois: ['not a doi'] } }, options);
    expect(reply).toEqual({ ok: false, error: 'This entry cannot be published as it is; fix it first.' });
    expect(t.club.calls.filter((call) => call.startsWith('catalog publish'))).toEqual([]);
  });

  it('forgets the club’s entries on disconnecting', async () => {
    await t.connect();
    await t.ask({ type: 'club-catalog-publish', entry: ENTRY }, options);
    await t.ask({ type: 'club-disconnect', deletePublished: false }, options);
    expect(await catalogIds()).not.toContain(ENTRY.id);
    const state = await t.ask({ type: 'club-catalog-state', entryId: ENTRY.id }, options);
    expect(state.ok && state.value).toEqual({ clubName: null, mine: null, inClubCatalog: false, fetchedAt: null });
  });

  it('refuses the catalog requests from a web page’s scripts', async () => {
    await t.connect();
    const reply = await t.ask({ type: 'club-catalog-publish', entry: ENTRY }, senders.page);
    expect(reply.ok).toBe(false);
    expect(t.club.calls.filter((call) => call.startsWith('catalog publish'))).toEqual([]);
  });
});
