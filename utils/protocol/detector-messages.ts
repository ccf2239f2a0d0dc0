import type { ArticleInfo } from '../article/detect';

/**
 * What the every-page detector says to the background, and nothing more. It has a file of its own so that the
 * detector's bundle, which every web page pays for, holds only these few lines and not the whole protocol
 * (`requests.ts` validates the same requests on arrival, and a type check keeps the two in step).
 */

/** The background's question to the detector: which article is this page now? Answered with ArticleInfo | null. */
export const ARTICLE_QUERY = 'article-query';

/** A share link's `#jc=…` part can carry all of an article's highlights; beyond this it is not ours. */
export const SHARE_HASH_MAX_LENGTH = 64_000;

/** The requests the detector sends. */
export type DetectorRequest =
  /** The detector found an article on this tab's page. */
  | { type: 'article-detected'; article: ArticleInfo }
  /** The page navigated (in place) away from the article it reported. */
  | { type: 'article-gone' }
  /** The page was opened from a share link (its `#jc=` part), on an article or not. */
  | { type: 'share-opened'; share: string; article: ArticleInfo | null };

/** What the detector learns back: enough to know the lookup happened, nothing the page could use. */
export type ArticleStatus = 'club-article' | 'not-in-catalog';

/** The reply type for each of the detector's requests. */
export interface DetectorResponses {
  'article-detected': ArticleStatus;
  'article-gone': null;
  'share-opened': null;
}
