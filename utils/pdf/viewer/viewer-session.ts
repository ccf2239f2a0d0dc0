import type { ArticleInfo } from '../../article/detect';
import type { DocumentIntegration } from '../../page/document';
import { createPdfIntegration } from '../../page/document/pdf';
import { identifyPdf, type PdfIdentity } from '../doi/identify-pdf';
import { openPdf, type PdfSource } from '../open-pdf';
import { extractDocumentText } from '../text/extract';
import { extensionPdfAssets } from './assets';
import { type MountedPdfViewer, mountPdfViewer } from './mount-viewer';

/** One file shown in the viewer: PDF.js's viewer, the document integration, and what the file is. */
export interface ViewerSession {
  readonly mounted: MountedPdfViewer;
  readonly integration: DocumentIntegration;
  readonly pageCount: number;
  /** The article the file is (for the background's catalog lookup), or null when its DOI was not found. */
  readonly article: ArticleInfo | null;
  /** False for a scan: pages with no text to select, so no highlight can be made. */
  readonly hasText: boolean;
  destroy(): void;
}

export type ViewerOpened = { ok: true; session: ViewerSession } | { ok: false; message: string };

/**
 * Opens a PDF (through `openPdf`, with its caps and safe settings), shows it, and finds which article it is: the
 * DOI from the address, the metadata or the first pages (`identifyPdf`, which answers "not found" rather than a
 * DOI the article only cites). The document's text is extracted page by page in the background of the session;
 * anchoring waits for it, the first view does not.
 */
export async function openInViewer(
  source: PdfSource,
  container: HTMLDivElement,
  knownDoi: string | null = null,
): Promise<ViewerOpened> {
  const opened = await openPdf(source, extensionPdfAssets());
  if (!opened.ok) return { ok: false, message: opened.message };
  const { pdf } = opened;
  const mounted = await mountPdfViewer(container, pdf);
  const stop = new AbortController();
  const address = source.kind === 'url' ? source.url : null;
  const identity = await identifyPdf(pdf, { ...(address && { url: address }), signal: stop.signal });
  const text = extractDocumentText(pdf, stop.signal);
  // A closed file stops the extraction; nothing waits on it then.
  text.catch(() => undefined);
  const article = articleOf(knownDoi ? { ...identity, doi: { doi: knownDoi, source: 'address' } } : identity, address);
  const sourceUrl = address ?? article?.canonicalUrl;
  const integration = createPdfIntegration(container.ownerDocument, {
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
    pages: mounted.pages,
    events: mounted.eventBus as never,
    text,
    article: async () => article,
    showPage: (pageIndex) => mounted.viewer.scrollPageIntoView({ pageNumber: pageIndex + 1 }),
  });
  return {
    ok: true,
    session: {
      mounted,
      integration,
      pageCount: pdf.numPages,
      article,
      // Read from the first pages by the DOI finder, which stops there for a scan.
      hasText: identity.hasText,
      destroy() {
        stop.abort();
        integration.destroy();
        mounted.destroy();
      },
    },
  };
}

/** The article as the background's catalog lookup takes it: a PDF says nothing of open access. */
function articleOf(identity: PdfIdentity, address: string | null): ArticleInfo | null {
  if (!identity.doi) return null;
  return {
    doi: identity.doi.doi,
    title: identity.title,
    openAccess: 'unknown',
    openAccessEvidence: null,
    pdfUrl: address,
    canonicalUrl: address ?? `https://doi.org/${identity.doi.doi}`,
    doiSource: identity.doi.source === 'address' ? 'url' : 'pdf',
  };
}
