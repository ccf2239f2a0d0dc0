import { i18n } from '#i18n';
import type { Reply } from '../protocol/reply';
import type { PageHighlight } from '../protocol/responses';
import { type HighlightContext, listArticleHighlights } from './highlight-requests';
import { originOf, paintsOn } from './page-trust';
import { fromStorage, ok, refused } from './reply';

/**
 * What the page's script may draw: nothing where the page may not paint the reader's highlights (see
 * `paintsOn`), and never a note, which the page side has no use for and a compromised page renderer could read.
 * `pageUrl` is the asking document's address, the copy the reader is on now.
 */
export async function pageHighlights(
  context: HighlightContext,
  pageUrl: string | null,
): Promise<Reply<PageHighlight[]>> {
  const listed = await listArticleHighlights(context);
  if (!listed.ok) return fromStorage(listed);
  const { highlights } = listed.value;
  const confirmed = await context.confirmedOrigins.get(context.entry.id);
  if (!paintsOn(pageUrl ?? context.record.pageUrl, context.entry, highlights, confirmed)) return ok([]);
  return ok(
    highlights.map(({ id, questionId, target }) => ({ id, questionId, target: { selectors: target.selectors } })),
  );
}

/**
 * The reader's "Show on this page" in the panel (a click in the extension's own frame, which the page cannot
 * make): the site of the tab's page may now paint this entry's highlights, now and on later visits.
 */
export async function showOnPage(context: HighlightContext): Promise<Reply<null>> {
  const origin = originOf(context.record.pageUrl);
  if (origin === null) return refused(i18n.t('errors.noArticle'));
  await context.confirmedOrigins.add(context.entry.id, origin);
  await context.sendToTab({ type: 'highlights-changed' });
  context.notifyPanel({ type: 'highlights-changed' });
  return ok(null);
}
