import type { ArticleInfo } from '../article/detect';
import { inOrder } from '../in-order';
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
  /**
   * Which report made the record: a new document's report can be identical to the old one's in every other field
   * (a reload in Firefox, which gives no document ids), and must never be taken for it (tab-navigation.ts).
   */
  report?: string;
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
 * idle and must still know, when the panel asks later, which article its tab is showing. Its operations run one
 * at a time, so that `forgetIf` reads and removes with no write of a new document's report in between.
 */
export function createTabRegistry(area: SessionArea) {
  const key = (tabId: number) => `tab:${tabId}`;
  const queue = inOrder();
  const read = async (tabId: number) => ((await area.get(key(tabId)))[key(tabId)] as TabRecord | undefined) ?? null;
  return {
    get: (tabId: number): Promise<TabRecord | null> => queue(() => read(tabId)),
    set: (tabId: number, record: TabRecord): Promise<void> => queue(() => area.set({ [key(tabId)]: record })),
    /** Forgets the tab's record only if it is still exactly `expected`; says whether it did. */
    forgetIf: (tabId: number, expected: TabRecord): Promise<boolean> =>
      queue(async () => {
        if (JSON.stringify(await read(tabId)) !== JSON.stringify(expected)) return false;
        await area.remove(key(tabId));
        return true;
      }),
    /** Every tab the background knows, for changes that concern them all (a new catalog). */
    all: (): Promise<[number, TabRecord][]> =>
      queue(async () =>
        Object.entries(await area.get(null)).flatMap(([name, record]) => {
          const tabId = name.startsWith('tab:') ? Number(name.slice(4)) : Number.NaN;
          return Number.isInteger(tabId) ? [[tabId, record as TabRecord] as [number, TabRecord]] : [];
        }),
      ),
    forget: (tabId: number): Promise<void> => queue(() => area.remove(key(tabId))),
  };
}

export type TabRegistry = ReturnType<typeof createTabRegistry>;
