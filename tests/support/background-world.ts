import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { ArticleInfo } from '../../utils/article/detect';
import type { PageMetadata } from '../../utils/authoring/page-metadata';
import type { ActionIndicator } from '../../utils/background/action-indicator';
import { createAuthoringServices } from '../../utils/background/authoring-services';
import { followCatalogChange } from '../../utils/background/catalog-change';
import { loadCatalog } from '../../utils/background/catalog-source';
import { CLUB_BACKENDS } from '../../utils/background/club-backends';
import { refreshClubBadges } from '../../utils/background/club-badge';
import { clubCatalogSource } from '../../utils/background/club-catalog';
import { createClubLayer } from '../../utils/background/club-layer';
import { tellClubPages, tellClubPanels } from '../../utils/background/club-page-sync';
import { createClubService } from '../../utils/background/club-service';
import { createClubStorage } from '../../utils/background/club-store';
import { createFeedTrust } from '../../utils/background/feed-trust';
import { createPanelTickets } from '../../utils/background/panel-tickets';
import type { PdfRedirectRule } from '../../utils/background/pdf-redirects';
import { createPostMemory } from '../../utils/background/post-memory';
import type { BackgroundServices } from '../../utils/background/services';
import { createTabRegistry } from '../../utils/background/tab-registry';
import { createUndoStore } from '../../utils/background/undo-store';
import type { CatalogIndex } from '../../utils/catalog/lookup';
import type { ClubBackends } from '../../utils/club/backends';
import { createClubShareStore } from '../../utils/db/club-share-store';
import { createFeedStore } from '../../utils/db/feed-store';
import { createHighlightStore } from '../../utils/db/highlight-store';
import { openJournalClubDb } from '../../utils/db/open';
import { createFeedService } from '../../utils/feeds/feed-service';
import { mapSessionArea } from './session-area';

type PanelEvent = Parameters<BackgroundServices['notifyPanel']>[1];
type TabMessage = Parameters<BackgroundServices['sendToTab']>[1];
type Settings = Awaited<ReturnType<BackgroundServices['settings']['get']>>;

/** What a tab's detector reports for a page showing `doi`; tests set only what their behaviour depends on. */
export const article = (doi: string, title: string | null = 'A title'): ArticleInfo => ({
  doi,
  title,
  openAccess: 'open',
  openAccessEvidence: { kind: 'license-meta', value: 'https://creativecommons.org/licenses/by/4.0/' },
  pdfUrl: null,
  canonicalUrl: 'https://example.org/a',
  doiSource: 'meta',
});

export interface WorldOptions {
  /** The database's name: one per test file, so that files never share stored highlights. */
  name: string;
  /** The catalog to answer from; by default the bundled entries plus the feeds stored in the world's database. */
  catalog?: CatalogIndex;
  /** The one tab whose detector answers; by default every tab's (any other tab is a browser page). */
  detectorTab?: number;
  /** The club backends the world's club service creates (an in-test fake); by default those of the build. */
  backends?: ClubBackends;
}

/**
 * The background's services as request handlers see them, with the storage real (highlights and feeds in
 * fake-indexeddb, the tab registry over a session-area map) and every browser-facing call recorded, so that a
 * test drives `handleRequest` end to end and reads what the browser would have been asked to do. No site is
 * permitted: a feed request here never reaches the network.
 */
