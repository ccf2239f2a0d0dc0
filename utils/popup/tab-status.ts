import type { ArticleInfo } from '../article/detect';
import type { LocalizedText } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';

/** What the toolbar popup says about a tab's page: no article, an article the club has not discussed, or one it has. */
export type TabStatus =
  | { kind: 'no-article' }
  | { kind: 'not-in-catalog'; doi: string; title: string | null }
  /** `clubNew`: as in the reading list, absent when not connected to a club. */
  | { kind: 'club-article'; entryId: string; doi: string; title: LocalizedText; clubNew?: number | null };

/**
 * The status for the article a page shows now (null: none) and its catalog entry (null: not discussed). The
 * club's title is preferred to the page's, because it is the one the reading list shows.
 */
export function tabStatusFor(article: ArticleInfo | null, entry: CatalogEntry | null): TabStatus {
  if (!article) return { kind: 'no-article' };
  if (!entry) return { kind: 'not-in-catalog', doi: article.doi, title: article.title };
  return { kind: 'club-article', entryId: entry.id, doi: article.doi, title: entry.title };
}
