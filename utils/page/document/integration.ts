import type { AnchorAllOptions, AnchorAllResult, Anchorable, DescribeFailure, StoredSelectors } from '../../anchoring';
import type { ArticleInfo } from '../../article/detect';
import type { HighlightPainter } from '../highlighter/painter';

/** How long an HTML page's text may still arrive after it opened, when its integration does not say. */
export const DEFAULT_SETTLE_MS = 30_000;

/** A described selection: on success, also the range the selectors name (and, in a PDF, its page). */
export type DescribedPassage = DescribeFailure | { ok: true; selectors: StoredSelectors; passage: Range };

/**
 * What the page side needs from one kind of document, so that highlighting, the annotator and shared passages
 * never assume an HTML article (`document.body`, meta tags, one text that is there from the start). The HTML
 * article is the first implementation (`html.ts`); `createIntegration` (`index.ts`) picks one per document.
 *
 * The members are shaped for the second one, a PDF shown by PDF.js (the viewer's pages, each with a text layer
 * of positioned spans that is drawn only when the page nears the viewport, and thrown away when it leaves), so
 * that adding it changes no caller. For each member, how a PDF implementation would fill it:
 * - `root`: the viewer's container (`#viewer`), which holds every page's text layer; selections outside it (the
 *   toolbar, the sidebar of thumbnails) are refused as they are outside an article's body.
 * - `article`: the DOI from the file (XMP `prism:doi` or `dc:identifier`, else the first page's text), read once
 *   the document has loaded, hence a promise; there are no meta tags.
 * - `describe`: quote and position over the text of the whole file (extracted from PDF.js's text content, page by
 *   page, not from the drawn layers, so offsets do not depend on which pages are drawn), plus a page selector later.
 * - `anchorAll`: find each quote in the file's text, then wait for its page's text layer (scrolling there draws
 *   it) to turn the offsets into a DOM `Range`; highlights on pages not drawn yet stay unfinished, not orphans.
 * - `createPainter`: the same Custom Highlight painter over the text layer's spans; the registry belongs to the
 *   viewer's document.
 * - `scrollTo`: scroll the viewer to the page first (`PDFViewerApplication.page`), then to the range once drawn.
 * - `onContentChange`: PDF.js's `textlayerrendered` events (a page drawn late, or again after zooming), which is
 *   when a pass can find more; the annotator decides how long to keep listening.
 */
export interface DocumentIntegration {
  readonly doc: Document;
  /** Where the article's text is: highlights are found in it and selections outside it are refused. */
  readonly root: Element;
  /**
   * How long after the document opened its text may still arrive, so highlights keep being looked for (30 s by
   * default, for an HTML page's late sections). A PDF draws pages whenever the reader scrolls to them: forever.
   */
  readonly settleMs?: number;
  /**
   * The address a highlight records as where it was made, when it is not the document's own: the PDF viewer's
   * address means nothing elsewhere, so it gives the PDF's (or, for a local file, the article's doi.org address).
   */
  readonly sourceUrl?: string;
  /** Which article this document is (its DOI and metadata), or null when it names none. */
  article(): Promise<ArticleInfo | null>;
  /**
   * Selectors for a passage the reader selected, and the passage they name (the selection less the whitespace at
   * its ends), which is what a new highlight is drawn over. Every way it can be unusable comes back as a reason.
   */
  describe(range: Range): Promise<DescribedPassage>;
  /**
   * Finds stored highlights again, without freezing the page. What cannot be found yet (late text, a page not
   * drawn) comes back as orphans or unfinished, for a later pass.
   */
  anchorAll<T extends Anchorable>(items: readonly T[], options?: AnchorAllOptions<T>): Promise<AnchorAllResult<T>>;
  /** Draws highlights over this document's text; one painter per caller, each removing only its own drawing. */
  createPainter(): HighlightPainter;
  /** Brings a passage into the middle of the view (smoothly when the reader asked for it from the panel). */
  scrollTo(range: Range, options?: { smooth?: boolean }): Promise<void>;
  /** Calls `listener` when the document's text may have changed (late sections, re-renders); returns the stop. */
  onContentChange(listener: () => void): () => void;
  /** Stops whatever the integration watches; painters it made are destroyed by their callers. */
  destroy(): void;
}
