import * as v from 'valibot';
import type { ArticleInfo } from '../article/detect';
import type { CatalogEntry } from '../catalog/schema';
import { IMPORT_MAX_CHARS } from '../exchange';
import type { FeedSubscribeAnswer, FeedsOverview } from '../feeds/summary';
import {
  type Highlight,
  HighlightSchema,
  HighlightSelectorsSchema,
  ID_MAX_LENGTH,
  NOTE_MAX_LENGTH,
} from '../highlights/highlight';
import type { ReadingListEntry } from '../popup/reading-list';
import type { TabStatus } from '../popup/tab-status';
import type { SharedHighlight } from '../sharing/share-link';

/**
 * The one protocol between the extension's contexts. Every request to the background is validated here,
 * because content scripts live on pages we do not control: a compromised or confused sender must not be able
 * to make the background do anything the protocol does not name.
 */

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableUrl = v.nullable(text(4_096));

/** Shape check for what the detector reports; `detectArticle` made it, but it crossed a boundary. */
export const ArticleInfoSchema = v.object({
  doi: text(300),
  title: v.nullable(text(2_000)),
  openAccess: v.picklist(['open', 'closed', 'unknown']),
  openAccessEvidence: v.nullable(
    v.object({ kind: v.picklist(['license-meta', 'rel-license', 'json-ld', 'world-readable']), value: text(2_000) }),
  ),
  pdfUrl: nullableUrl,
  canonicalUrl: text(4_096),
  doiSource: v.picklist(['meta', 'url', 'body-link', 'share-link']),
}) satisfies v.GenericSchema<unknown, ArticleInfo>;

/** How the reader left the panel on this article: open, folded to a small tab, or closed for this page. */
export type PanelLayout = 'open' | 'collapsed' | 'closed';
const PanelLayoutSchema = v.picklist(['open', 'collapsed', 'closed']);
const id = v.pipe(v.string(), v.nonEmpty(), v.maxLength(ID_MAX_LENGTH));

/** A share link's `#jc=…` part can carry all of an article's highlights; beyond this it is not ours. */
export const SHARE_HASH_MAX_LENGTH = 64_000;

/** Whether the page found a highlight again. */
export type AnchorStatus = 'anchored' | 'orphan';

/** The reader's highlights for one article, as the panel and the page need them. */
export interface ArticleHighlights {
  highlights: Highlight[];
  /** Stored records that could not be read (damaged); reported, never deleted. */
  skipped: number;
  /** What the page last reported, or null before it has anchored. */
  anchors: Record<string, AnchorStatus> | null;
  /** The page the tab shows, to tell highlights made on another copy. */
  pageUrl: string;
}

