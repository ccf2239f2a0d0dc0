import { doiKey } from '../article/doi';
import type { CatalogEntry } from '../catalog/schema';
import { clubArticleOf } from '../club/draft';
import { refreshClubCatalog } from './club-catalog';
import type { ClubLayer } from './club-layer';
import type { ClubService } from './club-service';

/**
 * Articles whose club listing the feeds alarm refreshes at most, each time: with the services' limits (about 4
 * requests a second on Hypothesis, one document per member on a pod) a handful of articles every six hours
 * costs the reader nothing noticeable.
 */
export const COUNTS_REFRESHED_PER_ALARM = 5;

/** The club DOI key of a catalog entry: where its "new from the club" count is kept. */
export const entryKey = (entry: Pick<CatalogEntry, 'id' | 'dois'>) => doiKey(clubArticleOf(entry, '').doi);

/**
 * "N new from the club" per catalog entry, for the popup's reading list: the counts the last fetch of each
 * article left (null for an article never fetched). Empty when not connected.
 */
export async function newCountsFor(
  club: ClubService,
  entries: readonly Pick<CatalogEntry, 'id' | 'dois'>[],
): Promise<Map<string, number | null>> {
  if (!(await club.deps.storage.connection())) return new Map();
  const counts = await club.deps.storage.newCounts();
  return new Map(entries.map((entry) => [entry.id, counts[entryKey(entry)] ?? null]));
}

/**
 * On the feeds alarm: fetches the club listing of the catalog articles the reader has highlights on or has
 * opened the club layer of, the least recently fetched first, at most {@link COUNTS_REFRESHED_PER_ALARM}; each
 * fetch updates the article's count. Returns how many were fetched.
 */
export async function refreshNewCounts(club: ClubService, layer: ClubLayer): Promise<number> {
  if (!(await club.active())) return 0;
  const [catalog, all, seen] = await Promise.all([
    club.deps.catalog(),
    club.deps.highlights.listAll(),
    club.deps.storage.seenArticles(),
  ]);
  const read = new Set([...seen, ...(all.ok ? all.value.highlights.map((highlight) => doiKey(highlight.doi)) : [])]);
  const candidates = catalog.entries.filter((entry) => entry.dois.some((doi) => read.has(doiKey(doi))));
  const withAge = await Promise.all(
    candidates.map(async (entry) => {
      const article = clubArticleOf(entry, entry.dois[0] ?? '');
      return { article, fetchedAt: (await layer.cached(article))?.fetchedAt ?? 0 };
    }),
  );
  withAge.sort((a, b) => a.fetchedAt - b.fetchedAt);
  let fetched = 0;
  for (const { article } of withAge.slice(0, COUNTS_REFRESHED_PER_ALARM)) {
    await layer.listing(article);
    fetched += 1;
  }
  return fetched;
}

/**
 * The club's share of the feeds alarm: its own catalog read again (updates and withdrawals reach the reader), then
 * the reading list's counts, which may be about the catalog's new entries.
 */
export async function refreshClubOnFeedsAlarm(club: ClubService, layer: ClubLayer): Promise<void> {
  if (!(await club.active())) return;
  await refreshClubCatalog(club).catch(() => undefined);
  await refreshNewCounts(club, layer);
}
