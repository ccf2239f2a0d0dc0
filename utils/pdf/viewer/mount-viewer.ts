import type { PDFDocumentProxy } from 'pdfjs-dist';
import * as pdfjsLib from 'pdfjs-dist';
import type { EventBus, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';

/** The viewer's parts the page side uses: the pages' container, the event bus, and the viewer itself. */
export interface MountedPdfViewer {
  readonly viewer: PDFViewer;
  readonly eventBus: EventBus;
  /** The scrolling container (`#viewerContainer`), absolutely positioned as PDF.js requires. */
  readonly container: HTMLDivElement;
  /** The pages' parent (`.pdfViewer`), which holds every page's text layer: the document integration's root. */
  readonly pages: HTMLDivElement;
  destroy(): void;
}

/**
 * Loads PDF.js's viewer components. `pdf_viewer.mjs` reads the core library from `globalThis.pdfjsLib` when it
 * is evaluated, so it is imported only after that is set, and only once.
 */
let components: Promise<typeof import('pdfjs-dist/web/pdf_viewer.mjs')> | null = null;
function viewerComponents() {
  (globalThis as { pdfjsLib?: unknown }).pdfjsLib ??= pdfjsLib;
  components ??= import('pdfjs-dist/web/pdf_viewer.mjs');
  return components;
}

/**
 * Shows an open PDF in `container` with PDF.js's own components: `PDFViewer` (pages drawn lazily as they near the
 * view, and released when far from it), `EventBus`, `PDFLinkService` (the file's internal links and outline
 * targets) and the text layer, which is what the reader selects and what highlights are painted over. No
 * scripting manager is given, so a PDF's JavaScript never runs; annotation forms are drawn read-only.
 */
export async function mountPdfViewer(container: HTMLDivElement, pdf: PDFDocumentProxy): Promise<MountedPdfViewer> {
  const { EventBus, PDFLinkService, PDFViewer } = await viewerComponents();
  const pages = container.ownerDocument.createElement('div');
  pages.className = 'pdfViewer';
  container.replaceChildren(pages);
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus, externalLinkTarget: 2, externalLinkRel: 'noopener noreferrer' });
  const viewer = new PDFViewer({
    container,
    viewer: pages,
    eventBus,
    linkService,
    textLayerMode: 1,
    annotationMode: pdfjsLib.AnnotationMode.ENABLE,
    annotationEditorMode: pdfjsLib.AnnotationEditorType.DISABLE,
  });
  linkService.setViewer(viewer);
  // The page's width fits the column the panel leaves, until the reader zooms.
  eventBus.on('pagesinit', () => {
    viewer.currentScaleValue = 'page-width';
  });
  viewer.setDocument(pdf);
  linkService.setDocument(pdf);
  return {
    viewer,
    eventBus,
    container,
    pages,
    destroy() {
      viewer.cleanup();
      viewer.setDocument(null as unknown as PDFDocumentProxy);
      void pdf.loadingTask.destroy();
    },
  };
}
