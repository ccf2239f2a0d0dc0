import { i18n } from '#i18n';
import { type Highlight, parseHighlight } from '../highlights/highlight';
import { invalid, notFound, ok, type StorageResult, storageFailure } from './result';
import { type JournalClubDb, toHighlightRecord, withoutIndexKeys } from './schema';
import { writeTransaction } from './write';

/**
 * Creates or replaces one highlight. It is validated here, not only by the caller, because highlights reach
 * storage from content-script messages and imported files, and a bad record would haunt every later read.
 */
export async function saveHighlight(db: JournalClubDb, input: unknown): Promise<StorageResult<Highlight>> {
  const parsed = parseHighlight(input);
  if (!parsed.ok) return invalid(i18n.t('storage.invalidHighlight', [parsed.message]));
  const highlight = parsed.value;
  return writeTransaction(db, 'highlights', i18n.t('storage.highlightNotSaved'), async (store) => {
    await store.put(toHighlightRecord(highlight));
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
  const highlights: Highlight[] = [];
  for (const [index, input] of inputs.entries()) {
    const parsed = parseHighlight(input);
    if (!parsed.ok) {
      return invalid(i18n.t('storage.invalidInBatch', [String(inputs.length), String(index + 1), parsed.message]));
    }
    highlights.push(parsed.value);
  }
  return writeTransaction(db, 'highlights', i18n.t('storage.highlightsNotSaved'), async (store) => {
    const writes: Promise<unknown>[] = [];
    for (const highlight of highlights) {
      const write = store.put(toHighlightRecord(highlight));
      // Observed at once: if a later put throws (the transaction aborted), the earlier ones reject unawaited.
      write.catch(() => {});
      writes.push(write);
    }
    await Promise.all(writes);
    return ok(highlights);
  });
}

export async function getHighlight(db: JournalClubDb, id: string): Promise<StorageResult<Highlight>> {
  try {
    const record = await db.get('highlights', id);
    if (record === undefined) return notFound(i18n.t('storage.gone'));
    const parsed = parseHighlight(withoutIndexKeys(record));
    return parsed.ok ? parsed : invalid(i18n.t('storage.damaged', [parsed.message]));
  } catch (error) {
    return storageFailure(error, i18n.t('storage.highlightNotLoaded'));
  }
}

/**
 * Deletes a highlight and returns it as it was, so that the panel can offer "Undo" by saving it again.
 * A record that fails validation is left in place: it cannot be handed back for undo, and a later version of
 * the extension may be able to read it.
 */
export function deleteHighlight(db: JournalClubDb, id: string): Promise<StorageResult<Highlight>> {
  return writeTransaction(db, 'highlights', i18n.t('storage.highlightNotDeleted'), async (store) => {
    const record = await store.get(id);
    if (record === undefined) return notFound(i18n.t('storage.gone'));
    const parsed = parseHighlight(withoutIndexKeys(record));
    if (!parsed.ok) return invalid(i18n.t('storage.damagedNotDeleted', [parsed.message]));
    await store.delete(id);
    return ok(parsed.value);
  });
}
