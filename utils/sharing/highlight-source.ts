import { stripSharePayload } from './share-url';

/** The longest page address a highlight keeps, as the messages and the stored record allow. */
export const SOURCE_MAX_LENGTH = 4_096;

/**
 * The address a highlight records as where it was made: without a share link's `#jc=…` payload (someone
 * else's notes, up to 64,000 characters, do not belong in the reader's record), and shortened, query then path
 * dropped, when a page's address is longer than a record keeps, so that such pages can be highlighted too.
 */
export function highlightSource(href: string): string {
  const url = stripSharePayload(href);
  if (url.length <= SOURCE_MAX_LENGTH || !URL.canParse(url)) return url.slice(0, SOURCE_MAX_LENGTH);
  const parsed = new URL(url);
  const withoutQuery = parsed.origin + parsed.pathname;
  return withoutQuery.length <= SOURCE_MAX_LENGTH ? withoutQuery : `${parsed.origin}/`;
}
