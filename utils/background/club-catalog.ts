import * as v from 'valibot';
import { i18n } from '#i18n';
import { CATALOG_VERSION, parseCatalog } from '../catalog/parse';
import { CatalogEntrySchema } from '../catalog/schema';
import type { ClubCatalog } from '../club/club-catalog';
import type { ClubCatalogCopy } from '../club/club-catalog-copy';
import { clubSourceName } from '../club/club-catalog-copy';
import { publishedByOrganiser, sortClubCatalog } from '../club/club-catalog-sort';
import type { ClubEntryState, ClubSuggestionsView } from '../club/views';
import type { Reply } from '../protocol/reply';
import { failureText } from './club-messages';
import type { ActiveClub, ClubService } from './club-service';
import { ok, refused } from './reply';

/**
 * The club's catalog in the background: read from the service on the feeds alarm, when the club connects and
 * after the reader publishes or withdraws; kept as the last good copy; merged into the catalog after the bundled
 * entries and the feeds. A reading that fails (offline, refused, a whole reply that is not a listing) changes
 * nothing: the copy and the catalog stay as they were.
 */

/** Reads the club's catalog again; the merged catalog is rebuilt when its entries changed. */
export async function refreshClubCatalog(core: ClubService): Promise<Reply<ClubCatalogCopy>> {
  const found = await withCatalog(core);
  if (!found) return refused(i18n.t('clubService.notConnected'));
  const { club, catalog } = found;
  const listed = await catalog.list();
  if (!listed.ok) return refused(failureText(listed, club.connection.config));
  const source = clubSourceName(club.connection.config);
  const organisers = await core.deps.storage.organisers();
  const sorted = sortClubCatalog(listed.value.items, organisers, source);
  const mine = listed.value.items.flatMap((item) => {
    const id = (item.raw as { id?: unknown } | null)?.id;
    if (!item.mine || typeof id !== 'string') return [];
    const suggestion = !publishedByOrganiser(item, organisers);
    return [{ entryId: id.slice(0, 100), remoteId: item.remoteId, suggestion, updatedAt: item.updatedAt }];
  });
  const copy: ClubCatalogCopy = {
    source,
    fetchedAt: core.deps.now().toISOString(),
    entries: sorted.entries,
    suggestions: sorted.suggestions
      .filter((s) => !s.mine)
      .map(({ entry, by, updatedAt }) => ({ entry, by, updatedAt })),
    mine,
    problems: [...listed.value.problems, ...sorted.problems],
  };
  const before = await core.deps.storage.catalogCopy();
  await core.deps.storage.setCatalogCopy(copy);
  if (JSON.stringify(before?.entries ?? []) !== JSON.stringify(copy.entries)) core.deps.onCatalogChanged?.();
  return ok(copy);
}

/** The club's entries for the merged catalog: the stored copy's, validated as a feed's; none when disconnected. */
export async function clubCatalogSource(core: ClubService) {
  const connection = await core.deps.storage.connection();
  const copy = connection && (await core.deps.storage.catalogCopy());
  if (!connection || !copy || copy.source !== clubSourceName(connection.config)) return null;
  return { source: copy.source, document: { version: CATALOG_VERSION, entries: copy.entries } };
}

/** The connected club and its catalog calls, or null when not connected (or its service keeps no catalog). */
async function withCatalog(core: ClubService): Promise<{ club: ActiveClub; catalog: ClubCatalog } | null> {
  const club = await core.active();
  return club?.backend.catalog ? { club, catalog: club.backend.catalog } : null;
}

/** "Publish to the club": the entry goes to the club's catalog (an organiser) or as a suggestion (a member). */
export async function publishEntry(core: ClubService, entry: unknown): Promise<Reply<ClubEntryState>> {
  const found = await withCatalog(core);
  if (!found) return refused(i18n.t('clubService.notConnected'));
  const { club, catalog } = found;
  const checked = v.safeParse(CatalogEntrySchema, entry);
  if (!checked.success) return refused(i18n.t('publish.club.invalid'));
  const published = await catalog.publish(checked.output);
  if (!published.ok) return refused(failureText(published, club.connection.config));
  await refreshClubCatalog(core);
  return ok(await entryState(core, checked.output.id));
}

/** "Withdraw": the reader's own copy leaves the club's catalog (members lose the entry at their next refresh). */
export async function withdrawEntry(core: ClubService, entryId: string): Promise<Reply<ClubEntryState>> {
  const found = await withCatalog(core);
  if (!found) return refused(i18n.t('clubService.notConnected'));
  const { club, catalog } = found;
  const mine = (await core.deps.storage.catalogCopy())?.mine.filter((item) => item.entryId === entryId) ?? [];
  for (const item of mine) {
    const withdrawn = await catalog.withdraw(item.remoteId);
    if (!withdrawn.ok) return refused(failureText(withdrawn, club.connection.config));
  }
  await refreshClubCatalog(core);
  return ok(await entryState(core, entryId));
}

export async function entryState(core: ClubService, entryId: string): Promise<ClubEntryState> {
  const connection = await core.deps.storage.connection();
  const copy = connection ? await core.deps.storage.catalogCopy() : null;
  const mine = copy?.mine.find((item) => item.entryId === entryId) ?? null;
  return {
    clubName: connection?.groupName ?? null,
    mine: mine && { suggestion: mine.suggestion, updatedAt: mine.updatedAt },
    inClubCatalog: copy?.entries.some((entry) => (entry as { id?: unknown } | null)?.id === entryId) ?? false,
    fetchedAt: copy?.fetchedAt ?? null,
  };
}

/** The members' suggestions for the organisers, each entry checked again as it is shown. */
export async function suggestionsView(core: ClubService): Promise<ClubSuggestionsView> {
  const connection = await core.deps.storage.connection();
  const copy = connection ? await core.deps.storage.catalogCopy() : null;
  const suggestions = (copy?.suggestions ?? []).flatMap(({ entry, by, updatedAt }) => {
    const [checked] = parseCatalog({ version: CATALOG_VERSION, entries: [entry] }, 'club').entries;
    return checked ? [{ entry: checked, by, updatedAt }] : [];
  });
  return {
    connected: connection !== null,
    suggestions,
    problems: copy?.problems ?? [],
    organisers: await core.deps.storage.organisers(),
  };
}

/** The organisers the club's settings name; the club's catalog is sorted again with them. */
export async function setOrganisers(core: ClubService, ids: string[]): Promise<ClubSuggestionsView> {
  await core.deps.storage.setOrganisers([...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))]);
  await refreshClubCatalog(core);
  return suggestionsView(core);
}
