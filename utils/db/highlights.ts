import { type Highlight, parseHighlight } from '../highlights/highlight';
import { type CountedWrite, deleteCounted, putCounted } from './doi-counts';
import { invalid, notFound, ok, type StorageResult, storageFailure } from './result';
import { type JournalClubDb, toHighlightRecord, withoutIndexKeys } from './schema';
import { writeAcross } from './write';

/** Every write of highlights also keeps their article's count (`doi-counts.ts`) in the same transaction. */
const COUNTED = ['highlights', 'doiCounts'] as const;

/**
 * Creates or replaces one highlight. It is validated here, not only by the caller, because highlights reach
 * storage from content-script messages and imported files, and a bad record would haunt every later read.
 */
export async function saveHighlight(db: JournalClubDb, input: unknown): Promise<StorageResult<Highlight>> {
  const parsed = parseHighlight(input);
  if (!parsed.ok) return invalid('highlight-not-saved', parsed.message);
  const highlight = parsed.value;
  return writeAcross(db, [...COUNTED], 'highlight-not-saved', async (tx) => {
    await putCounted(tx, [toHighlightRecord(highlight)]);
    return ok(highlight);
  });
}

/**
 * Saves many highlights in one transaction (an import, a restore): all of them or, if any is invalid or the
 * disk is full, none, so that the reader never has to find out which half of a file made it in.
 */
export async function saveHighlights(
  db: JournalClubDb,
  inputs: readonly unknown[],
): Promise<StorageResult<Highlight[]>> {
  const highlights = validateAll(inputs);
  if (!highlights.ok) return highlights;
  return writeAcross(db, [...COUNTED], 'highlights-not-saved', (tx) => putAll(tx, highlights.value));
}

function validateAll(inputs: readonly unknown[]): StorageResult<Highlight[]> {
  const highlights: Highlight[] = [];
  for (const [index, input] of inputs.entries()) {
    const parsed = parseHighlight(input);
    if (!parsed.ok) {
      return invalid('highlights-not-saved', parsed.message, { size: inputs.length, position: index + 1 });
    }
    highlights.push(parsed.value);
  }
  return ok(highlights);
}

async function putAll(tx: CountedWrite, highlights: Highlight[]): Promise<StorageResult<Highlight[]>> {
  await putCounted(tx, highlights.map(toHighlightRecord));
  return ok(highlights);
}

/**
 * Reads every stored highlight and saves what `decide` returns for them, in one readwrite transaction, so that
 * nothing saved in between (a note edited in another tab while a large file was read) is overwritten by a copy
 * compared with an older state. `decide` must be synchronous: an await on anything but this transaction would
 * let the browser commit it early. Records that fail validation are left out of what `decide` sees, as lists do.
 */
export function mergeHighlights(
  db: JournalClubDb,
  decide: (existing: readonly Highlight[]) => readonly Highlight[],
): Promise<StorageResult<Highlight[]>> {
  return writeAcross(db, [...COUNTED], 'highlights-not-saved', async (tx) => {
    const existing: Highlight[] = [];
    for (const record of await tx.objectStore('highlights').getAll()) {
      const parsed = parseHighlight(withoutIndexKeys(record));
      if (parsed.ok) existing.push(parsed.value);
    }
    const highlights = validateAll(decide(existing));
    return highlights.ok ? putAll(tx, highlights.value) : highlights;
  });
}

export async function getHighlight(db: JournalClubDb, id: string): Promise<StorageResult<Highlight>> {
  try {
    const record = await db.get('highlights', id);
    if (record === undefined) return notFound('highlight-not-loaded', id);
    const parsed = parseHighlight(withoutIndexKeys(record));
    return parsed.ok ? parsed : invalid('highlight-not-loaded', parsed.message);
  } catch (error) {
    return storageFailure(error, 'highlight-not-loaded');
  }
}

/**
 * Deletes a highlight and returns it as it was, so that the panel can offer "Undo" by saving it again.
 * A record that fails validation is left in place: it cannot be handed back for undo, and a later version of
 * the extension may be able to read it.
 */
export function deleteHighlight(db: JournalClubDb, id: string): Promise<StorageResult<Highlight>> {
  return writeAcross(db, [...COUNTED], 'highlight-not-deleted', async (tx) => {
    const record = await tx.objectStore('highlights').get(id);
    if (record === undefined) return notFound('highlight-not-deleted', id);
    const parsed = parseHighlight(withoutIndexKeys(record));
    if (!parsed.ok) return invalid('highlight-not-deleted', parsed.message);
    await deleteCounted(tx, id, record);
    return ok(parsed.value);
  });
}
