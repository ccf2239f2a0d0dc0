import 'pdfjs-dist/web/pdf_viewer.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { PdfViewerApp, type ShownPdf } from '../../components/pdf/PdfViewerApp';
import { type PanelHost, startPanelHost } from '../../utils/page/panel-host';
import { startViewerRoom } from '../../utils/page/side-by-side/viewer-room';
import type { PdfSource } from '../../utils/pdf/open-pdf';
import { knownDoiOf, shareHashOf, sourceFromAddress } from '../../utils/pdf/viewer/viewer-address';
import { openInViewer, type ViewerSession } from '../../utils/pdf/viewer/viewer-session';
import { ARTICLE_QUERY } from '../../utils/protocol/detector-messages';
import { sendToBackground } from '../../utils/protocol/extension-client';
import { uiLanguage } from '../../utils/ui-language';

/**
 * The extension's PDF viewer (`pdf.html?file=<address>`, or a file the reader picks or drops): PDF.js's pages in
 * a Preact chrome, and the club's page side run here directly, since no content script reaches an extension
 * page. The background takes this page as its tab's article page (utils/background/handle-request.ts).
 */
const initial = sourceFromAddress(location.href);
const sharedPayload = shareHashOf(performance.getEntriesByType('navigation')[0]?.name ?? '');
let session: ViewerSession | null = null;
let host: PanelHost | null = null;

async function open(source: PdfSource, container: HTMLDivElement) {
  if (session) {
    // Another file in the same tab: the panel and highlights of the one before go, and the tab forgets it.
    host?.stop();
    host = null;
    session.destroy();
    session = null;
    await sendToBackground({ type: 'article-gone' });
  }
  // A DOI handed over with the address counts for that file only, not for one the reader opens next.
  const opened = await openInViewer(source, container, source === initial ? knownDoiOf(location.href) : null);
  if (!opened.ok) return opened;
  const current = opened.session;
  session = current;
  host = startPanelHost(document, current.integration, (frame, enabled) =>
    startViewerRoom(current.mounted.container, frame, enabled),
  );
  // The background looks the DOI up in the catalog and, for a club article or a share link, asks for the panel
  // (`panel-mount`). A share link's payload is read once, for the file the viewer's address named.
  const share = source === initial ? sharedPayload : null;
  if (share) await sendToBackground({ type: 'share-opened', share, article: current.article });
  else if (current.article) await sendToBackground({ type: 'article-detected', article: current.article });
  const { viewer, eventBus } = current.mounted;
  const shown: ShownPdf = {
    pageCount: current.pageCount,
    notice: !current.hasText ? 'scan' : current.article ? null : 'no-doi',
    goTo: (page) => viewer.scrollPageIntoView({ pageNumber: page }),
    zoom: (direction) => (direction === 'in' ? viewer.increaseScale() : viewer.decreaseScale()),
    onPageChange(listener) {
      const changed = ({ pageNumber }: { pageNumber: number }) => listener(pageNumber);
      eventBus.on('pagechanging', changed);
      return () => eventBus.off('pagechanging', changed);
    },
  };
  return { ok: true as const, shown };
}

browser.runtime.onMessage.addListener((message: unknown) => {
  const type = (message as { type?: unknown } | null)?.type;
  // "Open panel" and the shortcut ask the tab's page what article it shows, as they ask the detector elsewhere.
  if (type === ARTICLE_QUERY) return Promise.resolve(session?.article ?? null);
  if (type === 'panel-mount') return void host?.show();
  return host?.handle(message);
});

document.documentElement.lang = uiLanguage();
document.title = i18n.t('pdfViewer.title');
const root = document.getElementById('app');
if (root) render(<PdfViewerApp initial={initial} open={open} />, root);