/** Requests to the background, by type. */
export const BackgroundRequestSchema = v.variant('type', [
  /** The detector found an article on this tab's page. */
  v.object({ type: v.literal('article-detected'), article: ArticleInfoSchema }),
  /** The page navigated (in place) away from the article it reported. */
  v.object({ type: v.literal('article-gone') }),
  /** The panel (or the script that mounts it) asks what to show for its tab. */
  v.object({ type: v.literal('panel-state') }),
  /** The reader collapsed, reopened or closed the panel. */
  v.object({ type: v.literal('panel-layout'), layout: PanelLayoutSchema }),
  /** The reader's highlights for this tab's article (every copy), with what the page last anchored. */
  v.object({ type: v.literal('highlights') }),
  /** The reader tied a selection to a question (or none) on the page. */
  v.object({
    type: v.literal('highlight-create'),
    questionId: v.nullable(id),
    selectors: HighlightSelectorsSchema,
    source: text(4_096),
  }),
  /** The reader edited a highlight's note or re-tied it, in the panel. */
  v.object({
    type: v.literal('highlight-update'),
    id,
    note: v.optional(v.pipe(v.string(), v.maxLength(NOTE_MAX_LENGTH))),
    questionId: v.optional(v.nullable(id)),
  }),
  v.object({ type: v.literal('highlight-delete'), id }),
  /** Undo of a delete: the record as it was. */
  v.object({ type: v.literal('highlight-restore'), highlight: HighlightSchema }),
  /** The page says which highlights it found (anchored) and which it could not (orphans). */
  v.object({ type: v.literal('anchors-report'), anchors: v.record(id, v.picklist(['anchored', 'orphan'])) }),
  /** The reader clicked a highlighted passage on the page: the panel shows it. */
  v.object({ type: v.literal('highlight-activated'), id }),
  /** The panel asks the page to scroll to a highlight and flash it. */
  v.object({ type: v.literal('highlight-reveal'), id }),
  /** The reader pressed Escape in the panel: keyboard focus goes back to where it was on the page. */
  v.object({ type: v.literal('page-focus') }),
  /** The page was opened from a share link (its `#jc=` part), on an article or not. */
  v.object({
    type: v.literal('share-opened'),
    share: text(SHARE_HASH_MAX_LENGTH),
    article: v.nullable(ArticleInfoSchema),
  }),
  /** A share link for one of the reader's highlights. */
  v.object({ type: v.literal('share-link'), id }),
  /** One link for all of the reader's highlights on this article, when it fits. */
  v.object({ type: v.literal('share-all') }),
  /** The reader saves a highlight shared with them (by its place in the shared link). */
  v.object({ type: v.literal('shared-save'), index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999)) }),
  /** The article's highlights as a Markdown digest or W3C Web Annotations. */
  v.object({ type: v.literal('export'), format: v.picklist(['markdown', 'jsonld']) }),
  /** Every highlight of every article, as a backup file. */
  v.object({ type: v.literal('backup') }),
  /** A backup or Web Annotations file to import: planned (summary only) or, with `commit`, written. */
  v.object({ type: v.literal('import'), text: v.pipe(v.string(), v.maxLength(IMPORT_MAX_CHARS)), commit: v.boolean() }),
  /** Where share links point: the DOI (lasting) or this page's address. */
  v.object({ type: v.literal('settings') }),
  v.object({ type: v.literal('settings-update'), shareBase: v.picklist(['doi', 'page']) }),
  /** The toolbar popup: what the given tab's page is (no article, not in the catalog, a club article). */
  v.object({ type: v.literal('tab-status'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** The toolbar popup: every catalog entry with the reader's highlight count. */
  v.object({ type: v.literal('reading-list') }),
  /** The toolbar popup: open (or unfold) the panel on the given tab and move keyboard focus into it. */
  v.object({ type: v.literal('panel-open'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** The options page: the bundled catalog and every subscribed feed with its status. */
  v.object({ type: v.literal('feeds') }),
  /** The options page subscribes to a feed (after the reader granted access to its site); it is fetched at once. */
  v.object({ type: v.literal('feed-subscribe'), url: text(4_096) }),
  /** The options page refreshes one feed now, or every feed (null). */
  v.object({ type: v.literal('feed-refresh'), url: v.nullable(text(4_096)) }),
  v.object({ type: v.literal('feed-unsubscribe'), url: text(4_096) }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;

/** What the detector learns back: enough to know the lookup happened, nothing the page could use. */
export type ArticleStatus = 'club-article' | 'not-in-catalog';

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

export interface Settings {
  /** Share links open the article through doi.org (lasting) or at the page the reader is on. */
  shareBase: 'doi' | 'page';
}

/** The reply type for each request type. */
export interface BackgroundResponses {
  'article-detected': ArticleStatus;
  'article-gone': null;
  'panel-state': PanelState | null;
  'panel-layout': null;
  highlights: ArticleHighlights;
  'highlight-create': Highlight;
  'highlight-update': Highlight;
  'highlight-delete': Highlight;
  'highlight-restore': Highlight;
  'anchors-report': null;
  'highlight-activated': null;
  'highlight-reveal': null;
  'page-focus': null;
  'share-opened': null;
  'share-link': { url: string; shortened: boolean; withFragment: boolean };
  'share-all': { url: string } | { tooLong: true; length: number; limit: number };
  'shared-save': { status: 'saved' | 'already-saved'; highlight: Highlight };
  export: ExportedFile;
  backup: ExportedFile;
  import: ImportOutcome;
  settings: Settings;
  'settings-update': Settings;
  'tab-status': TabStatus;
  /** `highlightsError` says why the counts are missing (null when they were read). */
  'reading-list': { entries: ReadingListEntry[]; highlightsError: string | null };
  'panel-open': 'opened' | 'no-club-article';
  feeds: FeedsOverview;
  'feed-subscribe': FeedSubscribeAnswer;
  'feed-refresh': FeedsOverview;
  'feed-unsubscribe': FeedsOverview;
}

/** Replies carry either a value or a plain-English reason; nothing throws across the boundary. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Messages the background sends to the scripts in a tab's top frame. */
export type TabMessage =
  | { type: 'panel-hide' }
  | { type: 'panel-layout'; layout: PanelLayout }
  | { type: 'highlights-changed' }
  | { type: 'highlight-reveal'; id: string }
  | { type: 'page-focus' }
  /** Asks the page for the text fragment (`text=…`) that finds a highlight's passage; answered string | null. */
  | { type: 'text-fragment'; id: string }
  /** Moves keyboard focus into the panel (the shortcut and the popup's "Open panel"), once it is shown. */
  | { type: 'panel-focus' };

/** Events the background pushes to the panel frame over its port. */
export type PanelEvent =
  | { type: 'highlights-changed' }
  | { type: 'anchors'; anchors: Record<string, AnchorStatus> }
  | { type: 'focus-highlight'; id: string; edit: boolean }
  | { type: 'layout'; layout: PanelLayout };

/** The name of the port the panel frame opens to the background. */
export const PANEL_PORT = 'panel';

/** The background's question to the detector: which article is this page now? Answered with ArticleInfo | null. */
export const ARTICLE_QUERY = 'article-query';

/** Validates the detector's answer to {@link ARTICLE_QUERY}. */
export function parseArticleAnswer(answer: unknown): ArticleInfo | null {
  const parsed = v.safeParse(ArticleInfoSchema, answer);
  return parsed.success ? parsed.output : null;
}

/** Validates an incoming request; returns null for anything that is not one of ours. */
export function parseBackgroundRequest(message: unknown): BackgroundRequest | null {
  const parsed = v.safeParse(BackgroundRequestSchema, message);
  return parsed.success ? parsed.output : null;
}
