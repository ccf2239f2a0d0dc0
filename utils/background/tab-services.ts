import { ARTICLE_QUERY } from '../protocol/detector-messages';
import { parseArticleAnswer } from '../protocol/requests';
import type { BackgroundServices } from './services';

/** The calls of `browser.tabs` the background makes on tabs (typed here, so tests can pass their own). */
interface Tabs {
  get(tabId: number): Promise<{ url?: string }>;
  create(properties: { url: string; openerTabId?: number; active: boolean }): Promise<{ id?: number }>;
  update(tabId: number, properties: { url: string }): Promise<unknown>;
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

/** What it runs in a tab's top frame with `browser.scripting`: one of the extension's files, or one line. */
interface TopFrameScripts {
  run(tabId: number, file: string): Promise<unknown>;
  /** `document.contentType` of the top document, as a script there reads it. */
  contentType(tabId: number): Promise<unknown>;
}

type TabServices = Pick<
  BackgroundServices,
  | 'injectPanel'
  | 'injectPostNotice'
  | 'hidePostNotice'
  | 'tabAddress'
  | 'openTab'
  | 'documentType'
  | 'showInTab'
  | 'openExtensionPage'
  | 'queryArticle'
  | 'sendToTab'
  | 'fragmentFor'
  | 'tieOnPage'
>;

/**
 * The background's ways of acting on a tab and its top frame, bound to the browser's `tabs` and `scripting`.
 * Every message goes to frame 0 only: the article is the top document, and a frame inside it (an ad, an embed)
 * is never asked or told anything. A tab that is gone, or a page that does not answer, gives the quiet answer
 * (null, false, nothing) rather than an error: tabs close at any moment.
 */
export function createTabServices(
  tabs: Tabs,
  scripting: TopFrameScripts,
  getURL: (path: string) => string,
  scripts: { panel: string; postNotice: string },
): TabServices {
  const ask = (tabId: number, message: unknown) => tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => null);
  return {
    injectPanel: async (tabId) => {
      await scripting.run(tabId, scripts.panel);
    },
    injectPostNotice: async (tabId) => {
      await scripting.run(tabId, scripts.postNotice).catch(() => undefined);
    },
    hidePostNotice: async (tabId) => (await ask(tabId, { type: 'post-notice-hide' })) === true,
    tabAddress: (tabId) =>
      tabs.get(tabId).then(
        (tab) => tab.url ?? null,
        () => null,
      ),
    // Opened blank first, so that the arrival mark is stored before the article can report itself.
    openTab: async (url, openerTabId, beforeLoad) => {
      const tab = await tabs.create({ url: 'about:blank', openerTabId, active: true }).catch(() => null);
      if (tab?.id === undefined) return null;
      await beforeLoad(tab.id);
      const loading = await tabs.update(tab.id, { url }).catch(() => null);
      return loading ? tab.id : null;
    },
    documentType: async (tabId) => {
      const type = await scripting.contentType(tabId).catch(() => null);
      return typeof type === 'string' ? type : null;
    },
    showInTab: async (tabId, extensionPath) => {
      await tabs.update(tabId, { url: getURL(extensionPath) }).catch(() => undefined);
    },
    openExtensionPage: async (extensionPath) => {
      await tabs.create({ url: getURL(extensionPath), active: true }).catch(() => undefined);
    },
    queryArticle: async (tabId) => parseArticleAnswer(await ask(tabId, { type: ARTICLE_QUERY })),
    sendToTab: async (tabId, message) => {
      await ask(tabId, message);
    },
    fragmentFor: async (tabId, id) => {
      const answer = await ask(tabId, { type: 'text-fragment', id });
      return typeof answer === 'string' ? answer : null;
    },
    tieOnPage: (tabId, questionId) => ask(tabId, { type: 'tie-selection', questionId }),
  };
}
