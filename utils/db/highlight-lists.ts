import { doiKey } from '../article/doi';
import { type Highlight, parseHighlight } from '../highlights/highlight';
import { ok, type StorageResult, storageFailure } from './result';
import { type JournalClubDb, questionKey, withoutIndexKeys } from './schema';

/** A stored record that failed validation: reported rather than dropped, so that the reader is told. */
export interface SkippedRecord {
  /** The record's primary key, as text (records cross message boundaries, where only JSON survives). */
  key: string;
  /** Why it was skipped, in plain English. */
  reason: string;
}

export interface HighlightList {
  /** Oldest first, the order the reader made them in. */
  highlights: Highlight[];
  skipped: SkippedRecord[];
}

/** An article's highlights, whatever case each page printed the DOI in. */
export function listHighlightsByDoi(db: JournalClubDb, doi: string): Promise<StorageResult<HighlightList>> {
  return readList(() => db.getAllFromIndex('highlights', 'byDoi', doiKey(doi)));
}

/**
 * An article's highlights under any of its DOIs (version of record, preprint, aliases), each once, so that a
 * highlight follows the article to its other copies.
 */
export function listHighlightsForDois(
  db: JournalClubDb,
  dois: readonly string[],
): Promise<StorageResult<HighlightList>> {
  const keys = [...new Set(dois.map(doiKey))];
  return readList(async () =>
    (await Promise.all(keys.map((key) => db.getAllFromIndex('highlights', 'byDoi', key)))).flat(),
  );
}

/** An article's highlights tied to one question, or (with null) those tied to none. */
export function listHighlightsByQuestion(
  db: JournalClubDb,
  doi: string,
  questionId: string | null,
): Promise<StorageResult<HighlightList>> {
  return readList(() => db.getAllFromIndex('highlights', 'byDoiQuestion', [doiKey(doi), questionKey(questionId)]));
}

/** Every highlight in the store, for export and backup. */
export function listAllHighlights(db: JournalClubDb): Promise<StorageResult<HighlightList>> {
  return readList(() => db.getAll('highlights'));
}

/**
 * How many records the article has, read from the index without loading them (for a badge). Damaged records
 * count too, so this can exceed what `listHighlightsByDoi` returns.
 */
export async function countHighlightsByDoi(db: JournalClubDb, doi: string): Promise<StorageResult<number>> {
  try {
    return ok(await db.countFromIndex('highlights', 'byDoi', doiKey(doi)));
  } catch (error) {
    return storageFailure(error, 'highlights-not-loaded');
  }
}

/**
 * How many records carry each DOI key, counted in the `byDoi` index in one transaction without loading a single
 * record: the popup's reading list asks this of a store of any size (20,000 highlights cost milliseconds, where
 * reading them all cost about a second). Damaged records count too; the panel, which reads its article's
 * records, says how many of them it could not show.
 */
export async function countHighlightsPerDoiKey(
  db: JournalClubDb,
  keys: readonly string[],
): Promise<StorageResult<Map<string, number>>> {
  try {
    const index = db.transaction('highlights').store.index('byDoi');
    const unique = [...new Set(keys)];
    const counts = await Promise.all(unique.map((key) => index.count(key)));
    return ok(new Map(unique.map((key, i) => [key, counts[i] ?? 0])));
  } catch (error) {
    return storageFailure(error, 'highlights-not-loaded');
  }
}

/**
 * Validates every record on the way out, because the store outlives the code that wrote it: an older build, a
 * bug, or a hand-edited profile can leave records that would otherwise break the panel. One damaged record
 * must not hide the others.
 */
async function readList(read: () => Promise<unknown[]>): Promise<StorageResult<HighlightList>> {
  let records: unknown[];
  try {
    records = await read();
  } catch (error) {
    return storageFailure(error, 'highlights-not-loaded');
  }
  const highlights: Highlight[] = [];
  const skipped: SkippedRecord[] = [];
  for (const record of records) {
    const parsed = parseHighlight(withoutIndexKeys(record));
    if (parsed.ok) highlights.push(parsed.value);
    else skipped.push({ key: primaryKey(record), reason: parsed.message });
  }
  highlights.sort(byCreation);
  return ok({ highlights, skipped });
}

/** Timestamps are canonical `toISOString()` strings, so text order is time order; ids break ties stably. */
function byCreation(a: Highlight, b: Highlight): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The store's key path is `id`, so every stored record has one, though not necessarily a string. */
function primaryKey(record: unknown): string {
  const id = typeof record === 'object' && record !== null && 'id' in record ? record.id : undefined;
  if (typeof id === 'string') return id;
  try {
    return JSON.stringify(id) ?? String(id);
  } catch {
    return String(id);
  }
}
