import { i18n } from '#i18n';
import { doiKey } from '../article/doi';
import type { BackgroundRequest } from '../protocol/requests';
import type { PanelLayout } from '../protocol/tab-messages';
import { actionIndicatorFor } from './action-indicator';
import { showClubArticleIndicator } from './club-badge';
import { refused } from './reply';
import type { BackgroundServices, Handled } from './services';

/**
 * Unfolds the panel for something the reader just did on the page (tied a passage, clicked a highlight), without
 * changing the collapsed preference remembered for the article.
 */
export async function showPanel(tabId: number, services: BackgroundServices): Promise<void> {
  const record = await services.tabs.get(tabId);
  if (!record || record.layout === 'open') return;
  await services.tabs.set(tabId, { ...record, layout: 'open' });
  if (record.layout === 'closed') return services.injectPanel(tabId);
  await services.sendToTab(tabId, { type: 'panel-layout', layout: 'open' });
  services.notifyPanel(tabId, { type: 'layout', layout: 'open' });
}

export async function articleDetected(
  tabId: number,
  article: Extract<BackgroundRequest, { type: 'article-detected' }>['article'],
  pageUrl: string | null,
  services: BackgroundServices,
  documentId?: string | null,
): Handled<'article-detected'> {
  const catalog = await services.catalog();
  const entry = catalog.find(article.doi);
  const previous = await services.tabs.get(tabId);
  if (!entry) {
    await services.tabs.set(tabId, { article, entryId: null, layout: 'closed' });
    // A club's post that names some other DOI is still, for the reader, the way to the club's article.
    const onPost = pageUrl !== null && catalog.findByPost(pageUrl) !== null;
    await services.showIndicator(tabId, actionIndicatorFor(onPost ? 'club-post' : 'not-in-catalog'));
    if (previous?.entryId) await services.sendToTab(tabId, { type: 'panel-hide' });
    return { ok: true, value: 'not-in-catalog' };
  }
  // Each report is a new document or a new article in place (the detector reports a DOI once per change), so a
  // panel closed "for this page" comes back here; only collapsing is remembered, per article. A tab the reader
  // opened from the club's post to read this article (post-reading.ts) shows it unfolded, as "Open panel" does.
  const arriving = await services.posts.takeArrival(tabId, entry.id, services.now().getTime());
  if (arriving) await services.articleState.setCollapsed(article.doi, false);
  const collapsed = !arriving && (await services.articleState.getCollapsed(article.doi));
  const layout: PanelLayout = collapsed ? 'collapsed' : 'open';
  await services.tabs.set(tabId, {
    article,
    entryId: entry.id,
    layout,
    ...(pageUrl && { pageUrl }),
    ...(documentId && { documentId }),
    report: crypto.randomUUID(),
  });
  // The reader is waiting for the panel; the toolbar button can be updated meanwhile.
  await Promise.all([services.injectPanel(tabId), showClubArticleIndicator(tabId, entry, services)]);
  // The panel script waits for its frame before moving focus into it.
  if (arriving) await services.sendToTab(tabId, { type: 'panel-focus' });
  return { ok: true, value: 'club-article' };
}

export async function articleGone(
  tabId: number,
  services: BackgroundServices,
  documentId?: string | null,
): Handled<'article-gone'> {
  const previous = await services.tabs.get(tabId);
  // A document the tab has already left may still speak (Chromium names it): its word is not about the new one.
  if (previous?.documentId && documentId && previous.documentId !== documentId) return { ok: true, value: null };
  await services.tabs.forget(tabId);
  await services.panelTickets.forget(tabId);
  await services.showIndicator(tabId, actionIndicatorFor('no-article'));
  if (previous?.entryId) await services.sendToTab(tabId, { type: 'panel-hide' });
  return { ok: true, value: null };
}

/**
 * The tab's panel script is about to create the panel frame: a fresh ticket for it, bound to the script's own
 * document (its origin, and its id where Chromium gives one). Asked only by the top frame of a tab that has a
 * panel to show, so a page the tab moved on to, which has no panel script, never holds one.
 */
export async function issueTicket(
  tabId: number,
  sender: { url: string | null; documentId?: string | null | undefined },
  services: BackgroundServices,
): Handled<'panel-ticket'> {
  const record = await services.tabs.get(tabId);
  const origin = originOf(sender.url);
  if (!record || (!record.entryId && !record.shared) || !origin) return refused(i18n.t('errors.noPanel'));
  return { ok: true, value: await services.panelTickets.issue(tabId, origin, sender.documentId ?? undefined) };
}

/** What the panel shows: the club's entry, or what a share link brought, or nothing (no panel). */
export async function panelState(tabId: number, services: BackgroundServices): Handled<'panel-state'> {
  const record = await services.tabs.get(tabId);
  const entry = record?.entryId ? (await services.catalog()).get(record.entryId) : null;
  if (!record || (!entry && !record.shared)) return { ok: true, value: null };
  return { ok: true, value: { article: record.article, entry, layout: record.layout, shared: record.shared ?? null } };
}

export async function panelLayout(
  tabId: number,
  layout: PanelLayout,
  services: BackgroundServices,
): Handled<'panel-layout'> {
  const record = await services.tabs.get(tabId);
  if (!record || (!record.entryId && !record.shared)) return refused(i18n.t('errors.noPanel'));
  await services.tabs.set(tabId, { ...record, layout });
  if (layout !== 'closed' && record.article) {
    await services.articleState.setCollapsed(record.article.doi, layout === 'collapsed');
  }
  await services.sendToTab(tabId, { type: 'panel-layout', layout });
  return { ok: true, value: null };
}

/**
 * Opens the panel afresh on a club article, also after it was closed for the page (the popup's "Open panel" and
 * the keyboard shortcut, through `openAndFocusPanel`). The detector is asked what the page is now, because the
 * tab may have moved to another document since it last reported (a page without a DOI sends nothing). Returns
 * false when the page has no club article.
 */
export async function openPanelAfresh(tabId: number, services: BackgroundServices): Promise<boolean> {
  const article = await services.queryArticle(tabId);
  const entry = article ? (await services.catalog()).find(article.doi) : null;
  if (!article || !entry) {
    await services.tabs.forget(tabId);
    return false;
  }
  await services.articleState.setCollapsed(article.doi, false);
  // The page's address stays known (it says where the reader's highlights may be painted) when the page still
  // shows the article it reported; the detector's answer does not carry it.
  const previous = await services.tabs.get(tabId);
  const pageUrl =
    previous?.article && doiKey(previous.article.doi) === doiKey(article.doi) ? previous.pageUrl : undefined;
  await services.tabs.set(tabId, { article, entryId: entry.id, layout: 'open', ...(pageUrl && { pageUrl }) });
  await services.injectPanel(tabId);
  return true;
}

function originOf(url: string | null): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}
