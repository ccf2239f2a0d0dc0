import * as v from 'valibot';
import type { ArticleInfo } from '../article/detect';
import { AuthoringFormSchema, DraftKeySchema } from '../authoring/form-schema';
import { ClubConfigSchema, HypothesisConfigSchema, VisibilitySchema } from '../club/connection';
import { IMPORT_MAX_CHARS } from '../exchange/limits';
import { HighlightSchema, HighlightSelectorsSchema, ID_MAX_LENGTH, NOTE_MAX_LENGTH } from '../highlights/highlight';
import { textUpTo } from '../validation';
import { type DetectorRequest, SHARE_HASH_MAX_LENGTH } from './detector-messages';
import { PANEL_WIDTH_PX } from './reading-prefs';
import type { PanelLayout } from './tab-messages';

/**
 * Every request to the background is validated here, because content scripts live on pages we do not control: a
 * compromised or confused sender must not be able to make the background do anything the protocol does not name.
 */

const nullableUrl = v.nullable(textUpTo(4_096));

/** Shape check for what the detector reports; `detectArticle` made it, but it crossed a boundary. */
export const ArticleInfoSchema = v.object({
  doi: textUpTo(300),
  title: v.nullable(textUpTo(2_000)),
  openAccess: v.picklist(['open', 'closed', 'unknown']),
  openAccessEvidence: v.nullable(
    v.object({
      kind: v.picklist(['license-meta', 'rel-license', 'json-ld', 'world-readable']),
      value: textUpTo(2_000),
    }),
  ),
  pdfUrl: nullableUrl,
  canonicalUrl: textUpTo(4_096),
  doiSource: v.picklist(['meta', 'url', 'body-link', 'share-link', 'pdf']),
}) satisfies v.GenericSchema<unknown, ArticleInfo>;

const PanelLayoutSchema = v.picklist(['open', 'collapsed', 'closed']) satisfies v.GenericSchema<unknown, PanelLayout>;
const id = v.pipe(v.string(), v.nonEmpty(), v.maxLength(ID_MAX_LENGTH));

