import * as v from 'valibot';
import { i18n } from '#i18n';
import type { MyClubEntry, MyClubList } from '../authoring/views';
import { type CatalogEntry, CatalogEntrySchema } from '../catalog/schema';
import type { MyClubRecord } from '../db/schema';
import type { Reply } from '../protocol/reply';
import { fromStorage, ok, refused } from './reply';
import type { BackgroundServices } from './services';

/** A stored record read by today's catalog rules; null for one they refuse (kept, counted, never shown). */
function readRecord(record: MyClubRecord): MyClubEntry | null {
  const parsed = v.safeParse(CatalogEntrySchema, record.entry);
  return parsed.success ? { id: parsed.output.id, entry: parsed.output, savedAt: record.savedAt } : null;
}

/** The organiser's entries, the last saved first. */
export async function myClubList(services: BackgroundServices): Promise<Reply<MyClubList>> {
  const records = await services.myClub.store.list();
  if (!records.ok) return fromStorage(records);
  const entries = records.value.map(readRecord).filter((entry): entry is MyClubEntry => entry !== null);
  entries.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  return ok({ entries, damaged: records.value.length - entries.length });
}

/** The schema's first complaint, with where it is, for a refusal that names what to fix. */
function firstProblem(issues: readonly v.BaseIssue<unknown>[]): string {
  const [issue] = issues;
  const path = issue?.path?.map((item) => String(item.key)).join('.') ?? '';
  return path ? `${path}: ${issue?.message}` : (issue?.message ?? '');
}

/**
 * Saves an entry from the authoring page. It is checked again here with the feeds' schema (the page's Save is
 * disabled while any issue remains, but a message is not a form), and refused, changing nothing, when it fails
 * or when its id is another saved entry's: the saved entry stays until a valid edit replaces it.
 */
export async function saveMyClubEntry(
  entry: unknown,
  replaces: string | null,
  services: BackgroundServices,
): Promise<Reply<CatalogEntry>> {
  const parsed = v.safeParse(CatalogEntrySchema, entry);
  if (!parsed.success) return refused(i18n.t('author.refused', [firstProblem(parsed.issues)]));
  const saved = parsed.output;
  const records = await services.myClub.store.list();
  if (!records.ok) return fromStorage(records);
  if (saved.id !== replaces && records.value.some((record) => record.id === saved.id)) {
    return refused(i18n.t('author.idTaken', [saved.id]));
  }
  const put = await services.myClub.store.put(
    { id: saved.id, entry: saved, savedAt: services.now().toISOString() },
    replaces,
  );
  if (!put.ok) return fromStorage(put);
  services.myClub.changed(new Set(replaces === null ? [saved.id] : [saved.id, replaces]));
  return ok(saved);
}

/** Deletes an entry; its panels go at once. The entry comes back in the answer, for Undo. */
export async function deleteMyClubEntry(id: string, services: BackgroundServices): Promise<Reply<MyClubEntry | null>> {
  const removed = await services.myClub.store.remove(id);
  if (!removed.ok) return fromStorage(removed);
  if (removed.value === null) return ok(null);
  services.myClub.changed(new Set([id]));
  return ok(readRecord(removed.value));
}

/** Undo of a delete: the entry saved again, unless another entry took its id meanwhile. */
export async function restoreMyClubEntry(entry: unknown, services: BackgroundServices): Promise<Reply<MyClubList>> {
  const saved = await saveMyClubEntry(entry, null, services);
  return saved.ok ? myClubList(services) : saved;
}
