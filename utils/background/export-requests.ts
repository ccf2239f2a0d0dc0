import type { CatalogIndex } from '../catalog/lookup';
import {
  type DigestClub,
  entryByArticlePage,
  exportBackup,
  exportMarkdown,
  exportWebAnnotations,
  type ImportMode,
  type ImportPlan,
  mergeImport,
  readImport,
} from '../exchange';
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
 * its share link; with `club`, the club's highlights under them) or as W3C Web Annotations for other annotation
 * tools. The club's part is a bonus: if it cannot be had, the digest is the reader's alone.
 */
export async function exportArticle(
  format: ExportFormat,
  context: HighlightContext,
  language: string,
  shareLinkFor: (highlight: Highlight) => Promise<string | null>,
  club?: () => Promise<DigestClub | null>,
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
    club: club ? await club().catch(() => null) : null,
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
 * that. The reader sees the summary first and nothing is written unless they confirm; the file is planned again
 * on commit (no state kept between the two). The file is read and checked first; the comparison with the stored
 * highlights and the write then happen in one transaction, so a note saved meanwhile in another tab is compared
 * as it is, never overwritten by a copy judged against an older state.
 */
export async function importFile(
  request: { text: string; commit: boolean; mode: ImportMode; now: Date },
  store: {
    listAll(): Promise<Reply<Highlight[]>>;
    mergeMany(decide: (existing: readonly Highlight[]) => readonly Highlight[]): Promise<Reply<Highlight[]>>;
  },
  catalog: Pick<CatalogIndex, 'find' | 'entries'>,
): Promise<Reply<ImportOutcome>> {
  const read = readImport(request.text, {
    entryForDoi: catalog.find,
    // Annotations from other tools may name the article only by its page's address.
    entryForPage: entryByArticlePage(catalog.entries),
    now: request.now,
  });
  if (!request.commit) {
    const existing = await store.listAll();
    return existing.ok ? { ok: true, value: outcomeOf(mergeImport(read, existing.value, request.mode), 0) } : existing;
  }
  let plan: ImportPlan | null = null;
  const saved = await store.mergeMany((existing) => {
    plan = mergeImport(read, existing, request.mode);
    return plan.toWrite;
  });
  if (!saved.ok) return saved;
  // Set inside the transaction's callback, which has run once the write succeeded.
  const planned = plan as ImportPlan | null;
  return planned ? { ok: true, value: outcomeOf(planned, saved.value.length) } : { ok: false, error: 'not planned' };
}

function outcomeOf(plan: ImportPlan, written: number): ImportOutcome {
  return {
    summaryText: plan.summaryText,
    added: plan.summary.added,
    updated: plan.summary.updated,
    unchanged: plan.summary.unchanged,
    invalid: plan.summary.invalid.length,
    written,
  };
}
