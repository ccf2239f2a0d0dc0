import type { ArticleInfo } from '../article/detect';
import type { LocalizedText } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';

/**
 * What the toolbar popup says about a tab's page: no article, an article the club has not discussed, one it has,
 * or the club's post about one.
 */
export type TabStatus =
  | { kind: 'no-article' }
  | { kind: 'not-in-catalog'; doi: string; title: string | null }
  /** `clubNew`: as in the reading list, absent when not connected to a club. */
  | { kind: 'club-article'; entryId: string; doi: string; title: LocalizedText; clubNew?: number | null }
  | { kind: 'club-post'; entryId: string; title: LocalizedText }
  /** The browser's own viewer showing a PDF; `entryId` and `title` when it is the PDF of a catalog article. */
  | { kind: 'pdf'; entryId: string | null; title: LocalizedText | null };

/**
 * The status for the article a page shows now (null: none), its catalog entry (null: not discussed) and the
 * entry whose club post the page is (null: none). The club's title is preferred to the page's, because it is the
 * one the reading list shows. A club article wins over a post (its panel is right there); a post wins over any
 * other DOI the post's page carries.
 */
export function tabStatusFor(
  article: ArticleInfo | null,
  entry: CatalogEntry | null,
  postOf: CatalogEntry | null = null,
): TabStatus {
  if (!(article && entry) && postOf) return { kind: 'club-post', entryId: postOf.id, title: postOf.title };
  if (!article) return { kind: 'no-article' };
  if (!entry) return { kind: 'not-in-catalog', doi: article.doi, title: article.title };
  return { kind: 'club-article', entryId: entry.id, doi: article.doi, title: entry.title };
}
