import { doiKey } from '../article/doi';
import type { LocalizedText } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';

/** One catalog entry as the toolbar popup's reading list shows it. */
export interface ReadingListEntry {
  id: string;
  title: LocalizedText;
  /** When the club posted it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or null when the post carries no date. */
  published: string | null;
  /** The article's year, shown when the post has no date. */
  year: number;
  /** The day of the club's discussion (`YYYY-MM-DD`), or null when none is set. */
  meeting: string | null;
  /** Where the reader goes to read the article: its first open-access copy, else the DOI's resolver. */
  articleUrl: string;
  /** False when `articleUrl` is the doi.org fallback rather than a known open-access copy. */
  openAccessCopy: boolean;
  club: { name: LocalizedText; url: string };
  /** The club's discussion of the article. */
  postUrl: string;
  /** The reader's highlights under any of the entry's DOIs; null when they could not be counted. */
  highlights: number | null;
  /**
   * Others' club annotations on the article the reader has not seen ("3 new from the club"): absent when not
   * connected to a club, null when the article's club layer has not been fetched yet.
   */
  clubNew?: number | null;
}

/**
 * The article link of an entry. `articleUrls` may be empty (a club may know only the DOI); the DOI always
 * resolves to the article, so the list never shows an entry the reader cannot open.
 */
export function articleLinkFor(entry: Pick<CatalogEntry, 'articleUrls' | 'dois'>): {
  url: string;
  openAccess: boolean;
} {
  const copy = entry.articleUrls[0];
  if (copy !== undefined) return { url: copy, openAccess: true };
  return { url: `https://doi.org/${entry.dois[0] ?? ''}`, openAccess: false };
}

/**
 * How many highlights each entry has, counting every DOI of the entry (version of record, preprint, aliases)
 * once, whatever case each page printed it in, as the panel does when it lists an article's highlights.
 */
export function countHighlightsPerEntry(
  entries: readonly Pick<CatalogEntry, 'id' | 'dois'>[],
  highlightDois: Iterable<string>,
): Map<string, number> {
  const perDoi = new Map<string, number>();
  for (const doi of highlightDois) perDoi.set(doiKey(doi), (perDoi.get(doiKey(doi)) ?? 0) + 1);
  return new Map(
    entries.map((entry) => {
      const keys = new Set(entry.dois.map(doiKey));
      let count = 0;
      for (const key of keys) count += perDoi.get(key) ?? 0;
      return [entry.id, count];
    }),
  );
}

/**
 * Newest club post first, as a reading list is read; entries whose post has no date come after the dated ones
 * (an unknown date is not "old"), and the article's year, newest first, orders the rest. Ties keep catalog order.
 */
export function compareReadingOrder(
  a: Pick<ReadingListEntry, 'published' | 'year'>,
  b: Pick<ReadingListEntry, 'published' | 'year'>,
): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    // ISO dates order as text; a less precise date of the same period ("2021") sorts after the precise ones.
    return a.published < b.published ? 1 : -1;
  }
  return b.year - a.year;
}

/**
 * The reading list's order on `today` (the reader's calendar day, `YYYY-MM-DD`): the coming discussions first,
 * the soonest at the top, since they are what the reader has to prepare; then the past ones, the latest first;
 * then the entries without a meeting, in reading order.
 */
export function compareWithMeetings(today: string) {
  const rank = (entry: Pick<ReadingListEntry, 'meeting'>) =>
    entry.meeting === null ? 2 : entry.meeting >= today ? 0 : 1;
  return (
    a: Pick<ReadingListEntry, 'meeting' | 'published' | 'year'>,
    b: Pick<ReadingListEntry, 'meeting' | 'published' | 'year'>,
  ): number => {
    const [ra, rb] = [rank(a), rank(b)];
    if (ra !== rb) return ra - rb;
    if (ra === 0 && a.meeting !== b.meeting) return (a.meeting ?? '') < (b.meeting ?? '') ? -1 : 1;
    if (ra === 1 && a.meeting !== b.meeting) return (a.meeting ?? '') < (b.meeting ?? '') ? 1 : -1;
    return compareReadingOrder(a, b);
  };
}

/** The reader's calendar day of `now`, as `YYYY-MM-DD`, in the browser's time zone (where meetings happen). */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The reading list for `entries`, given the DOIs of the reader's highlights (null when they could not be read),
 * ordered for `today` (see `compareWithMeetings`).
 */
export function buildReadingList(
  entries: readonly CatalogEntry[],
  highlightDois: readonly string[] | null,
  today: string = localDay(new Date()),
): ReadingListEntry[] {
  const counts = highlightDois === null ? null : countHighlightsPerEntry(entries, highlightDois);
  return entries
    .map((entry): ReadingListEntry => {
      const link = articleLinkFor(entry);
      return {
        id: entry.id,
        title: entry.title,
        published: entry.published ?? null,
        year: entry.year,
        meeting: entry.meeting ?? null,
        articleUrl: link.url,
        openAccessCopy: link.openAccess,
        club: entry.club,
        postUrl: entry.postUrl,
        highlights: counts?.get(entry.id) ?? null,
      };
    })
    .sort(compareWithMeetings(today));
}