/** The formats a panel can export an article's highlights in. */
export const EXPORT_FORMATS = ['markdown', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `merge`: a file's copy replaces a stored one only when newer; `restore`: the reader's own backup wins. */
export const IMPORT_MODES = ['merge', 'restore'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** A club service's id for an annotation (a Hypothesis id, a resource address in a pod). */
const remoteId = v.pipe(v.string(), v.nonEmpty(), v.maxLength(2_048));
/** A reply or an edited club note: as long as a highlight's note, and not empty. */
const clubNote = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(NOTE_MAX_LENGTH));

/** Requests to the background, by type. */
export const BackgroundRequestSchema = v.variant('type', [
  /** The detector found an article on this tab's page. */
  v.object({ type: v.literal('article-detected'), article: ArticleInfoSchema }),
  /** The page navigated (in place) away from the article it reported. */
  v.object({ type: v.literal('article-gone') }),
  /** The top frame's panel script asks for the ticket it hands to the panel frame it creates (panel-claim.ts). */
  v.object({ type: v.literal('panel-ticket') }),
  /** The panel (or the script that mounts it) asks what to show for its tab. */
  v.object({ type: v.literal('panel-state') }),
  /** The reader collapsed, reopened or closed the panel. */
  v.object({ type: v.literal('panel-layout'), layout: PanelLayoutSchema }),
  /** The reader's highlights for this tab's article (every copy), with what the page last anchored. */
  v.object({ type: v.literal('highlights') }),
  /** The page's script asks what to draw: the highlights it may paint, without their notes. */
  v.object({ type: v.literal('page-highlights') }),
  /** The reader asked, in the panel, to see the article's highlights on the copy this tab shows. */
  v.object({ type: v.literal('show-on-page') }),
  /** The reader tied a selection to a question (or none) on the page. */
  v.object({
    type: v.literal('highlight-create'),
    questionId: v.nullable(id),
    selectors: HighlightSelectorsSchema,
    source: textUpTo(4_096),
  }),
  /** The reader, in the panel, ties the passage they selected in the article to one of the club's questions. */
  v.object({ type: v.literal('tie-selection'), questionId: id }),
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
  v.object({
    type: v.literal('anchors-report'),
    anchors: v.record(id, v.picklist(['anchored', 'approximate', 'orphan', 'ambiguous'])),
  }),
  /** The reader clicked a highlighted passage on the page: the panel shows it. */
  v.object({ type: v.literal('highlight-activated'), id }),
  /** The panel asks the page to scroll to a highlight and flash it. */
  v.object({ type: v.literal('highlight-reveal'), id }),
  /** The reader pressed Escape in the panel: keyboard focus goes back to where it was on the page. */
  v.object({ type: v.literal('page-focus') }),
  /** The page was opened from a share link (its `#jc=` part), on an article or not. */
  v.object({
    type: v.literal('share-opened'),
    share: textUpTo(SHARE_HASH_MAX_LENGTH),
    article: v.nullable(ArticleInfoSchema),
  }),
  /** A share link for one of the reader's highlights. */
  v.object({ type: v.literal('share-link'), id }),
  /** One link for all of the reader's highlights on this article, when it fits. */
  v.object({ type: v.literal('share-all') }),
  /** The reader saves a highlight shared with them (by its place in the shared link). */
  v.object({ type: v.literal('shared-save'), index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999)) }),
  /** The article's highlights as a Markdown digest or W3C Web Annotations. */
  v.object({
    type: v.literal('export'),
    format: v.picklist(EXPORT_FORMATS),
    /** The Markdown digest also lists the club's highlights, names and replies under each question. */
    includeClub: v.optional(v.boolean()),
  }),
  /** Every highlight of every article, as a backup file. */
  v.object({ type: v.literal('backup') }),
  /** A backup or Web Annotations file to import: planned (summary only) or, with `commit`, written. */
  /** `restore` replaces the stored copies with the file's whatever their dates (the reader's own backup). */
  v.object({
    type: v.literal('import'),
    text: v.pipe(v.string(), v.maxLength(IMPORT_MAX_CHARS)),
    commit: v.boolean(),
    mode: v.picklist(IMPORT_MODES),
  }),
  /** Where share links point: the DOI (lasting) or this page's address. */
  v.object({ type: v.literal('settings') }),
  v.object({ type: v.literal('settings-update'), shareBase: v.picklist(['doi', 'page']) }),
  /** Side by side and the panel's width: read by the page's script as it mounts the panel, and by the panel. */
  v.object({ type: v.literal('reading-prefs') }),
  /** The reader dragged the panel's edge (the page's script) or switched side by side on or off (the panel). */
  v.object({
    type: v.literal('reading-prefs-update'),
    sideBySide: v.optional(v.boolean()),
    panelWidth: v.optional(
      v.pipe(v.number(), v.integer(), v.minValue(PANEL_WIDTH_PX.min), v.maxValue(PANEL_WIDTH_PX.max)),
    ),
  }),
  /** The toolbar popup: what the given tab's page is (no article, not in the catalog, a club article). */
  v.object({ type: v.literal('tab-status'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** The toolbar popup: every catalog entry with the reader's highlight count. */
  v.object({ type: v.literal('reading-list') }),
  /** The toolbar popup: open (or unfold) the panel on the given tab and move keyboard focus into it. */
  v.object({ type: v.literal('panel-open'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** The options page: the bundled catalog and every subscribed feed with its status. */
  v.object({ type: v.literal('feeds') }),
  /** The post notice's script asks whether its page is a club's post, and for which article (post-page.ts). */
  v.object({ type: v.literal('post-notice') }),
  /** The reader clicked "Read the article with the club's questions" on the post notice (a trusted click). */
  v.object({ type: v.literal('post-notice-read') }),
  /** The reader dismissed the post notice: not offered again on that entry's post in this session. */
  v.object({ type: v.literal('post-notice-dismiss') }),
  /** The toolbar popup: open the article of the club post the given tab shows, with the panel. */
  v.object({ type: v.literal('post-read'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  // The popup's "Open in Journal Club Reader", on a tab that shows a PDF.
  v.object({ type: v.literal('pdf-open'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  // The panel's "Read the PDF": the article's PDF in the viewer, in a new tab.
  v.object({ type: v.literal('pdf-read') }),
  // The options page reads (no `open`) or switches "Open the club's PDFs in Journal Club Reader".
  v.object({ type: v.literal('pdf-redirect-setting'), open: v.optional(v.boolean()) }),
  /** The options page subscribes to a feed (after the reader granted access to its site); it is fetched at once. */
  v.object({ type: v.literal('feed-subscribe'), url: textUpTo(4_096) }),
  /** The options page refreshes one feed now, or every feed (null). */
  v.object({ type: v.literal('feed-refresh'), url: v.nullable(textUpTo(4_096)) }),
  v.object({ type: v.literal('feed-unsubscribe'), url: textUpTo(4_096) }),
  /** The options page: the reader withdraws a site from the approved feed sites (a match pattern). */
  v.object({ type: v.literal('feed-site-remove'), site: textUpTo(4_096) }),
  /** The options page: for an article two catalogs claim, the source ('bundled' or a feed's address) to show. */
  v.object({ type: v.literal('catalog-choose'), entryId: textUpTo(500), source: textUpTo(4_096) }),
  /** The options page: the club connection (without its secret), what waits to be sent, the last sync. */
  v.object({ type: v.literal('club-status') }),
  /** The options page: the Hypothesis groups a token may post in (its site permission already granted). */
  v.object({ type: v.literal('club-groups'), ...v.pick(HypothesisConfigSchema, ['service', 'token']).entries }),
  /** The options page connects to a Hypothesis group or a Solid pod, with the default for new highlights. */
  v.object({ type: v.literal('club-connect'), config: ClubConfigSchema, defaultVisibility: VisibilitySchema }),
  v.object({ type: v.literal('club-default-visibility'), visibility: VisibilitySchema }),
  /** The options page: try again now what failed (after a new token, or when the service is back). */
  v.object({ type: v.literal('club-retry') }),
  /** The options page disconnects, first deleting the reader's published annotations if asked. */
  v.object({ type: v.literal('club-disconnect'), deletePublished: v.boolean() }),
  /** The panel: one highlight becomes "Only me" or "My club". */
  v.object({ type: v.literal('highlight-visibility'), id, visibility: VisibilitySchema }),
  /** The panel: the club layer of the tab's article; `opened` when the reader has just opened it (fetched now). */
  v.object({ type: v.literal('club-layer'), opened: v.boolean() }),
  /** The page's script: the club highlights to paint, without notes or names. */
  v.object({ type: v.literal('club-page-layer') }),
  /** The panel: a reply to a club annotation, an edit or a deletion of one of the reader's own. */
  v.object({ type: v.literal('club-reply'), replyTo: remoteId, note: clubNote }),
  v.object({ type: v.literal('club-edit'), remoteId, note: clubNote }),
  v.object({ type: v.literal('club-delete'), remoteId }),
  /**
   * The panel or the options page: whether the club's highlights are painted in articles (`show` absent: only
   * read it). Answered with the setting as it stands after the request.
   */
  v.object({ type: v.literal('club-highlights-setting'), show: v.optional(v.boolean()) }),
  /** The page's script: the reader clicked a painted club highlight; the panel opens at its thread. */
  v.object({ type: v.literal('club-highlight-activated'), remoteId }),
  /** The panel: scroll the page to a club highlight it painted (the reader clicked its quote). */
  v.object({ type: v.literal('club-highlight-reveal'), remoteId }),
  /** The options page: one entry in the club's catalog; publish or update it there, or withdraw the reader's copy. */
  v.object({ type: v.literal('club-catalog-state'), entryId: textUpTo(100) }),
  /** The entry is checked by the catalog schema when handled, so a bad one is told why rather than ignored. */
  v.object({ type: v.literal('club-catalog-publish'), entry: v.unknown() }),
  v.object({ type: v.literal('club-catalog-withdraw'), entryId: textUpTo(100) }),
  /** The options page: members' suggestions (read anew from the service with `refresh`), and the organisers. */
  v.object({ type: v.literal('club-suggestions'), refresh: v.boolean() }),
  v.object({ type: v.literal('club-organisers'), organisers: v.pipe(v.array(textUpTo(2_000)), v.maxLength(200)) }),
  /** The popup's "Start a club discussion": the authoring page for the given tab's article, in a new tab. */
  v.object({ type: v.literal('author-open'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /**
   * The authoring page opens: the form for a tab's article (prefilled or its draft), or for a saved entry;
   * `fresh` leaves the draft aside (the organiser's "Start again without the draft").
   */
  v.object({
    type: v.literal('author-start'),
    tabId: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
    entryId: v.nullable(textUpTo(500)),
    fresh: v.optional(v.boolean()),
  }),
  /** The authoring page keeps what was typed, as it is typed. */
  v.object({ type: v.literal('author-draft'), key: DraftKeySchema, form: AuthoringFormSchema }),
  /** The organiser's own entries ("My club"), for the options page and the authoring page. */
  v.object({ type: v.literal('my-club') }),
  /**
   * Saves an entry (checked again in the background with the catalog's schema); `replaces` is the id it had
   * when opened for editing, `draftKey` the draft it came from, dropped once the entry is saved.
   */
  v.object({
    type: v.literal('my-club-save'),
    entry: v.unknown(),
    replaces: v.nullable(textUpTo(500)),
    draftKey: v.nullable(DraftKeySchema),
  }),
  v.object({ type: v.literal('my-club-delete'), id: textUpTo(500) }),
  /** Undo of a delete: the entry as it was, checked again. */
  v.object({ type: v.literal('my-club-restore'), entry: v.unknown() }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;

/**
 * The detector declares its requests without valibot (see `detector-messages.ts`); this fails typecheck the day
 * the schema and that declaration disagree, in either direction.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const DETECTOR_REQUESTS_MATCH: Same<
  Extract<BackgroundRequest, { type: DetectorRequest['type'] }>,
  DetectorRequest
> = true;

/** Validates the detector's answer to `ARTICLE_QUERY`. */
export function parseArticleAnswer(answer: unknown): ArticleInfo | null {
  const parsed = v.safeParse(ArticleInfoSchema, answer);
  return parsed.success ? parsed.output : null;
}

/** Validates an incoming request; returns null for anything that is not one of ours. */
export function parseBackgroundRequest(message: unknown): BackgroundRequest | null {
  const parsed = v.safeParse(BackgroundRequestSchema, message);
  return parsed.success ? parsed.output : null;
}
