import type { ArticleInfo } from '../article/detect';
import type { AuthoringStart, MyClubEntry, MyClubList } from '../authoring/views';
import type { CatalogEntry } from '../catalog/schema';
import type { ClubGroup } from '../club/backends';
import type {
  ClubEntryState,
  ClubLayerView,
  ClubPageHighlight,
  ClubStatus,
  ClubSuggestionsView,
  DisconnectOutcome,
  VisibilityAnswer,
} from '../club/views';
import type { FeedSubscribeAnswer, FeedsOverview } from '../feeds/summary';
import type { Highlight } from '../highlights/highlight';
import type { ReadingListEntry } from '../popup/reading-list';
import type { TabStatus } from '../popup/tab-status';
import type { SharedHighlight } from '../sharing/payload';
import type { Client } from './client';
import type { DetectorResponses } from './detector-messages';
import type { ReadingPrefs } from './reading-prefs';
import type { BackgroundRequest } from './requests';
import type { AnchorStatus, PanelLayout } from './tab-messages';

/**
 * What the background answers to each request, so that a sender's reply is typed by the request it sent and the
 * background's handlers must return exactly that.
 */

/** The reader's highlights for one article, as the panel and the page need them. */
export interface ArticleHighlights {
  highlights: Highlight[];
  /** Stored records that could not be read (damaged); reported, never deleted. */
  skipped: number;
  /** What the page last reported, or null before it has anchored. */
  anchors: Record<string, AnchorStatus> | null;
  /** The page the tab shows, to tell highlights made on another copy. */
  pageUrl: string;
  /** The article's highlight the reader deleted last, still undoable: a panel mounted again offers Undo for it. */
  lastDeleted?: Highlight | null;
  /**
   * Whether that page draws them by itself: only where the reader has read the article before or asked for it
   * ("Show on this page"), since the page can read back whatever is drawn on it.
   */
  painted: boolean;
}

/** A highlight as the page's script gets it: what it needs to find and colour the passage, never the note. */
export interface PageHighlight {
  id: string;
  questionId: string | null;
  target: { selectors: Highlight['target']['selectors'] };
}

/** What a share link opened on this tab brought: the shared highlights, or why the link could not be read. */
export type SharedView = { ok: true; items: SharedHighlight[]; saved: boolean[] } | { ok: false; error: string };

/**
 * Everything the panel draws for one tab. `entry` is null when a share link opened an article the reader's
 * catalog does not have: the panel is then built from the link alone.
 */
export interface PanelState {
  /** Null only for a share link that could not be read, on a page without an article. */
  article: ArticleInfo | null;
  entry: CatalogEntry | null;
  layout: PanelLayout;
  shared: SharedView | null;
}

/** A file for the reader to download or copy. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/** What importing a file would change (or changed, once `written` counts the saved highlights). */
export interface ImportOutcome {
  summaryText: string;
  added: number;
  updated: number;
  unchanged: number;
  invalid: number;
  written: number;
}

export interface Settings extends ReadingPrefs {
  /** Share links open the article through doi.org (lasting) or at the page the reader is on. */
  shareBase: 'doi' | 'page';
  /** Whether the club's highlights are painted in articles (and marked on the highlight map). */
  clubHighlights: boolean;
  /** Whether the PDFs the catalog names open in the extension's viewer instead of the browser's. */
  openClubPdfs: boolean;
}

/** The reply type for each request type; the detector's three are declared with its requests. */
export interface BackgroundResponses extends DetectorResponses {
  'panel-ticket': string;
  'panel-state': PanelState | null;
  'panel-layout': null;
  highlights: ArticleHighlights;
  'page-highlights': PageHighlight[];
  'show-on-page': null;
  'highlight-create': Highlight;
  'tie-selection': Highlight;
  'highlight-update': Highlight;
  'highlight-delete': Highlight;
  'highlight-restore': Highlight;
  'anchors-report': null;
  'highlight-activated': null;
  'highlight-reveal': null;
  'page-focus': null;
  'share-link': { url: string; shortened: boolean; withFragment: boolean };
  'share-all': { url: string } | { tooLong: true; length: number; limit: number };
  'shared-save': { status: 'saved' | 'already-saved'; highlight: Highlight };
  export: ExportedFile;
  backup: ExportedFile;
  import: ImportOutcome;
  settings: Settings;
  'settings-update': Settings;
  'reading-prefs': ReadingPrefs;
  'reading-prefs-update': ReadingPrefs;
  'tab-status': TabStatus;
  /** `highlightsError` says why the counts are missing (null when they were read). */
  'reading-list': { entries: ReadingListEntry[]; highlightsError: string | null };
  'panel-open': 'opened' | 'no-club-article';
  /** The article the post is the club's discussion of (its title in the reader's language); null: not a post. */
  'post-notice': { title: string } | null;
  'post-notice-read': 'opened' | 'no-club-post';
  'post-notice-dismiss': null;
  'post-read': 'opened' | 'no-club-post';
  'pdf-open': 'opened' | 'not-a-pdf';
  'pdf-read': null;
  'pdf-redirect-setting': boolean;
  feeds: FeedsOverview;
  'feed-subscribe': FeedSubscribeAnswer;
  'feed-refresh': FeedsOverview;
  'feed-unsubscribe': FeedsOverview;
  'feed-site-remove': FeedsOverview;
  'catalog-choose': FeedsOverview;
  'club-status': ClubStatus;
  'club-groups': ClubGroup[];
  'club-connect': ClubStatus;
  'club-default-visibility': ClubStatus;
  'club-retry': ClubStatus;
  'club-disconnect': DisconnectOutcome;
  'highlight-visibility': VisibilityAnswer;
  'club-layer': ClubLayerView;
  'club-page-layer': ClubPageHighlight[];
  'club-reply': ClubLayerView;
  'club-edit': ClubLayerView;
  'club-delete': ClubLayerView;
  'club-highlights-setting': boolean;
  'club-highlight-activated': null;
  'club-highlight-reveal': null;
  'club-catalog-state': ClubEntryState;
  'club-catalog-publish': ClubEntryState;
  'club-catalog-withdraw': ClubEntryState;
  'club-suggestions': ClubSuggestionsView;
  'club-organisers': ClubSuggestionsView;
  'author-open': 'opened';
  'author-start': AuthoringStart;
  'author-draft': { savedAt: string };
  'my-club': MyClubList;
  /** The saved entry's id: the authoring page goes on editing it under that id. */
  'my-club-save': { id: string };
  /** The entry as it was (for Undo), or null when there was none. */
  'my-club-delete': MyClubEntry | null;
  'my-club-restore': MyClubList;
}

/** The request function of the extension's own pages and scripts, over every request. */
export type BackgroundClient = Client<BackgroundRequest, BackgroundResponses>;
