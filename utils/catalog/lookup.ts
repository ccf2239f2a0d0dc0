import { doiKey, normalizeDoi } from '../article/doi';
import type { CatalogEntry } from './schema';

/**
 * The merged catalog, answering "has the club discussed this article?" for any of the article's DOIs, and
 * finding again by id the entry a tab was matched to.
 */
export interface CatalogIndex {
  /** One entry per id, in the order the ids first appeared (the toolbar popup's reading list). */
  readonly entries: readonly CatalogEntry[];
  /** The entry for `doi` (any spelling `normalizeDoi` accepts, any letter case), or null. */
  find(doi: string): CatalogEntry | null;
  /** The entry with this id, or null. */
  get(id: string): CatalogEntry | null;
}

/**
 * Indexes `entries`, given in source order: the bundled catalog first, then each subscribed feed.
 *
 * Later sources override earlier ones, because a club's live feed is newer than what shipped with the
 * extension: an entry replaces an earlier entry with the same id (taking its place in `entries`, so lists do
 * not reshuffle), and when two different entries claim the same DOI, the later one answers for it.
 * Duplicates within one feed never get here: `parseCatalog` already kept the first.
 */
export function createCatalogIndex(entries: Iterable<CatalogEntry>): CatalogIndex {
  const byId = new Map<string, CatalogEntry>();
  const inOrder: CatalogEntry[] = [];
  for (const entry of entries) {
    byId.set(entry.id, entry);
    inOrder.push(entry);
  }

  const byDoi = new Map<string, CatalogEntry>();
  for (const entry of inOrder) {
    if (byId.get(entry.id) !== entry) continue;
    for (const doi of entry.dois) byDoi.set(doiKey(doi), entry);
  }

  return {
    entries: [...byId.values()],
    find(doi) {
      const normalized = normalizeDoi(doi);
      return normalized === null ? null : (byDoi.get(doiKey(normalized)) ?? null);
    },
    get: (id) => byId.get(id) ?? null,
  };
}
