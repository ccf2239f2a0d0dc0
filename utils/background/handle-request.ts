import type { ArticleInfo } from '../article';
import type { CatalogEntry } from '../catalog/schema';
import { localize } from '../localized';
import type { BackgroundRequest, BackgroundResponses, PanelEvent, PanelLayout, Reply, TabMessage } from '../messages';
import { type ActionIndicator, actionIndicatorFor } from './action-indicator';
import {
  activateHighlight,
  createHighlight,
  deleteHighlight,
  type HighlightContext,
  type HighlightStore,
  listHighlights,
  reportAnchors,
  restoreHighlight,
  revealHighlight,
  updateHighlight,
} from './highlight-requests';
import type { TabRegistry } from './tab-registry';

/** Who sent a request, reduced to what the rules below need. */
export interface RequestSender {
  tabId: number | null;
  frameId: number | null;
  /** True for the extension's own pages (the panel frame); false for content scripts on web pages. */
  fromExtensionPage: boolean;
  /** The sending document's address: for the page's own scripts, the copy of the article the reader is on. */
  url: string | null;
}

/** The catalog as the background sees it: every source merged. */
export interface CatalogLookup {
  find(doi: string): CatalogEntry | null;
  get(id: string): CatalogEntry | null;
}

/** The browser-facing services a request may use; the background entrypoint passes the real ones in. */
export interface BackgroundServices {
  catalog(): Promise<CatalogLookup>;
  tabs: TabRegistry;
  articleState: {
    getCollapsed(doi: string): Promise<boolean>;
    setCollapsed(doi: string, collapsed: boolean): Promise<void>;
  };
  injectPanel(tabId: number): Promise<void>;
  /** Asks the tab's detector for the article its page shows now (null without one, or without a detector). */
  queryArticle(tabId: number): Promise<ArticleInfo | null>;
  sendToTab(tabId: number, message: TabMessage): Promise<void>;
  showIndicator(tabId: number, indicator: ActionIndicator): Promise<void>;
  highlights: HighlightStore;
  /** Pushes an event to the panel frame of a tab, if one is connected. */
  notifyPanel(tabId: number, event: PanelEvent): void;
  /** The browser's UI language, for the club's name in the toolbar button's title. */
  language: string;
  now(): Date;
  newId(): string;
}

type Handled<K extends BackgroundRequest['type']> = Promise<Reply<BackgroundResponses[K]>>;

const refused = (why: string) => ({ ok: false, error: why }) as const;

/** Which context may send each request: the page's own scripts (top frame), the panel page, or either. */
const SENDERS: Record<BackgroundRequest['type'], 'page' | 'panel' | 'either'> = {
  'article-detected': 'page',
  'article-gone': 'page',
  'panel-state': 'either',
  'panel-layout': 'panel',
  highlights: 'either',
  'highlight-create': 'page',
  'highlight-update': 'panel',
  'highlight-delete': 'panel',
  'highlight-restore': 'panel',
  'anchors-report': 'page',
  'highlight-activated': 'page',
  'highlight-reveal': 'panel',
};

function senderAllowed(request: BackgroundRequest, sender: RequestSender): boolean {
  const allowed = SENDERS[request.type];
  const fromPage = !sender.fromExtensionPage && sender.frameId === 0;
  return allowed === 'either'
    ? fromPage || sender.fromExtensionPage
    : allowed === 'page'
      ? fromPage
      : sender.fromExtensionPage;
}

/**
 * Routes one validated request. Each kind of request is accepted only from the context that has a reason to
 * send it: article reports and new highlights from the top frame's scripts, edits from the panel page itself,
 * which the host page can neither read nor script.
 */
export function handleRequest<K extends BackgroundRequest['type']>(
  request: Extract<BackgroundRequest, { type: K }>,
  sender: RequestSender,
  services: BackgroundServices,
): Promise<Reply<BackgroundResponses[K]>> {
  return route(request, sender, services) as Promise<Reply<BackgroundResponses[K]>>;
}

async function route(
  request: BackgroundRequest,
  sender: RequestSender,
  services: BackgroundServices,
): Promise<Reply<BackgroundResponses[BackgroundRequest['type']]>> {
  const { tabId } = sender;
  if (tabId === null) return refused('This request must come from a tab.');
  if (!senderAllowed(request, sender)) return refused(`"${request.type}" is not accepted from this context.`);
  switch (request.type) {
    case 'article-detected':
      return articleDetected(tabId, request.article, sender.url, services);
    case 'article-gone':
      return articleGone(tabId, services);
    case 'panel-state':
      return panelState(tabId, services);
    case 'panel-layout':
      return panelLayout(tabId, request.layout, services);
  }
  const context = await highlightContext(tabId, services);
  if (!context) return refused('There is no journal club article on this tab.');
  switch (request.type) {
    case 'highlights':
      return listHighlights(context);
    case 'highlight-create':
      return createHighlight(request, context);
    case 'highlight-update':
      return updateHighlight(request, context);
    case 'highlight-delete':
      return deleteHighlight(request, context);
    case 'highlight-restore':
      return restoreHighlight(request, context);
    case 'anchors-report':
      return reportAnchors(request, context);
    case 'highlight-activated':
      return activateHighlight(request, context);
    case 'highlight-reveal':
      return revealHighlight(request, context);
  }
}

