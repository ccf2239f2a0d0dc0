import { i18n } from '#i18n';
import type { CatalogEntry } from '../catalog/schema';
import { looksLikePdfAddress, PDF_VIEWER_PATH, pdfViewerPath } from '../pdf/address';
import { ok, refused } from './reply';
import type { BackgroundServices, Handled } from './services';

/** A tab that shows a PDF in the browser's own viewer, and the catalog entry whose PDF it is (null: none). */
export interface PdfTab {
  address: string;
  entry: CatalogEntry | null;
}

/**
 * Whether the tab shows a PDF, and where. Chromium's PDF viewer is a document of type `application/pdf` in which
 * the extension may run a line of script; Firefox's (PDF.js) lets no extension script in, so there the address
 * decides (`looksLikePdfAddress`). The extension's own viewer is not "a PDF to open": it is already open there.
 */
export async function pdfTab(tabId: number, services: BackgroundServices): Promise<PdfTab | null> {
  const [address, type, catalog] = await Promise.all([
    services.tabAddress(tabId),
    services.documentType(tabId),
    services.catalog(),
  ]);
  if (address === null || !/^https?:/i.test(address)) return null;
  const isPdf = type === null ? looksLikePdfAddress(address) : type === 'application/pdf';
  return isPdf ? { address, entry: catalog.findByPdf(address) } : null;
}

/**
 * "Open in Journal Club Reader" (the popup's button, the toolbar button's menu): the tab goes to the extension's
 * viewer with the same PDF, and the catalog's DOI for it when the catalog names it. On a tab that shows no PDF the
 * menu opens the viewer empty in a new tab, where the reader can pick or drop a file.
 */
export async function openInViewer(
  tabId: number,
  services: BackgroundServices,
  orElse: 'nothing' | 'empty-viewer',
): Promise<'opened' | 'not-a-pdf'> {
  const pdf = await pdfTab(tabId, services);
  if (pdf) {
    await services.showInTab(tabId, pdfViewerPath(pdf.address, pdf.entry?.dois[0]));
    return 'opened';
  }
  if (orElse === 'empty-viewer') await services.openExtensionPage(PDF_VIEWER_PATH);
  return 'not-a-pdf';
}

/**
 * The panel's "Read the PDF": the article's PDF in the viewer, in a new tab beside the page. The catalog's PDF
 * first (the club chose it), else the one the page names (`citation_pdf_url`), with the article's DOI either way.
 */
export async function readPdf(tabId: number, services: BackgroundServices): Handled<'pdf-read'> {
  const record = await services.tabs.get(tabId);
  const entry = record?.entryId ? (await services.catalog()).get(record.entryId) : null;
  const pdf = entry?.pdfUrl ?? record?.article?.pdfUrl ?? null;
  if (!record || pdf === null) return refused(i18n.t('errors.noPdf'));
  await services.openExtensionPage(pdfViewerPath(pdf, record.article?.doi ?? entry?.dois[0]));
  return ok(null);
}
