import type { CatalogEntry } from '../catalog/schema';
import { exportBackup, exportMarkdown, exportWebAnnotations, planImport } from '../exchange';
import type { Highlight } from '../highlights/highlight';
import type { Reply } from '../protocol/reply';
import type { ExportFormat } from '../protocol/requests';
import type { ExportedFile, ImportOutcome } from '../protocol/responses';
import { type HighlightContext, listArticleHighlights } from './highlight-requests';
import { fromStorage } from './reply';

/** File names readers will find in their downloads folder: the entry, what it is, and the date. */
function fileName(stem: string, extension: string, now: Date): string {
  return `${stem}-${now.toISOString().slice(0, 10)}.${extension}`;
}

/**
 * The reader's highlights on this article as a Markdown digest for the club's discussion (each quote linked by
 * its share link) or as W3C Web Annotations for other annotation tools.
 */
export async function exportArticle(
  format: ExportFormat,
  context: HighlightContext,
  language: string,
  shareLinkFor: (highlight: Highlight) => Promise<string | null>,
): Promise<Reply<ExportedFile>> {
  const listed = await listArticleHighlights(context);
  if (!listed.ok) return fromStorage(listed);
  const { highlights } = listed.value;
  const now = context.now();
  if (format === 'jsonld') {
    const collection = exportWebAnnotations(context.entry, highlights, { language });
    return {
      ok: true,
      value: {
        fileName: fileName(`${context.entry.id}-annotations`, 'jsonld', now),
        mimeType: 'application/ld+json',
        text: `${JSON.stringify(collection, null, 2)}\n`,
      },
    };
  }
  const links = new Map<string, string | null>();
  for (const highlight of highlights) links.set(highlight.id, await shareLinkFor(highlight));
  const text = exportMarkdown(context.entry, highlights, {
    language,
    now,
    shareLinkFor: (highlight) => links.get(highlight.id) ?? null,
  });
  return {
    ok: true,
    value: { fileName: fileName(`${context.entry.id}-highlights`, 'md', now), mimeType: 'text/markdown', text },
  };
}

/** Every highlight of every article, to keep or to move to another browser. */
export async function backupAll(listAll: () => Promise<Reply<Highlight[]>>, now: Date): Promise<Reply<ExportedFile>> {
  const all = await listAll();
  if (!all.ok) return all;
  return {
    ok: true,
    value: {
      fileName: fileName('journal-club-highlights-backup', 'json', now),
      mimeType: 'application/json',
      text: exportBackup(all.value, now),
    },
  };
}

/**
 * Reads a backup or Web Annotations file and says what importing it would change; with `commit`, writes exactly
 * that in one transaction. The reader sees the summary first and nothing is written unless they confirm; the
 * file is planned again on commit (no state kept between the two), so what is written matches what is stored now.
 */
export async function importFile(
  text: string,
  commit: boolean,
  store: {
    listAll(): Promise<Reply<Highlight[]>>;
    saveMany(highlights: readonly Highlight[]): Promise<Reply<Highlight[]>>;
  },
  findEntry: (doi: string) => CatalogEntry | null,
): Promise<Reply<ImportOutcome>> {
  const existing = await store.listAll();
  if (!existing.ok) return existing;
  const plan = planImport(text, existing.value, { entryForDoi: findEntry });
  const outcome: ImportOutcome = {
    summaryText: plan.summaryText,
    added: plan.summary.added,
    updated: plan.summary.updated,
    unchanged: plan.summary.unchanged,
    invalid: plan.summary.invalid.length,
    written: 0,
  };
  if (!commit || plan.toWrite.length === 0) return { ok: true, value: outcome };
  const saved = await store.saveMany(plan.toWrite);
  if (!saved.ok) return saved;
  return { ok: true, value: { ...outcome, written: saved.value.length } };
}
