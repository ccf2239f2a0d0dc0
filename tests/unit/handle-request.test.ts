import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleInfo } from '../../utils/article';
import type { ActionIndicator } from '../../utils/background/action-indicator';
import { loadCatalog } from '../../utils/background/catalog-source';
import {
  type BackgroundServices,
  handleRequest,
  openPanelFromAction,
  type RequestSender,
} from '../../utils/background/handle-request';
import { createTabRegistry } from '../../utils/background/tab-registry';
import type { TabMessage } from '../../utils/messages';

const TAB = 7;
const page: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: false };
const panelPage: RequestSender = { tabId: TAB, frameId: 3, fromExtensionPage: true };

const article = (doi: string): ArticleInfo => ({
  doi,
  title: 'A title',
  openAccess: 'open',
  openAccessEvidence: { kind: 'license-meta', value: 'https://creativecommons.org/licenses/by/4.0/' },
  pdfUrl: null,
  canonicalUrl: 'https://example.org/a',
  doiSource: 'meta',
});
const CLUB_DOI = '10.1186/S12913-020-05145-1';

/** Real catalog and registry over in-memory storage; the browser-facing calls are recorded. */
function makeServices() {
  const session = new Map<string, unknown>();
  const collapsed = new Map<string, boolean>();
  const injected: number[] = [];
  const sent: TabMessage[] = [];
  const indicators: ActionIndicator[] = [];
  const page = { article: null as ArticleInfo | null };
  const services: BackgroundServices = {
    catalog: () => loadCatalog({ get: async () => ({}) }),
    tabs: createTabRegistry({
      get: async (key) => (session.has(key) ? { [key]: session.get(key) } : {}),
      set: async (items) => {
        for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
      },
      remove: async (key) => {
        session.delete(key);
      },
    }),
    articleState: {
      getCollapsed: async (doi) => collapsed.get(doi.toLowerCase()) ?? false,
      setCollapsed: async (doi, value) => {
        collapsed.set(doi.toLowerCase(), value);
      },
    },
    queryArticle: async () => page.article,
    injectPanel: async (tabId) => {
      injected.push(tabId);
    },
    sendToTab: async (_tabId, message) => {
      sent.push(message);
    },
    showIndicator: async (_tabId, indicator) => {
      indicators.push(indicator);
    },
    language: 'en-CA',
  };
  return { services, injected, sent, indicators, collapsed, page };
}

let world: ReturnType<typeof makeServices>;
beforeEach(() => {
  world = makeServices();
});

describe('article reports', () => {
  it('injects the panel and marks the toolbar button for a club article, whatever the DOI case', async () => {
    const reply = await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    expect(reply).toEqual({ ok: true, value: 'club-article' });
    expect(world.injected).toEqual([TAB]);
    expect(world.indicators.at(-1)?.badgeText).toBe('JC');
    expect(world.indicators.at(-1)?.title).toContain('Research Impact Canada — KMb Journal Club');
  });

  it('marks an article the club has not discussed, without a panel', async () => {
    const reply = await handleRequest(
      { type: 'article-detected', article: article('10.1000/xyz') },
      page,
      world.services,
    );
    expect(reply).toEqual({ ok: true, value: 'not-in-catalog' });
    expect(world.injected).toEqual([]);
    expect(world.indicators.at(-1)?.badgeText).toBe('DOI');
  });

  it('hides the panel when the page navigates in place from a club article to no article', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    await handleRequest({ type: 'article-gone' }, page, world.services);
    expect(world.sent).toEqual([{ type: 'panel-hide' }]);
    expect(world.indicators.at(-1)?.badgeText).toBe('');
    expect(await handleRequest({ type: 'panel-state' }, page, world.services)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['the panel page', panelPage],
    ['a sub-frame', { tabId: TAB, frameId: 2, fromExtensionPage: false }],
    ['no tab', { tabId: null, frameId: null, fromExtensionPage: true }],
  ])('refuses article reports from %s', async (_name, sender) => {
    const reply = await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, sender, world.services);
    expect(reply.ok).toBe(false);
    expect(world.injected).toEqual([]);
  });
});

describe('the panel layout', () => {
  it('remembers a collapsed panel per article and starts collapsed next time', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    expect(await handleRequest({ type: 'panel-layout', layout: 'collapsed' }, panelPage, world.services)).toEqual({
      ok: true,
      value: null,
    });
    expect(world.sent).toEqual([{ type: 'panel-layout', layout: 'collapsed' }]);
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI.toLowerCase()) }, page, world.services);
    const state = await handleRequest({ type: 'panel-state' }, page, world.services);
    expect(state.ok && state.value?.layout).toBe('collapsed');
  });

  it('closes for the page without remembering it for the article', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    await handleRequest({ type: 'panel-layout', layout: 'closed' }, panelPage, world.services);
    expect(world.collapsed.size).toBe(0);
    const state = await handleRequest({ type: 'panel-state' }, panelPage, world.services);
    expect(state.ok && state.value?.layout).toBe('closed');
  });

  it('accepts layout changes only from the panel page', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    const reply = await handleRequest({ type: 'panel-layout', layout: 'closed' }, page, world.services);
    expect(reply.ok).toBe(false);
    expect(world.sent).toEqual([]);
  });

  it('reopens a closed panel from the toolbar button, open rather than collapsed', async () => {
    world.page.article = article(CLUB_DOI);
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    await handleRequest({ type: 'panel-layout', layout: 'collapsed' }, panelPage, world.services);
    await handleRequest({ type: 'panel-layout', layout: 'closed' }, panelPage, world.services);
    expect(await openPanelFromAction(TAB, world.services)).toBe(true);
    expect(world.injected).toEqual([TAB, TAB]);
    const state = await handleRequest({ type: 'panel-state' }, panelPage, world.services);
    expect(state.ok && state.value?.layout).toBe('open');
    expect(world.collapsed.get(CLUB_DOI.toLowerCase())).toBe(false);
  });

  it('asks the page, not its memory: after the tab moved on to a page without a DOI there is nothing to open', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    world.page.article = null;
    expect(await openPanelFromAction(TAB, world.services)).toBe(false);
    expect(world.injected).toEqual([TAB]);
    expect(await handleRequest({ type: 'panel-state' }, panelPage, world.services)).toEqual({ ok: true, value: null });
  });

  it('has nothing to open from the toolbar button on an article the club has not discussed', async () => {
    world.page.article = article('10.1000/xyz');
    expect(await openPanelFromAction(TAB, world.services)).toBe(false);
    expect(world.injected).toEqual([]);
  });
});