/** Everything a highlight request needs about its tab; null when the tab shows no club article. */
async function highlightContext(tabId: number, services: BackgroundServices): Promise<HighlightContext | null> {
  const record = await services.tabs.get(tabId);
  const entry = record?.entryId ? (await services.catalog()).get(record.entryId) : null;
  if (!record || !entry) return null;
  return {
    tabId,
    record,
    entry,
    store: services.highlights,
    saveRecord: (next) => services.tabs.set(tabId, next),
    sendToTab: (message) => services.sendToTab(tabId, message),
    notifyPanel: (event) => services.notifyPanel(tabId, event),
    showPanel: () => showPanel(tabId, services),
    now: services.now,
    newId: services.newId,
  };
}

/**
 * Unfolds the panel for something the reader just did on the page (tied a passage, clicked a highlight), without
 * changing the collapsed preference remembered for the article.
 */
async function showPanel(tabId: number, services: BackgroundServices): Promise<void> {
  const record = await services.tabs.get(tabId);
  if (!record || record.layout === 'open') return;
  await services.tabs.set(tabId, { ...record, layout: 'open' });
  if (record.layout === 'closed') return services.injectPanel(tabId);
  await services.sendToTab(tabId, { type: 'panel-layout', layout: 'open' });
  services.notifyPanel(tabId, { type: 'layout', layout: 'open' });
}

async function articleDetected(
  tabId: number,
  article: Extract<BackgroundRequest, { type: 'article-detected' }>['article'],
  pageUrl: string | null,
  services: BackgroundServices,
): Handled<'article-detected'> {
  const entry = (await services.catalog()).find(article.doi);
  const previous = await services.tabs.get(tabId);
  if (!entry) {
    await services.tabs.set(tabId, { article, entryId: null, layout: 'closed' });
    await services.showIndicator(tabId, actionIndicatorFor('not-in-catalog'));
    if (previous?.entryId) await services.sendToTab(tabId, { type: 'panel-hide' });
    return { ok: true, value: 'not-in-catalog' };
  }
  // Each report is a new document or a new article in place (the detector reports a DOI once per change), so a
  // panel closed "for this page" comes back here; only collapsing is remembered, per article.
  const layout: PanelLayout = (await services.articleState.getCollapsed(article.doi)) ? 'collapsed' : 'open';
  await services.tabs.set(tabId, { article, entryId: entry.id, layout, ...(pageUrl && { pageUrl }) });
  // The reader is waiting for the panel; the toolbar button can be updated meanwhile.
  await Promise.all([
    services.injectPanel(tabId),
    services.showIndicator(tabId, actionIndicatorFor('club-article', localize(entry.club.name, services.language))),
  ]);
  return { ok: true, value: 'club-article' };
}

async function articleGone(tabId: number, services: BackgroundServices): Handled<'article-gone'> {
  const previous = await services.tabs.get(tabId);
  await services.tabs.forget(tabId);
  await services.showIndicator(tabId, actionIndicatorFor('no-article'));
  if (previous?.entryId) await services.sendToTab(tabId, { type: 'panel-hide' });
  return { ok: true, value: null };
}

async function panelState(tabId: number, services: BackgroundServices): Handled<'panel-state'> {
  const record = await services.tabs.get(tabId);
  const entry = record?.entryId ? (await services.catalog()).get(record.entryId) : null;
  if (!record || !entry) return { ok: true, value: null };
  return { ok: true, value: { article: record.article, entry, layout: record.layout } };
}

async function panelLayout(tabId: number, layout: PanelLayout, services: BackgroundServices): Handled<'panel-layout'> {
  const record = await services.tabs.get(tabId);
  if (!record?.entryId) return refused('There is no journal club panel on this tab.');
  await services.tabs.set(tabId, { ...record, layout });
  if (layout !== 'closed') await services.articleState.setCollapsed(record.article.doi, layout === 'collapsed');
  await services.sendToTab(tabId, { type: 'panel-layout', layout });
  return { ok: true, value: null };
}

/**
 * The toolbar button's click: opens the panel on a club article, also after it was closed for the page. The
 * detector is asked what the page is now, because the tab may have moved to another document since it last
 * reported (a page without a DOI sends nothing). Returns false when the page has no club article.
 */
export async function openPanelFromAction(tabId: number, services: BackgroundServices): Promise<boolean> {
  const article = await services.queryArticle(tabId);
  const entry = article ? (await services.catalog()).find(article.doi) : null;
  if (!article || !entry) {
    await services.tabs.forget(tabId);
    return false;
  }
  await services.articleState.setCollapsed(article.doi, false);
  await services.tabs.set(tabId, { article, entryId: entry.id, layout: 'open' });
  await services.injectPanel(tabId);
  return true;
}
