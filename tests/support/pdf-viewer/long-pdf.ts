import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../browser.mjs';
import { longArticleHtml, pdfPageCount } from '../pdf/long-article';

/**
 * The demo article lengthened to `pages` printed pages (`long-article.ts`) and printed by Chromium, in a browser
 * of its own with every request refused: the PDF benchmarks' file.
 */
export async function printLongPdf(pages: number): Promise<Uint8Array> {
  const demo = readFileSync(new URL('../../fixtures/demo-article.html', import.meta.url), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    let sections = pages - 1;
    for (;;) {
      await page.setContent(longArticleHtml(demo, sections), { waitUntil: 'domcontentloaded' });
      const pdf = new Uint8Array(await page.pdf({ format: 'A4', printBackground: false }));
      const count = pdfPageCount(pdf);
      // The demo article itself may take more than one page: fewer sections then.
      if (count <= pages || sections === 0) return pdf;
      sections -= count - pages;
    }
  } finally {
    await browser.close();
  }
}
