import { CATALOG_VERSION, parseCatalog } from '../catalog/parse';
import type { CatalogEntry } from '../catalog/schema';
import type { ClubMember } from './backend';
import { PUBLISHED_ENTRIES_MAX, type PublishedItem } from './club-catalog';

/** A member's entry that no organiser published: shown to the organisers with who suggested it, never merged. */
export interface Suggestion {
  entry: CatalogEntry;
  by: ClubMember;
  updatedAt: string;
  mine: boolean;
}

export interface SortedClubCatalog {
  /** The organisers' entries: the club's catalog source, in the order they were first published. */
  entries: CatalogEntry[];
  suggestions: Suggestion[];
  /** One line per item left out (it fails the catalog schema or a cap), naming who published it. */
  problems: string[];
}

/**
 * Sorts what the club's service lists into the club's catalog and the members' suggestions. An item counts as
 * the organisers' when the service says its publisher organises the club, or, where the service has no roles,
 * when the club's settings list them (`organisers`, member ids). Every item is validated by the catalog schema
 * with a feed's caps, each on its own: one hostile item costs only itself. When two organisers publish the same
 * entry id, the copy updated last is the club's.
 */
export function sortClubCatalog(
  items: readonly PublishedItem[],
  organisers: readonly string[],
  source: string,
): SortedClubCatalog {
  const kept = items.slice(0, PUBLISHED_ENTRIES_MAX);
  const problems: string[] = [];
  const readable: { item: PublishedItem; entry: CatalogEntry }[] = [];
  for (const item of kept) {
    // One at a time: two members may publish the same entry id, which within one feed would be a mistake.
    const parsed = parseCatalog({ version: CATALOG_VERSION, entries: [item.raw] }, source);
    const [entry] = parsed.entries;
    if (entry) readable.push({ item, entry });
    for (const { message } of parsed.errors) problems.push(`${item.publisher.name}: ${message}`);
  }
  if (items.length > PUBLISHED_ENTRIES_MAX) {
    problems.push(`only the first ${PUBLISHED_ENTRIES_MAX} of ${items.length} published entries were read`);
  }
  const isOrganiser = (item: PublishedItem) => publishedByOrganiser(item, organisers);

  const byId = new Map<string, { item: PublishedItem; entry: CatalogEntry }>();
  const order: string[] = [];
  const suggestions: Suggestion[] = [];
  for (const found of readable) {
    if (!isOrganiser(found.item)) {
      const { publisher: by, updatedAt, mine } = found.item;
      suggestions.push({ entry: found.entry, by, updatedAt, mine });
      continue;
    }
    const before = byId.get(found.entry.id);
    if (!before) order.push(found.entry.id);
    if (!before || before.item.updatedAt < found.item.updatedAt) byId.set(found.entry.id, found);
  }
  const entries = order.flatMap((id) => byId.get(id)?.entry ?? []);
  return { entries, suggestions, problems };
}

/** Whether the item counts as the organisers': the service says so, or where it cannot, the club's settings. */
export function publishedByOrganiser(item: Pick<PublishedItem, 'role' | 'publisher'>, organisers: readonly string[]) {
  return item.role === 'organiser' || (item.role === 'unknown' && organisers.includes(item.publisher.id));
}
