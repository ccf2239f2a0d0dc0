import { doiKey } from '../../article/doi';

/**
 * Groups DOIs by the article they belong to. Publishers give figures, tables and supplements DOIs that extend
 * the article's (`10.1371/journal.pone.0123456.g001`, eLife's `….003`, PeerJ's `…/fig-1`), so a PDF that names
 * its article once and its figures ten times still names one article.
 */

export interface DoiFamily {
  /** The article's DOI as the PDF spells it (the shortest member, or the figure DOI's stem). */
  doi: string;
  key: string;
}

/** PLOS's figure, table and supporting-file suffixes: the stem is the article even when it is not named. */
const PART_SUFFIX = /\.[gtse]\d{3}$/i;

/** The family each DOI belongs to, keyed by the DOI's comparison key. */
export function doiFamilies(dois: Iterable<string>): Map<string, DoiFamily> {
  const spelled = new Map<string, string>();
  for (const doi of dois) {
    const stem = doi.replace(PART_SUFFIX, '');
    for (const value of stem === doi ? [doi] : [doi, stem]) {
      if (!spelled.has(doiKey(value))) spelled.set(doiKey(value), value);
    }
  }
  // Shortest first, so each DOI meets its possible roots before itself.
  const keys = [...spelled.keys()].sort((a, b) => a.length - b.length);
  const familyOf = new Map<string, DoiFamily>();
  for (const key of keys) {
    const rootKey = shortestRoot(key, familyOf) ?? key;
    familyOf.set(key, { key: rootKey, doi: spelled.get(rootKey) as string });
  }
  return familyOf;
}

/** A shorter DOI this one extends at a `.` or `/` of its suffix: one look-up per such position. */
function shortestRoot(key: string, known: Map<string, DoiFamily>): string | undefined {
  for (let at = key.indexOf('/') + 1; at < key.length; at++) {
    const code = key[at];
    if (code !== '.' && code !== '/') continue;
    const family = known.get(key.slice(0, at));
    if (family) return family.key;
  }
  return undefined;
}

/** The distinct families among `dois`, in the order first met. */
export function distinctFamilies(dois: readonly string[]): DoiFamily[] {
  const families = doiFamilies(dois);
  const seen = new Map<string, DoiFamily>();
  for (const doi of dois) {
    const family = families.get(doiKey(doi));
    if (family && !seen.has(family.key)) seen.set(family.key, family);
  }
  return [...seen.values()];
}
