import { anchorAll, describe, PDF_FRAGMENT_SPEC, type PdfPageSelector, type TextIndex } from '../../anchoring';
import type { ArticleInfo } from '../../article/detect';
import type { PdfDocumentText } from '../../pdf/text/document-text';
import { createHighlightPainter } from '../highlighter/painter';
import { trimmedRange } from '../highlighter/selection';
import type { DocumentIntegration } from './integration';
import { createPdfLayers } from './pdf-layers';
import { withPageHints } from './pdf-page-hint';
import { createPdfTextIndex } from './pdf-text-index';

/** What the PDF integration needs from the viewer page (`entrypoints/pdf/`), so that it never imports PDF.js. */
export interface PdfViewerSeam {
  /** The pages' parent (`.pdfViewer`), which holds every page and its text layer. */
  readonly pages: Element;
  /** PDF.js's event bus: `textlayerrendered` says a page's text can now be found and painted. */
  readonly events: {
    on(name: 'textlayerrendered', listener: (event: { pageNumber: number }) => void): void;
    off(name: 'textlayerrendered', listener: (event: { pageNumber: number }) => void): void;
  };
  /** The document's reader's text, extracted from every page's text content (`utils/pdf/text/extract.ts`). */
  readonly text: Promise<PdfDocumentText>;
  /** Which article the file is (its DOI from the address, the metadata or the first pages), or null. */
  article(): Promise<ArticleInfo | null>;
  /** Where highlights say they were made: the PDF's address, or the article's doi.org address for a local file. */
  readonly sourceUrl?: string;
  /** Brings a page (0-based) into view, which makes PDF.js draw it. */
  showPage(pageIndex: number): void;
}

/** Late mutations (a page's layer emptied far from the view) are gathered before callers hear of them. */
const CHANGE_DELAY_MS = 150;

/**
 * A PDF shown by PDF.js in the extension's viewer page (see `integration.ts` for how each member is filled).
 * Selectors are those of an HTML article (quote and position over the reader's text, here the whole file's,
 * from its text content) plus the page as RFC 3778 writes it, so that a passage running over a page break is
 * one highlight. Anchoring runs the same matcher over the same text whichever pages are drawn; a passage on a
 * page not drawn yet is anchored to that page's placeholder, and found again when its text layer is drawn.
 */
export function createPdfIntegration(doc: Document, viewer: PdfViewerSeam): DocumentIntegration {
  const layers = createPdfLayers(viewer.pages);
  const listeners = new Set<() => void>();
  let index: Promise<{ text: PdfDocumentText; index: TextIndex }> | null = null;
  const currentIndex = () => {
    index ??= viewer.text.then((text) => ({ text, index: createPdfTextIndex(text, layers) }));
    return index;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const notify = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const listener of listeners) listener();
    }, CHANGE_DELAY_MS);
  };
  const drawn = ({ pageNumber }: { pageNumber: number }) => {
    layers.dropPlaceholder(pageNumber - 1);
    notify();
  };
  viewer.events.on('textlayerrendered', drawn);
  // Far from the view PDF.js empties a page's layers, which leaves ranges over them detached.
  const released = new MutationObserver((records) => {
    if (records.some((record) => record.removedNodes.length > 0)) notify();
  });
  released.observe(viewer.pages, { childList: true, subtree: true });

  return {
    doc,
    root: viewer.pages,
    // A PDF draws its pages whenever the reader scrolls to them: its highlights are followed as long as it is open.
    settleMs: Number.POSITIVE_INFINITY,
    ...(viewer.sourceUrl === undefined ? {} : { sourceUrl: viewer.sourceUrl }),
    article: () => viewer.article(),
    async describe(range) {
      const { text, index: pdfIndex } = await currentIndex();
      const described = describe(range, viewer.pages, () => pdfIndex);
      if (!described.ok) return described;
      const [quote, position] = described.selectors;
      const page: PdfPageSelector = {
        type: 'FragmentSelector',
        conformsTo: PDF_FRAGMENT_SPEC,
        value: `page=${text.pageAt(pdfIndex.codePoints.toUtf16(position.start)) + 1}`,
      };
      return { ok: true, selectors: [quote, position, page], passage: trimmedRange(range) };
    },
    async anchorAll(items, options = {}) {
      const { text, index: pdfIndex } = await currentIndex();
      const hinted = withPageHints(items, text);
      const result = await anchorAll(hinted, viewer.pages, {
        ...options,
        cache: { get: () => pdfIndex, set: () => undefined, disconnect: () => undefined },
        onAnchored: (item, found) => options.onAnchored?.(item.item, found),
      });
      const orphanReasons = new Map();
      for (const [item, reason] of result.orphanReasons) orphanReasons.set(item.item, reason);
      return {
        anchored: result.anchored.map(({ item, result: found }) => ({ item: item.item, result: found })),
        orphans: result.orphans.map((item) => item.item),
        orphanReasons,
        unfinished: result.unfinished.map((item) => item.item),
        stoppedBy: result.stoppedBy,
      };
    },
    createPainter: () => createHighlightPainter(doc),
    async scrollTo(range, options = {}) {
      const start = range.startContainer;
      const element = start instanceof Element ? start : start.parentElement;
      const page = element ? layers.pageOf(element) : -1;
      // A placeholder stands for a page not drawn: showing the page draws it, and a new pass paints the passage.
      if (page >= 0 && !layers.textLayer(page)) return viewer.showPage(page);
      element?.scrollIntoView({ block: 'center', behavior: options.smooth ? 'smooth' : 'auto' });
    },
    onContentChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      clearTimeout(timer);
      listeners.clear();
      released.disconnect();
      viewer.events.off('textlayerrendered', drawn);
    },
  };
}
