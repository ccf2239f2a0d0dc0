import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { type LoadedCatalog, loadCatalog } from '../utils/background/catalog-source';
import { type BackgroundServices, handleRequest, openPanelFromAction } from '../utils/background/handle-request';
import { createTabRegistry } from '../utils/background/tab-registry';
import { getCollapsed, setCollapsed } from '../utils/db/article-state';
import { lazyJournalClubDb } from '../utils/db/connection';
import { ARTICLE_QUERY, parseArticleAnswer, parseBackgroundRequest } from '../utils/messages';

/** The panel content script, registered at runtime so that WXT leaves it out of the manifest's (typed) paths. */
const PANEL_SCRIPT = '/content-scripts/article-panel.js' as ScriptPublicPath;

/**
 * Wires the browser's events to the request handlers. It holds no logic of its own: `handleRequest` decides,
 * and the services below are the only places that touch browser APIs.
 */
export default defineBackground(() => {
  const extensionOrigin = browser.runtime.getURL('/');
  // Chromium's MV3 toolbar button is `action`; Firefox's MV2 build calls the same button `browserAction`.
  const action = browser.action ?? browser.browserAction;
  let catalog: Promise<LoadedCatalog> | null = null;
  const database = lazyJournalClubDb(indexedDB);

  const services: BackgroundServices = {
    catalog: () => {
      catalog ??= loadCatalog(browser.storage.local);
      return catalog;
    },
    tabs: createTabRegistry(browser.storage.session),
    articleState: {
      getCollapsed: async (doi) => {
        const db = await database();
        return db.ok && (await getCollapsed(db.value, doi));
      },
      setCollapsed: async (doi, collapsed) => {
        const db = await database();
        if (db.ok) await setCollapsed(db.value, doi, collapsed);
      },
    },
    injectPanel: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PANEL_SCRIPT] });
    },
    queryArticle: async (tabId) => {
      const answer = await browser.tabs.sendMessage(tabId, { type: ARTICLE_QUERY }, { frameId: 0 }).catch(() => null);
      return parseArticleAnswer(answer);
    },
    sendToTab: async (tabId, message) => {
      await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
    },
    showIndicator: async (tabId, indicator) => {
      await Promise.all([
        action.setBadgeText({ tabId, text: indicator.badgeText }),
        action.setBadgeBackgroundColor({ tabId, color: indicator.badgeColor }),
        action.setTitle({ tabId, title: indicator.title }),
      ]).catch(() => undefined);
    },
    language: browser.i18n.getUILanguage(),
  };

  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local') catalog = null;
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only this extension's own contexts may talk to it; pages and other extensions are ignored silently.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseBackgroundRequest(message);
    if (!request) return Promise.resolve({ ok: false, error: 'Unknown or malformed request.' });
    return handleRequest(
      request,
      {
        tabId: sender.tab?.id ?? null,
        frameId: sender.frameId ?? null,
        fromExtensionPage: sender.url?.startsWith(extensionOrigin) ?? false,
      },
      services,
    ).catch((error: unknown) => ({ ok: false, error: `The extension failed: ${String(error)}` }));
  });

  action.onClicked.addListener((tab) => {
    if (tab.id !== undefined) void openPanelFromAction(tab.id, services);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void services.tabs.forget(tabId);
  });
});
