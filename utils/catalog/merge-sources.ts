import { doiKey } from '../article/doi';
import type { CatalogEntry } from './schema';

/**
 * The source name of the catalog shipped with the extension; a feed's source is its address, and the club's own
 * catalog's is `club:` and its Hypothesis group's id or its pod container's address.
 */
export const BUNDLED_SOURCE = 'bundled';
/**
 * The source name of the organiser's own entries ("My club", written on the authoring page). It is merged
 * second: after the bundled catalog, which no local entry may take over, and before every feed, so that a feed
 * never silently replaces what the organiser wrote. Either clash is a conflict the options page lists.
 */
export const MY_CLUB_SOURCE = 'my-club';

/** One catalog's valid entries, in its own order. */
export interface CatalogSource {
  source: string;
  entries: readonly CatalogEntry[];
}

/** For an entry id, the source the reader chose to answer for it (`catalog-choose`, stored by the background). */
export type CatalogChoices = Readonly<Record<string, string>>;

/** An entry claimed by more than one source, by its id or one of its DOIs; the options page lists it. */
export interface CatalogConflict {
  /** The id of the first claimant, which names the conflict and keys the reader's choice. */
  entryId: string;
  /** The first claimant's title, so the reader recognises the article. */
  title: CatalogEntry['title'];
  /** Every source that claims it, the first claimant's first. */
  sources: string[];
  /** The source whose entry the panel shows: the reader's choice, else the first claimant. */
  chosen: string;
}

interface Claim {
  key: string;
  candidates: { source: string; entry: CatalogEntry }[];
}

/**
 * Merges the sources, given in order (the bundled catalog, the organiser's own entries, then feeds in the order
 * the reader subscribed, then the connected club's own catalog, `club:<group or pod>`, which a club's organisers
 * publish from the extension).
 *
 * A feed is someone else's server (review F4): were later sources to win, any feed could take over the bundled
 * entry or another club's entry, with its links and questions, and the reader's highlights would show under
 * the newcomer's wording. So the first source to claim an article (by id or by any of its DOIs) keeps it,
 * every later claim is recorded as a conflict, and only the reader's choice on the options page changes the
 * answer. A second claim from the same source (two entries of one feed sharing a DOI) is its own mistake and
 * is dropped without a conflict.
 */
export function mergeSources(
  sources: readonly CatalogSource[],
  choices: CatalogChoices,
): { entries: CatalogEntry[]; conflicts: CatalogConflict[] } {
  const claims: Claim[] = [];
  const byId = new Map<string, Claim>();
  const byDoi = new Map<string, Claim>();
  for (const { source, entries } of sources) {
    for (const entry of entries) {
      const claim = byId.get(entry.id) ?? entry.dois.map((doi) => byDoi.get(doiKey(doi))).find((found) => found);
      if (claim) {
        if (!claim.candidates.some((candidate) => candidate.source === source || sameEntry(candidate.entry, entry))) {
          claim.candidates.push({ source, entry });
        }
        continue;
      }
      const fresh: Claim = { key: entry.id, candidates: [{ source, entry }] };
      claims.push(fresh);
      byId.set(entry.id, fresh);
      for (const doi of entry.dois) byDoi.set(doiKey(doi), fresh);
    }
  }
  const entries: CatalogEntry[] = [];
  const conflicts: CatalogConflict[] = [];
  for (const { key, candidates } of claims) {
    const [first] = candidates;
    if (!first) continue;
    const winner = candidates.find((candidate) => candidate.source === choices[key]) ?? first;
    entries.push(winner.entry);
    if (candidates.length > 1) {
      conflicts.push({
        entryId: key,
        title: first.entry.title,
        sources: candidates.map((candidate) => candidate.source),
        chosen: winner.source,
      });
    }
  }
  return { entries, conflicts };
}

/**
 * The same entry word for word from a second source (an organiser's own entry and the copy they published to the
 * club, a feed mirroring the bundled catalog) is no conflict: there is nothing for the reader to choose.
 */
function sameEntry(a: CatalogEntry, b: CatalogEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
