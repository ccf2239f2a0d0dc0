import { i18n } from '#i18n';
import type { Highlight } from '../highlights/highlight';
import type { Reply } from '../protocol/reply';
import type { BackgroundRequest } from '../protocol/requests';
import type { BackgroundResponses } from '../protocol/responses';
import { articleDetected, articleGone, issueTicket, panelLayout, panelState, showPanel } from './article-requests';
import { handleAuthoring, isAuthoringRequest } from './authoring-requests';
import { showClubArticleIndicator } from './club-badge';
import { handleClubCatalog, isClubCatalogRequest } from './club-catalog-requests';
import { digestThreads } from './club-layer-view';
import { activateClubHighlight, clubHighlightsSetting } from './club-page-requests';
import {
  afterHighlight,
  handleClubArticle,
  handleClubOptions,
  isClubArticleRequest,
  isClubOptionsRequest,
} from './club-requests';
import { backupAll, exportArticle, importFile } from './export-requests';
import { handleFeedRequest, isFeedRequest } from './feed-requests';
import {
  activateHighlight,
  createHighlight,
  deleteHighlight,
  type HighlightContext,
  listHighlights,
  reportAnchors,
  restoreHighlight,
  revealHighlight,
  updateHighlight,
} from './highlight-requests';
import { pageHighlights, showOnPage } from './page-highlights';
import { pdfRedirectSetting } from './pdf-redirects';
import { readPdf } from './pdf-tab';
import { answerPopup, isPopupRequest } from './popup-requests';
import { dismissPostNotice, postNotice } from './post-page';
import { readFromPost } from './post-reading';
import { readingPrefs, updateReadingPrefs } from './reading-prefs-requests';
import { fromStorage, ok, refused } from './reply';
import { senderAllowed } from './request-senders';
import type { BackgroundServices, RequestSender } from './services';
import { savedFromShare, shareOpened } from './share-opened';
import { linkFor, shareAll, shareLink } from './share-requests';
import { tieSelection } from './tie-selection';
import { forgetRestored, rememberDelete, withLastDeleted } from './undo-requests';

