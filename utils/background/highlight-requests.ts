import { i18n } from '#i18n';
import type { ArticleInfo } from '../article/detect';
import { doiKey } from '../article/doi';
import type { CatalogEntry } from '../catalog/schema';
import type { HighlightList } from '../db/highlight-lists';
import type { HighlightStore } from '../db/highlight-store';
import type { StorageResult } from '../db/result';
import type { Highlight } from '../highlights/highlight';
import type { Reply } from '../protocol/reply';
import type { BackgroundRequest } from '../protocol/requests';
import type { ArticleHighlights } from '../protocol/responses';
import type { PanelEvent, TabMessage } from '../protocol/tab-messages';
import { highlightSource } from '../sharing/highlight-source';
import { type ConfirmedOrigins, paintsOn } from './page-trust';
import { fromStorage, ok, refused } from './reply';
import type { TabRecord } from './tab-registry';

/** What the highlight handlers need from the background. */
export interface HighlightContext {
  tabId: number;
  record: TabRecord & { article: ArticleInfo };
  entry: CatalogEntry;
  store: HighlightStore;
  confirmedOrigins: ConfirmedOrigins;
  saveRecord(record: TabRecord): Promise<void>;
  sendToTab(message: TabMessage): Promise<void>;
  notifyPanel(event: PanelEvent): void;
  /** Opens the panel (or unfolds it) so the reader sees the highlight they just made or clicked. */
  showPanel(): Promise<void>;
  now(): Date;
  newId(): string;
}

type Request<K extends BackgroundRequest['type']> = Extract<BackgroundRequest, { type: K }>;

/**
 * Highlights follow the article, not the page: they are listed for every DOI of the catalog entry, so a
 * highlight made on the publisher's page also shows on the PubMed Central copy or the preprint.
 */
export function listArticleHighlights(context: HighlightContext): Promise<StorageResult<HighlightList>> {
  return context.store.listForDois([context.record.article.doi, ...context.entry.dois]);
}

/** The article's highlights for the panel, with what the page last anchored and whether it draws them. */
export async function listHighlights(context: HighlightContext): Promise<Reply<ArticleHighlights>> {
  const { record } = context;
  const listed = await listArticleHighlights(context);
  if (!listed.ok) return fromStorage(listed);
  const pageUrl = record.pageUrl ?? record.article.canonicalUrl;
  const { highlights } = listed.value;
  return ok({
    highlights,
    skipped: listed.value.skipped.length,
    anchors: record.anchors ?? null,
    pageUrl,
    painted: paintsOn(pageUrl, context.entry, highlights, await context.confirmedOrigins.get(context.entry.id)),
  });
}

/**
 * Whether a highlight belongs to the tab's article (its DOI is the article's or one of the entry's): requests by
 * id act only on those, so that a panel, even a hijacked one, reaches no other article's notes.
 */
export function ofThisArticle(highlight: Highlight, context: HighlightContext): boolean {
  const keys = [context.record.article.doi, ...context.entry.dois].map(doiKey);
  return keys.includes(doiKey(highlight.doi));
}

/** The stored highlight with this id, if it belongs to the tab's article. */
export async function articleHighlight(id: string, context: HighlightContext): Promise<Reply<Highlight>> {
  const found = await context.store.get(id);
  if (!found.ok) return fromStorage(found);
  return ofThisArticle(found.value, context) ? ok(found.value) : refused(i18n.t('errors.otherArticle'));
}

/** A new highlight from the page's selection toolbar; the panel then opens its note editor. */
export async function createHighlight(
  request: Request<'highlight-create'>,
  context: HighlightContext,
): Promise<Reply<Highlight>> {
  const { entry, record } = context;
  if (request.questionId !== null && !entry.questions.some((q) => q.id === request.questionId)) {
    return refused(i18n.t('errors.notClubQuestion'));
  }
  const now = context.now().toISOString();
  const saved = await context.store.save({
    id: context.newId(),
    doi: record.article.doi,
    entryId: entry.id,
    questionId: request.questionId,
    note: '',
    target: { source: highlightSource(request.source), selectors: request.selectors },
    createdAt: now,
    updatedAt: now,
  });
  if (!saved.ok) return fromStorage(saved);
  // The page draws the new highlight from the range it holds, on this reply; only the panel must reload.
  context.notifyPanel({ type: 'highlights-changed' });
  await context.showPanel();
  context.notifyPanel({ type: 'focus-highlight', id: saved.value.id, edit: true });
  return ok(saved.value);
}

/** A note edit or a re-tie from the panel. */
export async function updateHighlight(
  request: Request<'highlight-update'>,
  context: HighlightContext,
): Promise<Reply<Highlight>> {
  const current = await articleHighlight(request.id, context);
  if (!current.ok) return current;
  const questionId = request.questionId === undefined ? current.value.questionId : request.questionId;
  if (questionId !== null && !context.entry.questions.some((q) => q.id === questionId)) {
    return refused(i18n.t('errors.notClubQuestion'));
  }
  const saved = await context.store.save({
    ...current.value,
    note: request.note ?? current.value.note,
    questionId,
    updatedAt: context.now().toISOString(),
  });
  if (saved.ok) await changed(context);
  return fromStorage(saved);
}

/** Deletes and hands the record back, so the panel can offer undo. */
export async function deleteHighlight(
  request: Request<'highlight-delete'>,
  context: HighlightContext,
): Promise<Reply<Highlight>> {
  const found = await articleHighlight(request.id, context);
  if (!found.ok) return found;
  const removed = await context.store.remove(request.id);
  if (removed.ok) await changed(context);
  return fromStorage(removed);
}

/** Undo of a delete: the record exactly as it was, id and dates included. */
export async function restoreHighlight(
  request: Request<'highlight-restore'>,
  context: HighlightContext,
): Promise<Reply<Highlight>> {
  if (!ofThisArticle(request.highlight, context)) return refused(i18n.t('errors.otherArticle'));
  // Restoring must not overwrite another article's highlight that happens to have this id.
  const existing = await context.store.get(request.highlight.id);
  if (existing.ok && !ofThisArticle(existing.value, context)) return refused(i18n.t('errors.otherArticle'));
  const saved = await context.store.save(request.highlight);
  if (saved.ok) await changed(context);
  return fromStorage(saved);
}

/** Remembers what the page anchored (a panel opened later needs it) and tells the panel now. */
export async function reportAnchors(
  request: Request<'anchors-report'>,
  context: HighlightContext,
): Promise<Reply<null>> {
  await context.saveRecord({ ...context.record, anchors: request.anchors });
  context.notifyPanel({ type: 'anchors', anchors: request.anchors });
  return { ok: true, value: null };
}

/** The reader clicked a highlighted passage: the panel opens on it. */
export async function activateHighlight(
  request: Request<'highlight-activated'>,
  context: HighlightContext,
): Promise<Reply<null>> {
  await context.showPanel();
  context.notifyPanel({ type: 'focus-highlight', id: request.id, edit: false });
  return { ok: true, value: null };
}

/** The panel asks the page to bring a passage into view. */
export async function revealHighlight(
  request: Request<'highlight-reveal'>,
  context: HighlightContext,
): Promise<Reply<null>> {
  await context.sendToTab({ type: 'highlight-reveal', id: request.id });
  return { ok: true, value: null };
}

async function changed(context: HighlightContext): Promise<void> {
  await context.sendToTab({ type: 'highlights-changed' });
  context.notifyPanel({ type: 'highlights-changed' });
}
