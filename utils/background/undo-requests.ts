import { doiKey } from '../article/doi';
import type { Highlight } from '../highlights/highlight';
import type { Reply } from '../protocol/reply';
import type { ArticleHighlights } from '../protocol/responses';
import type { HighlightContext } from './highlight-requests';
import type { UndoStore } from './undo-store';

/**
 * Keeps undo outside the panel frame: a delete is remembered for the tab, a restore forgets it, and the panel's
 * list of highlights carries the last one deleted on this article, so a panel mounted again can still undo it.
 */
export async function rememberDelete(tabId: number, reply: Reply<Highlight>, undo: UndoStore): Promise<void> {
  if (reply.ok) await undo.keep(tabId, reply.value);
}

export async function forgetRestored(tabId: number, reply: Reply<Highlight>, undo: UndoStore): Promise<void> {
  if (reply.ok && (await undo.last(tabId))?.id === reply.value.id) await undo.forget(tabId);
}

export async function withLastDeleted(
  reply: Reply<ArticleHighlights>,
  context: HighlightContext,
  undo: UndoStore,
): Promise<Reply<ArticleHighlights>> {
  if (!reply.ok) return reply;
  const last = await undo.last(context.tabId);
  const article = new Set([context.record.article.doi, ...context.entry.dois].map(doiKey));
  const ours = last && article.has(doiKey(last.doi)) && !reply.value.highlights.some((h) => h.id === last.id);
  return { ok: true, value: { ...reply.value, lastDeleted: ours ? last : null } };
}
