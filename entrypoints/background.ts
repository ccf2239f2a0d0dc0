import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { i18n } from '#i18n';
import { createActionMenus } from '../utils/background/action-menus';
import { createAuthoringServices } from '../utils/background/authoring-services';
import { followCatalogChange } from '../utils/background/catalog-change';
import { type LoadedCatalog, loadCatalog } from '../utils/background/catalog-source';
import { refreshClubOnFeedsAlarm } from '../utils/background/club-activity';
import { CLUB_BACKENDS } from '../utils/background/club-backends';
import { refreshClubBadges } from '../utils/background/club-badge';
import { clubCatalogSource } from '../utils/background/club-catalog';
import { createClubLayer } from '../utils/background/club-layer';
import { tellClubPages, tellClubPanels } from '../utils/background/club-page-sync';
import { CLUB_ALARM, ensureClubAlarm, stopClubAlarm } from '../utils/background/club-schedule';
import { createClubService } from '../utils/background/club-service';
import { createClubStorage } from '../utils/background/club-store';
import { createDocumentProbe } from '../utils/background/document-probe';
import { createFeedTrust } from '../utils/background/feed-trust';
import { type BackgroundServices, handleRequest } from '../utils/background/handle-request';
import { createConfirmedOrigins } from '../utils/background/page-trust';
import { runCommand } from '../utils/background/panel-command';
import { createPanelPorts } from '../utils/background/panel-ports';
import { panelSnapshot } from '../utils/background/panel-snapshot';
import { createPanelTickets } from '../utils/background/panel-tickets';
import { dynamicRedirects, syncPdfRedirects } from '../utils/background/pdf-redirects';
import { createPostMemory } from '../utils/background/post-memory';
import { postPageChanged } from '../utils/background/post-page';
import { requestSenderOf } from '../utils/background/request-sender';
import { createSettingsStore } from '../utils/background/settings';
import { forgetIfLeft } from '../utils/background/tab-navigation';
import { createTabRegistry } from '../utils/background/tab-registry';
import { createTabServices } from '../utils/background/tab-services';
import { createUndoStore } from '../utils/background/undo-store';
import { panelInjector } from '../utils/background/viewer-page';
import { originPattern } from '../utils/club/backends';
import { createArticleState } from '../utils/db/article-state';
import { createClubShareStore } from '../utils/db/club-share-store';
import { lazyJournalClubDb } from '../utils/db/connection';
import { createFeedStore } from '../utils/db/feed-store';
import { createHighlightStore } from '../utils/db/highlight-store';
import { createFeedService } from '../utils/feeds/feed-service';
import { parseFeedUrl } from '../utils/feeds/feed-url';
import { ensureFeedsAlarm, FEEDS_ALARM } from '../utils/feeds/schedule';
import { inOrder } from '../utils/in-order';
import { PDF_VIEWER_PATH } from '../utils/pdf/address';
import { claimFromPortName, splitClaim } from '../utils/protocol/panel-claim';
import { parseBackgroundRequest } from '../utils/protocol/requests';
import { viewerForSharedPdf } from '../utils/sharing/pdf-share';
import { uiLanguage } from '../utils/ui-language';

/** The panel content script, registered at runtime so that WXT leaves it out of the manifest's (typed) paths. */
const PANEL_SCRIPT = '/content-scripts/article-panel.js' as ScriptPublicPath;
/** The notice offered on a club's post (entrypoints/post-notice.content), injected the same way. */
const POST_NOTICE_SCRIPT = '/content-scripts/post-notice.js' as ScriptPublicPath;

/**
 * Wires the browser's events to the request handlers, and binds the services they use to the browser's APIs:
 * `handleRequest` decides, and the services below are the only places that touch browser APIs. Besides the
 * wiring it keeps what lives as long as the background does: the merged catalog (rebuilt when a feed changes),
 * the open database and the panel frames' ports. It checks who is talking before anything is decided: messages
 * only from this extension's own contexts, panel ports only from its own pages.
 */
