import { doiFromUrl } from '../article/doi';
import type { CatalogEntry } from '../catalog/schema';
import { doiFromResolverUrl } from './common';

/**
 * Which article an annotation from a file is about, since a highlight is kept by DOI. Asked in order of how
 * directly each names a DOI: a resolver IRI (`https://doi.org/…`, `doi:…`) as the target's `scope` (our exports)
 * or as its `source`, a DOI in the page's address (publishers' `/doi/10.…` paths), and last the catalog: a page
 * a club entry lists among its article's addresses (`articleUrls`) is that article, whatever tool annotated it.
 */

export type FindEntry = (doi: string) => CatalogEntry | null | undefined;
export type FindEntryByPage = (url: string) => CatalogEntry | null;

export interface ArticleFound {
  doi: string;
  entry: CatalogEntry | null;
}

export function articleOf(
  source: string,
  scopes: readonly string[],
  find: { entryForDoi?: FindEntry; entryForPage?: FindEntryByPage },
): ArticleFound | null {
  const pages = [...scopes, source];
  const doi = firstOf(pages, doiFromResolverUrl) ?? firstOf(pages, doiFromUrl);
  if (doi !== null) return { doi, entry: find.entryForDoi?.(doi) ?? null };
  const entry = firstOf(pages, (page) => find.entryForPage?.(page) ?? null);
  const catalogDoi = entry?.dois[0];
  return entry === null || catalogDoi === undefined ? null : { doi: catalogDoi, entry };
}

/**
 * Looks pages up among the entries' article addresses, comparing what identifies a page (scheme, host, port and
 * path, without a trailing slash), not the query or fragment that change between visits. Built once per import.
 */
export function entryByArticlePage(entries: readonly CatalogEntry[]): FindEntryByPage {
  const byPage = new Map<string, CatalogEntry>();
  for (const entry of entries) {
    for (const url of entry.articleUrls) {
      const key = pageKey(url);
      if (key !== null && !byPage.has(key)) byPage.set(key, entry);
    }
  }
  return (url) => {
    const key = pageKey(url);
    return key === null ? null : (byPage.get(key) ?? null);
  };
}

function pageKey(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const { protocol, host, pathname } = new URL(url);
  return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${host}${pathname.replace(/\/+$/, '')}` : null;
}

function firstOf<T>(items: readonly string[], read: (item: string) => T | null): T | null {
  for (const item of items) {
    const found = read(item);
    if (found !== null) return found;
  }
  return null;
}
