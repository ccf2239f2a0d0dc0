import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { identifyPdf } from '../../utils/pdf/doi/identify-pdf';
import { openPdf } from '../../utils/pdf/open-pdf';
import { loadFixturePages } from '../support/dom/fixtures';
import { testPdfAssets } from '../support/pdf/test-assets';

/**
 * The six real publisher pages (../shared/fixtures/pages), printed to PDF by Chromium as a reader's "Save as
 * PDF" would: no XMP, no address, the DOI only somewhere in the text (page 1 on PMC, page 2 on arXiv, pages 4–5
 * on PLOS, Frontiers and Springer, the last page on Nature, after 15 pages of references).
 */
const pages = await loadFixturePages();
if (pages.length === 0) console.warn('Skipping the printed real pages: ../shared/fixtures/pages is absent.');

describe.skipIf(pages.length === 0)('the DOI of a real article page printed to PDF', () => {
  it.each(pages.map((page) => [page.site, page] as const))(
    '%s',
    async (_site, page) => {
      const base64 = await commands.printToPdf(page.html);
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const opened = await openPdf({ kind: 'bytes', data, name: `${page.site}.pdf` }, testPdfAssets);
      if (!opened.ok) throw new Error(opened.message);
      try {
        const identity = await identifyPdf(opened.pdf);
        expect(identity.doi).toEqual({ doi: page.doi, source: 'page-text' });
        expect(identity.hasText).toBe(true);
        expect(identity.pagesRead).toBeLessThanOrEqual(10);
        console.info(`${page.site}: ${opened.pdf.numPages} pages, DOI after reading ${identity.pagesRead}`);
      } finally {
        await opened.pdf.loadingTask.destroy();
      }
    },
    30_000,
  );
});
