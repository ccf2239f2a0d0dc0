import { doiKey, normalizeDoi } from '../article/doi';
import { addressKey } from './address-key';
import type { CatalogConflict } from './merge-sources';
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
  /**
   * The entry whose club post (`postUrl`) is at `address` (compared by `addressKey`), or null. Asked by the
   * background of a tab's address: the post addresses never reach the page, so the detector stays small.
   */
  findByPost(address: string): CatalogEntry | null;
  /** The entry whose article's PDF (`pdfUrl`) is at `address` (compared the same way), or null. */
  findByPdf(address: string): CatalogEntry | null;
  /** Articles more than one source claimed (see `mergeSources`), for the options page. */
  readonly conflicts: readonly CatalogConflict[];
}

/**
 * Indexes `entries` as `mergeSources` left them (one entry per article, the reader's choices applied). Should
 * two still share an id, a DOI or a post address (an entry the reader chose names another article's DOI too, or a
 * feed names another club's post), the first one answers: nothing later in the list takes over silently (review F4).
 */
export function createCatalogIndex(
  entries: Iterable<CatalogEntry>,
  conflicts: readonly CatalogConflict[] = [],
): CatalogIndex {
  const byId = new Map<string, CatalogEntry>();
  const inOrder: CatalogEntry[] = [];
  const byDoi = new Map<string, CatalogEntry>();
  const byPost = new Map<string, CatalogEntry>();
  const byPdf = new Map<string, CatalogEntry>();
  const index = (into: Map<string, CatalogEntry>, address: string | undefined, entry: CatalogEntry) => {
    const key = address === undefined ? null : addressKey(address);
    if (key !== null && !into.has(key)) into.set(key, entry);
  };
  const lookUp = (from: Map<string, CatalogEntry>, address: string) => {
    const key = addressKey(address);
    return key === null ? null : (from.get(key) ?? null);
  };
  for (const entry of entries) {
    if (byId.has(entry.id)) continue;
    byId.set(entry.id, entry);
    inOrder.push(entry);
    for (const doi of entry.dois) if (!byDoi.has(doiKey(doi))) byDoi.set(doiKey(doi), entry);
    index(byPost, entry.postUrl, entry);
    index(byPdf, entry.pdfUrl, entry);
  }

  return {
    entries: inOrder,
    find(doi) {
      const normalized = normalizeDoi(doi);
      return normalized === null ? null : (byDoi.get(doiKey(normalized)) ?? null);
    },
    get: (id) => byId.get(id) ?? null,
    findByPost: (address) => lookUp(byPost, address),
    findByPdf: (address) => lookUp(byPdf, address),
    conflicts,
  };
}
