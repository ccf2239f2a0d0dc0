import { bundledCatalog } from '../catalog/bundled';
import { type CatalogIndex, createCatalogIndex } from '../catalog/lookup';
import {
  BUNDLED_SOURCE,
  type CatalogChoices,
  type CatalogSource,
  MY_CLUB_SOURCE,
  mergeSources,
} from '../catalog/merge-sources';
import { type CatalogError, parseCatalog } from '../catalog/parse';
import type { FeedList } from '../db/feeds';
import type { StorageResult } from '../db/result';
import type { MyClubRecord } from '../db/schema';

export interface LoadedCatalog extends CatalogIndex {
  errors: CatalogError[];
}

/** Reads the subscribed feeds with their last good copies (from IndexedDB, in the background). */
export type ReadFeeds = () => Promise<StorageResult<FeedList>>;

/** Reads the organiser's own entries ("My club", from IndexedDB, in the background). */
export type ReadMyClub = () => Promise<StorageResult<MyClubRecord[]>>;

/** Reads the connected club's last good catalog copy (`club-catalog.ts`): its source name and feed document. */
export type ReadClub = () => Promise<{ source: string; document: unknown } | null>;

/** The sources beside the feeds; a background without them (a test, a bench) reads none. */
export interface LocalSources {
  readMyClub?: ReadMyClub;
  readClub?: ReadClub;
}

/**
 * The catalog the background answers from, in this order: the bundled entries, the organiser's own ("My club"),
 * every subscribed feed's last good copy in the order the reader subscribed, then the connected club's own
 * catalog (`club:<group or pod>`, its organisers' entries). The first source to claim an article keeps it unless
 * the reader chose another (`mergeSources`): a feed's entry wins over the club's for the same article, and the
 * two are listed as a conflict for the reader to choose. Copies are stored as fetched and parsed here, so one
 * saved by an older version is validated by the current schema. A broken feed or entry is reported and skipped;
 * it never hides the others, and storage that cannot be read leaves the bundled catalog working.
 */
export async function loadCatalog(
  readFeeds: ReadFeeds,
  choices: CatalogChoices = {},
  { readMyClub = async () => ({ ok: true, value: [] }), readClub = async () => null }: LocalSources = {},
): Promise<LoadedCatalog> {
  const errors: CatalogError[] = [];
  const sources: CatalogSource[] = [{ source: BUNDLED_SOURCE, entries: bundledCatalog }];
  const mine = await readMyClub().catch((error: unknown) => ({ ok: false as const, detail: String(error) }));
  if (mine.ok) {
    // Checked as a feed is, so that an entry saved by an older version meets today's rules.
    const parsed = parseCatalog({ version: 1, entries: mine.value.map((record) => record.entry) }, MY_CLUB_SOURCE);
    sources.push({ source: MY_CLUB_SOURCE, entries: parsed.entries });
    errors.push(...parsed.errors);
  } else {
    const detail = 'error' in mine ? (mine.error.detail ?? mine.error.code) : mine.detail;
    errors.push({ source: 'storage', index: null, id: null, message: `My club could not be read: ${detail}` });
  }
  const feeds = await readFeeds().catch(
    (error: unknown): StorageResult<FeedList> => ({
      ok: false,
      error: { code: 'storage-failed', outcome: 'feeds-not-read', detail: String(error) },
    }),
  );
  if (feeds.ok) {
    for (const feed of feeds.value.feeds) {
      if (feed.document === null) continue;
      const parsed = parseCatalog(feed.document, feed.url);
      sources.push({ source: feed.url, entries: parsed.entries });
      errors.push(...parsed.errors);
    }
  } else {
    errors.push({
      source: 'storage',
      index: null,
      id: null,
      message: `Subscribed feeds could not be read: ${feeds.error.detail ?? feeds.error.code}`,
    });
  }
  // The club's copy is validated and capped here as a feed's is; one that cannot be read leaves the rest as it is.
  const club = await readClub().catch(() => null);
  if (club) {
    const parsed = parseCatalog(club.document, club.source);
    sources.push({ source: club.source, entries: parsed.entries });
    errors.push(...parsed.errors);
  }
  const merged = mergeSources(sources, choices);
  return { ...createCatalogIndex(merged.entries, merged.conflicts), errors };
}
