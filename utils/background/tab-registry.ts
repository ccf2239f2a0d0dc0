import type { ArticleInfo } from '../article/detect';
import type { SharedView } from '../protocol/responses';
import type { AnchorStatus, PanelLayout } from '../protocol/tab-messages';

/** What the background knows about one tab: the article its page carries and how the panel is laid out. */
export interface TabRecord {
  /** Null only when a share link that could not be read opened a page without an article of its own. */
  article: ArticleInfo | null;
  entryId: string | null;
  layout: PanelLayout;
  /** The address of the page that reported the article (the copy the reader is on). */
  pageUrl?: string;
  /** Chromium's id of that page's document, to notice that the tab has moved on to another (tab-navigation.ts). */
  documentId?: string;
  /** Which of the reader's highlights the page found, once it has anchored them. */
  anchors?: Record<string, AnchorStatus>;
  /** What a share link opened on this page brought, until the tab moves on. */
  shared?: SharedView;
}

/** The slice of `storage.session` the registry needs; passed in so tests can use a plain map. */
export interface SessionArea {
  /** One key's item, or every item with `null`. */
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * Per-tab state kept in session storage rather than in memory, because an MV3 service worker is stopped when
 * idle and must still know, when the panel asks later, which article its tab is showing.
 */
export function createTabRegistry(area: SessionArea) {
  const key = (tabId: number) => `tab:${tabId}`;
  return {
    async get(tabId: number): Promise<TabRecord | null> {
      const stored = (await area.get(key(tabId)))[key(tabId)];
      return (stored as TabRecord | undefined) ?? null;
    },
    async set(tabId: number, record: TabRecord): Promise<void> {
      await area.set({ [key(tabId)]: record });
    },
    /** Every tab the background knows, for changes that concern them all (a new catalog). */
    async all(): Promise<[number, TabRecord][]> {
      const items = await area.get(null);
      return Object.entries(items).flatMap(([name, record]) => {
        const tabId = name.startsWith('tab:') ? Number(name.slice(4)) : Number.NaN;
        return Number.isInteger(tabId) ? [[tabId, record as TabRecord] as [number, TabRecord]] : [];
      });
    },
    async forget(tabId: number): Promise<void> {
      await area.remove(key(tabId));
    },
  };
}

export type TabRegistry = ReturnType<typeof createTabRegistry>;