export default defineBackground(() => {
  // With `use_dynamic_url` the panel frame loads from a per-session origin, not this one: an extension page is
  // told by its scheme (and `sender.id`, checked below), and the panel by its ticket.
  const extensionScheme = new URL(browser.runtime.getURL('/')).protocol;
  const fromExtensionPage = (url: string | undefined) => url?.startsWith(`${extensionScheme}//`) ?? false;
  const viewerPage = browser.runtime.getURL(PDF_VIEWER_PATH);
  // Chromium's MV3 toolbar button is `action`; Firefox's MV2 build calls the same button `browserAction`.
  const action = browser.action ?? browser.browserAction;
  let catalog: Promise<LoadedCatalog> | null = null;
  const database = lazyJournalClubDb(indexedDB);
  const catalogChanges = inOrder();
  // New entries (a new copy, an unsubscription, the reader's choice between catalogs) rebuild the merged
  // catalog, and the tabs already open follow it, one change after another so that feeds refreshed together
  // never inject a tab's panel twice.
  const catalogChanged = (changed?: ReadonlySet<string>) => {
    catalog = null;
    void catalogChanges(() => followCatalogChange(services, changed)).catch(() => undefined);
    void syncPdfRedirects(services).catch(() => undefined);
    // Club posts already open follow too: a new feed's post gets its notice, an unsubscribed one loses it.
    void browser.tabs.query({ status: 'complete' }).then(
      (tabs) => {
        for (const { id, url } of tabs) if (id !== undefined && url) checkPost(id, url);
      },
      () => undefined,
    );
  };
  const trust = createFeedTrust(browser.storage.local, async () => {
    const list = await feeds.list();
    if (!list.ok) return [];
    return list.value.feeds.flatMap((feed) => {
      const parsed = parseFeedUrl(feed.url);
      return parsed.ok ? [parsed.origin] : [];
    });
  });
  // Subscribed feeds are fetched only from sites the reader approved by subscribing on the options page: the
  // host permissions cover every site, so the browser's own permission check would never refuse.
  const feeds = createFeedService({
    store: createFeedStore(database),
    isApproved: async (origin) => (await trust.approvedSites()).includes(origin),
    now: () => new Date(),
    onChange: () => catalogChanged(),
  });
  const highlights = createHighlightStore(database);
  const clubStorage = createClubStorage(browser.storage.local);
  const clubCore = createClubService({
    storage: clubStorage,
    // The club's service is reached only from here, so the token or secret stays in the background.
    backends: CLUB_BACKENDS,
    shares: createClubShareStore(database),
    highlights,
    catalog: () => services.catalog(),
    permitted: (origins) => browser.permissions.contains({ origins: origins.map(originPattern) }),
    schedule: { start: () => ensureClubAlarm(browser.alarms), stop: () => stopClubAlarm(browser.alarms) },
    now: () => new Date(),
    // Open panels ask again for their cards' club states (queued, published, failed).
    onSharesChanged: () => void tellClubPanels(services, panelPorts.notify),
    onCatalogChanged: () => catalogChanged(),
  });
  // A fetch that brought new data repaints the club's highlights on the tabs showing that article, and a new
  // count marks their toolbar buttons again.
  const clubLayer = createClubLayer(
    clubCore,
    browser.storage.session,
    (key) => void tellClubPages(services, key),
    (key) => void refreshClubBadges(services, key),
  );
  const tabServices = createTabServices(
    browser.tabs,
    {
      run: (tabId, file) =>
        browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file as ScriptPublicPath] }),
      contentType: async (tabId) => {
        const target = { tabId, frameIds: [0] };
        const [ran] = await browser.scripting.executeScript({ target, func: () => document.contentType });
        return ran?.result;
      },
    },
    (path) => browser.runtime.getURL(path as '/'),
    { panel: PANEL_SCRIPT, postNotice: POST_NOTICE_SCRIPT },
  );
  // A panel's port opens with its state and highlights, so the panel does not ask for them.
  const panelPorts = createPanelPorts((tabId) => panelSnapshot(tabId, services));

  const services: BackgroundServices = {
    catalog: () => {
      catalog ??= trust.choices().then((choices) =>
        loadCatalog(feeds.list, choices, {
          readMyClub: services.myClub.store.list,
          readClub: () => clubCatalogSource(clubCore),
        }),
      );
      return catalog;
    },
    tabs: createTabRegistry(browser.storage.session),
    panelTickets: createPanelTickets(browser.storage.session, () => crypto.randomUUID()),
    undo: createUndoStore(browser.storage.session, () => new Date()),
    articleState: createArticleState(database),
    ...tabServices,
    injectPanel: panelInjector({
      viewerPage,
      pageOf: async (tabId) => (await services.tabs.get(tabId))?.pageUrl,
      mountInViewer: (tabId) => tabServices.sendToTab(tabId, { type: 'panel-mount' }),
      injectScript: tabServices.injectPanel,
    }),
    pdfRedirects: dynamicRedirects(browser.declarativeNetRequest),
    posts: createPostMemory(browser.storage.session),
    showIndicator: async (tabId, indicator) => {
      await Promise.all([
        action.setBadgeText({ tabId, text: indicator.badgeText }),
        action.setBadgeBackgroundColor({ tabId, color: indicator.badgeColor }),
        action.setTitle({ tabId, title: indicator.title }),
      ]).catch(() => undefined);
    },
    feeds,
    feedTrust: {
      ...trust,
      setChoices: async (choices) => {
        const before = await trust.choices();
        await trust.setChoices(choices);
        const ids = new Set([...Object.keys(before), ...Object.keys(choices)]);
        catalogChanged(new Set([...ids].filter((id) => before[id] !== choices[id])));
      },
    },
    highlights,
    settings: createSettingsStore(browser.storage.local),
    confirmedOrigins: createConfirmedOrigins(browser.storage.local),
    notifyPanel: panelPorts.notify,
    club: { core: clubCore, layer: clubLayer },
    language: uiLanguage(),
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    ...createAuthoringServices(browser.scripting, database, catalogChanged),
  };

  // The panel frame keeps a port open to hear about changes made elsewhere (a new highlight on the page); only the
  // frame holding its tab's current ticket may (review F1).
  browser.runtime.onConnect.addListener(async (port) => {
    const { sender } = port;
    const tabId = sender?.tab?.id;
    const bound =
      tabId !== undefined &&
      sender?.id === browser.runtime.id &&
      fromExtensionPage(sender.url) &&
      (await services.panelTickets.accepts(tabId, claimFromPortName(port.name)));
    if (!bound) return port.disconnect();
    port.onDisconnect.addListener(panelPorts.connect(tabId, port));
  });

  void ensureFeedsAlarm(browser.alarms).catch(() => undefined);
  void syncPdfRedirects(services).catch(() => undefined);
  // The toolbar button's menu: "Open in Journal Club Reader" and "Start a club discussion" (action-menus.ts).
  createActionMenus(browser.contextMenus, browser.action ? 'action' : 'browser_action', services);
  void clubStorage
    .connection()
    .then((connection) => connection && ensureClubAlarm(browser.alarms))
    .catch(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEEDS_ALARM) {
      void feeds.refreshAll();
      void refreshClubOnFeedsAlarm(clubCore, clubLayer).catch(() => undefined);
    }
    if (alarm.name === CLUB_ALARM) void clubCore.drain().catch(() => undefined);
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only this extension's own contexts may talk to it; pages and other extensions are ignored silently.
    if (sender.id !== browser.runtime.id) return undefined;
    const { request: body, claim } = splitClaim(message);
    const request = parseBackgroundRequest(body);
    if (!request) return Promise.resolve({ ok: false, error: i18n.t('errors.malformedRequest') });
    const answer = async () =>
      handleRequest(
        request,
        await requestSenderOf(sender, claim, { fromExtensionPage, viewerPage, tickets: services.panelTickets }),
        services,
      );
    return answer().catch((error: unknown) => ({
      ok: false,
      error: i18n.t('errors.extensionFailed', [String(error)]),
    }));
  });

  // A tab that leaves its article's document loses the panel's ticket and its record (tab-navigation.ts).
  const probe = createDocumentProbe(browser.tabs);
  // A club's post is told by the tab's address once its page has loaded, or when the address changes in place;
  // one check at a time, so that a quick change never leaves the notice of the page before (post-page.ts). Only
  // a web page can be a club's post; the extension's own pages and the browser's are never looked up.
  const postChecks = inOrder();
  function checkPost(tabId: number, url: string): void {
    if (/^https?:/i.test(url)) void postChecks(() => postPageChanged(tabId, url, services)).catch(() => undefined);
  }
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.status === undefined) return;
    if (tab.status === 'complete' && tab.url) checkPost(tabId, tab.url);
    const viewing = change.url && viewerForSharedPdf(change.url, viewerPage); // a share link to a PDF: the viewer
    if (viewing) void browser.tabs.update(tabId, { url: viewing }).catch(() => undefined);
    void forgetIfLeft(tabId, services, probe)
      .then(
        () => services.panelTickets.get(tabId),
        () => null,
      )
      .then((ticket) => {
        if (!ticket) panelPorts.forget(tabId);
      });
  });

  // The toolbar button opens the popup (entrypoints/popup/), which holds "Open panel"; the shortcut acts directly.
  browser.commands.onCommand.addListener(async (command, tab) => {
    const [active] =
      tab?.id === undefined ? await browser.tabs.query({ active: true, lastFocusedWindow: true }) : [tab];
    await runCommand(command, active?.id, services, () => action.openPopup());
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    panelPorts.forget(tabId);
    void services.tabs.forget(tabId);
    void services.panelTickets.forget(tabId);
    void services.undo.forget(tabId);
    void services.posts.forget(tabId);
  });
});