export type { BackgroundServices, RequestSender } from './services';

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
  if (!senderAllowed(request, sender)) return refused(i18n.t('errors.notAccepted', [request.type]));
  // Requests of the popup and the options page (SENDERS 'extension') are answered here, before a tab is needed.
  if (isPopupRequest(request)) return answerPopup(request, services);
  if (isFeedRequest(request)) return handleFeedRequest(request, services);
  if (isAuthoringRequest(request)) return handleAuthoring(request, services);
  if (isClubOptionsRequest(request)) return handleClubOptions(request, services.club);
  if (isClubCatalogRequest(request)) return handleClubCatalog(request, services.club.core);
  if (request.type === 'club-highlights-setting') return clubHighlightsSetting(request, services);
  if (request.type === 'pdf-redirect-setting') return ok(await pdfRedirectSetting(request.open, services));
  const { tabId } = sender;
  if (tabId === null) return refused(i18n.t('errors.needsTab'));
  switch (request.type) {
    case 'article-detected':
      return articleDetected(tabId, request.article, sender.url, services, sender.documentId);
    case 'article-gone':
      return articleGone(tabId, services, sender.documentId);
    case 'panel-ticket':
      return issueTicket(tabId, sender, services);
    case 'panel-state':
      return panelState(tabId, services);
    case 'pdf-read':
      return readPdf(tabId, services);
    case 'panel-layout':
      return panelLayout(tabId, request.layout, services);
    case 'page-focus':
      await services.sendToTab(tabId, { type: 'page-focus' });
      return { ok: true, value: null };
    // The post notice's requests name no post: the sending document's own address does (post-page.ts).
    case 'post-notice':
      return { ok: true, value: await postNotice(sender.url, services) };
    case 'post-notice-read':
      return readFromPost(sender.url, tabId, services);
    case 'post-notice-dismiss':
      return { ok: true, value: await dismissPostNotice(sender.url, services) };
    case 'share-opened':
      return shareOpened(tabId, request.share, request.article, sender.url, services);
    case 'shared-save':
      return savedFromShare(tabId, request.index, services);
    case 'backup':
      return backupAll(() => listAll(services), services.now());
    case 'import': {
      const imported = await importFile(
        { text: request.text, commit: request.commit, mode: request.mode, now: services.now() },
        importStore(services),
        await services.catalog(),
      );
      if (imported.ok && imported.value.written > 0) {
        await services.sendToTab(tabId, { type: 'highlights-changed' });
        services.notifyPanel(tabId, { type: 'highlights-changed' });
      }
      return imported;
    }
    case 'settings':
      return { ok: true, value: await services.settings.get() };
    case 'settings-update':
      return {
        ok: true,
        value: await services.settings.set({ ...(await services.settings.get()), shareBase: request.shareBase }),
      };
    case 'reading-prefs':
      return readingPrefs(services);
    case 'reading-prefs-update':
      return updateReadingPrefs(request, tabId, sender, services);
  }
  const context = await highlightContext(tabId, services);
  if (!context) return refused(i18n.t('errors.noArticle'));
  if (isClubArticleRequest(request)) {
    const shown = async () => (await services.settings.get()).clubHighlights;
    const reply = await handleClubArticle(request, context, services.club, sender.url, shown);
    // A fetch of the club layer counts what is new again (opening the panel marks it seen): the button follows.
    const fetched = request.type === 'club-layer' || request.type === 'club-page-layer';
    if (fetched && reply.ok) await showClubArticleIndicator(tabId, context.entry, services);
    return reply;
  }
  const { hooks } = services.club.core;
  const linkOptions = async () => ({
    language: services.language,
    settings: await services.settings.get(),
    fragmentFor: (id: string) => services.fragmentFor(tabId, id),
  });
  switch (request.type) {
    case 'highlights': {
      const listed = await listHighlights(context);
      return sender.fromExtensionPage ? withLastDeleted(listed, context, services.undo) : listed;
    }
    case 'page-highlights':
      return pageHighlights(context, sender.url);
    case 'show-on-page':
      return showOnPage(context);
    case 'highlight-create':
      return afterHighlight(await createHighlight(request, context), hooks.created);
    case 'tie-selection':
      return tieSelection(request.questionId, context, (questionId) => services.tieOnPage(tabId, questionId));
    case 'highlight-update':
      return afterHighlight(await updateHighlight(request, context), hooks.edited);
    case 'highlight-delete': {
      const deleted = await afterHighlight(await deleteHighlight(request, context), hooks.deleted);
      await rememberDelete(tabId, deleted, services.undo);
      return deleted;
    }
    case 'highlight-restore': {
      const restored = await afterHighlight(await restoreHighlight(request, context), hooks.restored);
      await forgetRestored(tabId, restored, services.undo);
      return restored;
    }
    case 'anchors-report':
      return reportAnchors(request, context);
    case 'highlight-activated':
      return activateHighlight(request, context);
    case 'club-highlight-activated':
      return activateClubHighlight(request, context);
    case 'highlight-reveal':
      return revealHighlight(request, context);
    case 'share-link':
      return shareLink(request.id, context, await linkOptions());
    case 'share-all':
      return shareAll(context, await linkOptions());
    case 'export': {
      const options = await linkOptions();
      const club = request.includeClub
        ? () => digestThreads(services.club, context.entry, context.record.article.doi)
        : undefined;
      const shareLinkFor = async (highlight: Highlight) => {
        const link = await linkFor(highlight, context, options);
        return link.ok ? link.value.url : null;
      };
      return exportArticle(request.format, context, services.language, shareLinkFor, club);
    }
  }
}

async function listAll(services: BackgroundServices): Promise<Reply<Highlight[]>> {
  const all = await services.highlights.listAll();
  return all.ok ? ok(all.value.highlights) : fromStorage(all);
}

function importStore(services: BackgroundServices) {
  return {
    listAll: () => listAll(services),
    mergeMany: async (decide: (existing: readonly Highlight[]) => readonly Highlight[]) =>
      fromStorage(await services.highlights.mergeMany(decide)),
  };
}

/** Everything a highlight request needs about its tab; null when the tab shows no club article. */
async function highlightContext(tabId: number, services: BackgroundServices): Promise<HighlightContext | null> {
  const record = await services.tabs.get(tabId);
  const entry = record?.entryId ? (await services.catalog()).get(record.entryId) : null;
  if (!record?.article || !entry) return null;
  const { article } = record;
  return {
    tabId,
    record: { ...record, article },
    entry,
    store: services.highlights,
    confirmedOrigins: services.confirmedOrigins,
    saveRecord: (next) => services.tabs.set(tabId, next),
    sendToTab: (message) => services.sendToTab(tabId, message),
    notifyPanel: (event) => services.notifyPanel(tabId, event),
    showPanel: () => showPanel(tabId, services),
    now: services.now,
    newId: services.newId,
  };
}