export async function makeBackgroundWorld(options: WorldOptions) {
  const opened = await openJournalClubDb(new IDBFactory(), options.name);
  if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.detail}`);
  const db = opened.value;
  const events: PanelEvent[] = [];
  const sent: TabMessage[] = [];
  const indicators: ActionIndicator[] = [];
  const injected: number[] = [];
  const session = new Map<string, unknown>();
  const local = new Map<string, unknown>();
  const collapsed = new Map<string, boolean>();
  const confirmed = new Map<string, string[]>();
  /**
   * What the page in the tab shows now: the article its detector would answer, its address, whether a post
   * notice's script runs in it (it answers a hide request), and how its script answers the panel's "Tie my
   * selection" (by default: the reader selected nothing).
   */
  const page = {
    article: null as ArticleInfo | null,
    address: null as string | null,
    notice: false,
    /** `document.contentType` as a script in the page reads it; null where no extension script may run. */
    type: 'text/html' as string | null,
    tie: async (_questionId: string): Promise<unknown> => ({ status: 'no-selection' }),
    /** What the authoring page's metadata reader finds in the page (null: no script may run there). */
    metadata: null as PageMetadata | null,
  };
  /** The entry ids whose catalog changed after a "My club" save or delete, as the background is told. */
  const myClubChanges: string[][] = [];
  const notices: number[] = [];
  /** Tabs the background opened: the address, the tab it was opened from, and the new tab's id (100 onwards). */
  const openedTabs: { url: string; openerTabId: number; tabId: number }[] = [];
  /** Where the background sent a tab (`showInTab`) or opened one of its pages (`openExtensionPage`, tab null). */
  const extensionPages: { tabId: number | null; path: string }[] = [];
  let settings: Settings = {
    shareBase: 'doi',
    clubHighlights: true,
    openClubPdfs: false,
    sideBySide: true,
    panelWidth: 400,
  };
  /** The browser's redirect rules for the catalog's PDFs, as last replaced. */
  const redirects: PdfRedirectRule[] = [];
  let clock = Date.parse('2026-11-27T10:00:00.000Z');
  const store = createHighlightStore(async () => opened);
  const feeds = createFeedService({
    store: createFeedStore(async () => opened),
    isApproved: async () => false,
    now: () => new Date(clock),
    onChange: () => {},
  });
  const { catalog, detectorTab } = options;
  /** The origins the browser lets the extension reach for a club (`*`: every one, as the manifest grants). */
  const granted = new Set<string>(['*']);
  /** Whether the `club-sync` alarm is set. */
  const clubAlarm = { running: false };
  /** How often the club's catalog changed, and the tabs' following of the last change. */
  const catalogChanges = { count: 0, done: Promise.resolve() };
  const clubCore = createClubService({
    storage: createClubStorage(mapSessionArea(local)),
    backends: options.backends ?? CLUB_BACKENDS,
    shares: createClubShareStore(async () => opened),
    highlights: store,
    catalog: () => services.catalog(),
    permitted: async (origins) => granted.has('*') || origins.every((origin) => granted.has(origin)),
    schedule: {
      start: async () => {
        clubAlarm.running = true;
      },
      stop: async () => {
        clubAlarm.running = false;
      },
    },
    // As the background wires it (entrypoints/background.ts): every open panel is told, here as a recorded event.
    onSharesChanged: () => void tellClubPanels(services, services.notifyPanel),
    // As the background wires it: the merged catalog is rebuilt (here on every read) and open tabs follow it.
    onCatalogChanged: () => {
      catalogChanges.count++;
      catalogChanges.done = followCatalogChange(services);
    },
    now: () => new Date(clock),
  });
  // As the background wires it, with a page whose injected reader answers what `page.metadata` says.
  const authoring = createAuthoringServices(
    { executeScript: async () => [{ result: page.metadata }] },
    async () => opened,
    (ids) => void myClubChanges.push([...ids]),
  );
  const services: BackgroundServices = {
    catalog: catalog
      ? async () => catalog
      : () =>
          loadCatalog(
            feeds.list,
            {},
            {
              readMyClub: authoring.myClub.store.list,
              readClub: () => clubCatalogSource(clubCore),
            },
          ),
    feeds,
    feedTrust: createFeedTrust(mapSessionArea(local), async () => []),
    tabs: createTabRegistry(mapSessionArea(session)),
    panelTickets: createPanelTickets(mapSessionArea(session), () => crypto.randomUUID()),
    undo: createUndoStore(mapSessionArea(session), () => new Date(clock)),
    articleState: {
      getCollapsed: async (doi) => collapsed.get(doi.toLowerCase()) ?? false,
      setCollapsed: async (doi, value) => {
        collapsed.set(doi.toLowerCase(), value);
      },
    },
    queryArticle: async (tabId) => (detectorTab === undefined || tabId === detectorTab ? page.article : null),
    injectPanel: async (tabId) => {
      injected.push(tabId);
    },
    injectPostNotice: async (tabId) => {
      notices.push(tabId);
    },
    hidePostNotice: async () => page.notice,
    tabAddress: async (tabId) => (detectorTab === undefined || tabId === detectorTab ? page.address : null),
    openTab: async (url, openerTabId, beforeLoad) => {
      const tabId = 100 + openedTabs.length;
      await beforeLoad(tabId);
      openedTabs.push({ url, openerTabId, tabId });
      return tabId;
    },
    documentType: async () => page.type,
    pdfRedirects: {
      replace: async (rules) => {
        redirects.splice(0, redirects.length, ...rules);
      },
    },
    showInTab: async (tabId, path) => {
      extensionPages.push({ tabId, path });
    },
    openExtensionPage: async (path) => {
      extensionPages.push({ tabId: null, path });
    },
    posts: createPostMemory(mapSessionArea(session)),
    sendToTab: async (_tabId, message) => {
      sent.push(message);
    },
    showIndicator: async (_tabId, indicator) => {
      indicators.push(indicator);
    },
    highlights: store,
    settings: {
      get: async () => settings,
      set: async (next) => {
        settings = next;
        return next;
      },
    },
    confirmedOrigins: {
      get: async (entryId) => confirmed.get(entryId) ?? [],
      add: async (entryId, origin) => {
        confirmed.set(entryId, [...(confirmed.get(entryId) ?? []), origin]);
      },
    },
    fragmentFor: async () => 'text=a%20passage',
    tieOnPage: (_tabId, questionId) => page.tie(questionId),
    notifyPanel: (_tabId, event) => {
      events.push(event);
    },
    club: {
      core: clubCore,
      layer: createClubLayer(
        clubCore,
        mapSessionArea(session),
        (key) => void tellClubPages(services, key),
        (key) => void refreshClubBadges(services, key),
      ),
    },
    language: 'en-CA',
    now: () => {
      clock += 1_000;
      return new Date(clock);
    },
    newId: () => crypto.randomUUID(),
    ...authoring,
    pageMetadata: async (tabId) =>
      detectorTab === undefined || tabId === detectorTab ? authoring.pageMetadata(tabId) : null,
  };
  const time = {
    /** Moves the world's clock on, as time passing between requests. */
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
  };
  return {
    services,
    myClubChanges,
    db,
    store,
    session,
    local,
    collapsed,
    page,
    injected,
    notices,
    openedTabs,
    extensionPages,
    redirects,
    sent,
    indicators,
    events,
    granted,
    clubAlarm,
    catalogChanges,
    clock: time,
  };
}

export type BackgroundWorld = Awaited<ReturnType<typeof makeBackgroundWorld>>;
