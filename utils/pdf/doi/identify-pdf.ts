import type { PDFDocumentProxy } from 'pdfjs-dist';
import { chooseArticleDoi, type PdfDoi } from './article-doi';
import { type PageEvidence, pageEvidence } from './page-evidence';
import { readMetadata, readPage } from './read-pdf';

/**
 * What the extension needs to know of an open PDF before showing a club: the article's own DOI (and which part
 * of the file gave it), a title to show, and whether the file has text at all (a scan has none, and the viewer
 * says so plainly rather than offering highlights that cannot be made).
 */
export interface PdfIdentity {
  /** The article's DOI, or null: "not found" rather than a DOI the article merely cites. */
  doi: PdfDoi | null;
  /** XMP `dc:title`, else the Info dictionary's Title; for display. */
  title: string | null;
  /** Whether any of the pages read has text. False for a scan with no text layer. */
  hasText: boolean;
  /** How many pages were read: the first few, more only while the answer depends on them. */
  pagesRead: number;
}

/** The first pages hold the article's header and citation line; past them come body and references. */
export const LEADING_PAGES = 8;
/** The last pages hold back matter ("Cite this article", a DOI line) in web pages printed to PDF. */
export const TRAILING_PAGES = 2;
/** The whole search, however slow the file's pages are to extract: past it, no further page is read. */
export const IDENTIFY_BUDGET_MS = 15_000;
/** Enough pages to tell a scan (no text on any) from a file whose first page is only a cover image. */
const TEXT_CHECK_PAGES = 3;

/**
 * Reads the PDF's metadata, then its pages one at a time, stopping as soon as the DOI is settled (and some text
 * is seen): a 500-page file costs its first page or two. Never throws; `signal` and a time budget stop it between pages.
 */
export async function identifyPdf(
  pdf: PDFDocumentProxy,
  options: { url?: string; signal?: AbortSignal } = {},
): Promise<PdfIdentity> {
  const deadline = performance.now() + IDENTIFY_BUDGET_MS;
  const metadata = await readMetadata(pdf);
  const schedule = pageSchedule(pdf.numPages);
  const pages: PageEvidence[] = [];
  const evidence = () => ({
    address: options.url ?? null,
    xmp: metadata.xmpDois,
    info: metadata.infoDois,
    pages,
  });
  let choice = chooseArticleDoi(evidence(), schedule.length > 0);
  for (const [index, { number, trailing }] of schedule.entries()) {
    const hasText = pages.some((page) => page.hasText);
    if (choice !== 'read-more' && (hasText || pages.length >= TEXT_CHECK_PAGES)) break;
    if (options.signal?.aborted || performance.now() > deadline) break;
    const { text, linkUrls } = await readPage(pdf, number);
    pages.push(pageEvidence(number, text, linkUrls, trailing));
    if (choice === 'read-more') choice = chooseArticleDoi(evidence(), index < schedule.length - 1);
  }
  // Stopped by the budget or the signal before the pages settled it: decide on what was read.
  if (choice === 'read-more') choice = chooseArticleDoi(evidence(), false);
  return {
    doi: typeof choice === 'string' ? null : choice,
    title: metadata.title,
    hasText: pages.some((page) => page.hasText),
    pagesRead: pages.length,
  };
}

/** Pages 1 to {@link LEADING_PAGES}, then the last {@link TRAILING_PAGES} not already among them. */
export function pageSchedule(pageCount: number): { number: number; trailing: boolean }[] {
  const schedule: { number: number; trailing: boolean }[] = [];
  for (let n = 1; n <= Math.min(pageCount, LEADING_PAGES); n++) schedule.push({ number: n, trailing: false });
  for (let n = Math.max(LEADING_PAGES + 1, pageCount - TRAILING_PAGES + 1); n <= pageCount; n++) {
    schedule.push({ number: n, trailing: true });
  }
  return schedule;
}
