import { doiKey } from '../article/doi';
import { type Highlight, parseHighlight } from '../highlights/highlight';
import { readDoiCounts, recountDoiKeys } from './doi-counts';
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
 * highlight follows the article to its other copies. This is the panel's load, so it also checks each key's
 * stored count against the records it read, and repairs a count that disagrees (see `doi-counts.ts`); a failed
 * repair leaves the listing as it is, and the next load tries again.
 */
export async function listHighlightsForDois(
  db: JournalClubDb,
  dois: readonly string[],
): Promise<StorageResult<HighlightList>> {
  const keys = [...new Set(dois.map(doiKey))];
  const wrong: string[] = [];
  const list = await readList(async () => {
    const tx = db.transaction(['highlights', 'doiCounts']);
    const index = tx.objectStore('highlights').index('byDoi');
    const perKey = await Promise.all(
      keys.map(async (key) => {
        const [records, stored] = await Promise.all([index.getAll(key), tx.objectStore('doiCounts').get(key)]);
        if (records.length !== (stored?.count ?? 0)) wrong.push(key);
        return records;
      }),
    );
    return perKey.flat();
  });
  if (list.ok && wrong.length > 0) await recountDoiKeys(db, wrong);
  return list;
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
 * How many records carry each DOI key, from the count store in one read (`doi-counts.ts`): the popup's reading
 * list asks this of a store of any size without loading or counting a single highlight. Damaged records count
 * too; the panel, which reads its article's records, says how many of them it could not show.
 */
export function countHighlightsPerDoiKey(
  db: JournalClubDb,
  keys: readonly string[],
): Promise<StorageResult<Map<string, number>>> {
  return readDoiCounts(db, [...new Set(keys)]);
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
