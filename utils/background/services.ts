import type { ArticleInfo } from '../article/detect';
import type { CatalogIndex } from '../catalog/lookup';
import type { HighlightStore } from '../db/highlight-store';
import type { FeedService } from '../feeds/feed-service';
import type { Reply } from '../protocol/reply';
import type { BackgroundRequest } from '../protocol/requests';
import type { BackgroundResponses, Settings } from '../protocol/responses';
import type { PanelEvent, TabMessage } from '../protocol/tab-messages';
import type { ActionIndicator } from './action-indicator';
import type { AuthoringServices } from './authoring-services';
import type { ClubLayer } from './club-layer';
import type { ClubService } from './club-service';
import type { FeedTrust } from './feed-trust';
import type { ConfirmedOrigins } from './page-trust';
import type { PanelTickets } from './panel-tickets';
import type { PdfRedirectRule } from './pdf-redirects';
import type { PostMemory } from './post-memory';
import type { TabRegistry } from './tab-registry';
import type { UndoStore } from './undo-store';

/** Who sent a request, reduced to what the rules below need. */
export interface RequestSender {
  tabId: number | null;
  frameId: number | null;
  /** True for the extension's own pages (the panel frame); false for content scripts on web pages. */
  fromExtensionPage: boolean;
  /** The sending document's address: for the page's own scripts, the copy of the article the reader is on. */
  url: string | null;
  /** Chromium's id of the sending document (absent in Firefox and for the extension's own pages). */
  documentId?: string | null;
  /**
   * True only for the panel frame its tab's panel script created: it showed the tab's current ticket
   * (panel-tickets.ts). Any other extension-page frame in a tab is refused every panel request.
   */
  panelBound?: boolean;
  /**
   * True for the extension's PDF viewer page (`pdf.html`) as the top document of a tab: it stands for the tab's
   * article page as a content script does on a web page, since it runs the page side itself. No web page can
   * frame or open it (it is not web-accessible), and only the top frame counts.
   */
  viewer?: boolean;
}

/** The browser-facing services a request may use; the background entrypoint passes the real ones in. */
export interface BackgroundServices extends AuthoringServices {
  /** Every catalog source merged: the bundled entries, the organiser's own ("My club") and each subscribed feed. */
  catalog(): Promise<CatalogIndex>;
  tabs: TabRegistry;
  /** The current panel ticket of each tab: which frame is that tab's panel. */
  panelTickets: PanelTickets;
  /** The last highlight deleted in each tab, for an Undo that outlives the panel frame. */
  undo: UndoStore;
  articleState: {
    getCollapsed(doi: string): Promise<boolean>;
    setCollapsed(doi: string, collapsed: boolean): Promise<void>;
  };
  injectPanel(tabId: number): Promise<void>;
  /** Injects the post notice's script (entrypoints/post-notice.content) into the tab's top frame. */
  injectPostNotice(tabId: number): Promise<void>;
  /**
   * Tells the tab's post notice that its page is no longer a club's post. True when the notice's script answered:
   * the tab still shows the same document (the address changed in place).
   */
  hidePostNotice(tabId: number): Promise<boolean>;
  /** The address the tab shows now (null for a tab that is gone or a page the extension may not see). */
  tabAddress(tabId: number): Promise<string | null>;
  /**
   * Opens `url` in a new tab, in front, next to `openerTabId`, and returns its id, or null if the browser refused.
   * `beforeLoad` runs once the tab exists and before `url` starts loading, so that what it stores about the tab
   * is there when the page first reports.
   */
  openTab(url: string, openerTabId: number, beforeLoad: (tabId: number) => Promise<void>): Promise<number | null>;
  /**
   * The type of the document the tab's top frame shows (`document.contentType`), or null where no extension
   * script may run (Firefox's PDF viewer, the browser's own pages).
   */
  documentType(tabId: number): Promise<string | null>;
  /** Navigates the tab to one of the extension's pages (a path such as `/pdf.html?file=…`). */
  showInTab(tabId: number, extensionPath: string): Promise<void>;
  /** Opens one of the extension's pages in a new tab, in front. */
  openExtensionPage(extensionPath: string): Promise<void>;
  /** The browser's redirects of the catalog's PDFs to the viewer (declarativeNetRequest's dynamic rules). */
  pdfRedirects: { replace(rules: readonly PdfRedirectRule[]): Promise<void> };
  /** What the way in from a club's post remembers for the session (post-memory.ts). */
  posts: PostMemory;
  /** Asks the tab's detector for the article its page shows now (null without one, or without a detector). */
  queryArticle(tabId: number): Promise<ArticleInfo | null>;
  sendToTab(tabId: number, message: TabMessage): Promise<void>;
  showIndicator(tabId: number, indicator: ActionIndicator): Promise<void>;
  highlights: HighlightStore;
  /** Subscribed catalog feeds: kept in IndexedDB, fetched only from sites the reader approved. */
  feeds: FeedService;
  /**
   * The sites the reader approved for feeds and their choices between catalogs (`storage.local`). Setting the
   * choices rebuilds the merged catalog.
   */
  feedTrust: FeedTrust;
  settings: {
    get(): Promise<Settings>;
    set(settings: Settings): Promise<Settings>;
  };
  /** The sites where the reader asked to see an entry's highlights painted ("Show on this page"). */
  confirmedOrigins: ConfirmedOrigins;
  /** Asks the page for the text fragment that finds a highlight's passage (null when it cannot make one). */
  fragmentFor(tabId: number, highlightId: string): Promise<string | null>;
  /**
   * Asks the tab's page to tie the reader's current selection to a question (the panel's tie control); resolves
   * with the page's answer as received, unchecked, or null when the page did not answer.
   */
  tieOnPage(tabId: number, questionId: string): Promise<unknown>;
  /** Pushes an event to the panel frame of a tab, if one is connected. */
  notifyPanel(tabId: number, event: PanelEvent): void;
  /**
   * The club layer (a Hypothesis group or a Solid pod): the connection and outbox (`core`), and the club's
   * annotations per article (`layer`). Only the background holds the connection's secret.
   */
  club: { core: ClubService; layer: ClubLayer };
  /** The browser's UI language, for the club's name in the toolbar button's title. */
  language: string;
  now(): Date;
  newId(): string;
}

export type Handled<K extends BackgroundRequest['type']> = Promise<Reply<BackgroundResponses[K]>>;
