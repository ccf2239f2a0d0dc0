import { createServer } from 'node:http';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../browser.mjs';

/**
 * The demo article printed to PDF by Chromium's own print (`page.pdf()`), as a reader's "Save as PDF" makes it,
 * on small pages so that its paragraphs run over page breaks. Printed in a browser of its own, without the
 * extension, so the panel is not in the print. The DOI is in the article's text (its banner's doi.org link).
 */
export async function printDemoPdf(origin: string): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/demo-article.html`);
    return new Uint8Array(await page.pdf({ width: '5in', height: '5in', printBackground: false }));
  } finally {
    await browser.close();
  }
}

/** Serves one PDF on loopback, as a publisher's server would (`application/pdf`); returns its address. */
export async function servePdf(bytes: Uint8Array, path = '/article.pdf') {
  const server = createServer((request, response) => {
    if (request.url !== path) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(bytes.byteLength) });
    response.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    // The browser keeps its connection alive; closing it lets the server stop at once.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The viewer page's address for a PDF. */
export const viewerUrl = (extensionId: string, file?: string) =>
  `chrome-extension://${extensionId}/pdf.html${file ? `?file=${encodeURIComponent(file)}` : ''}`;

/**
 * Selects, as a reader would, from the last `before` characters of one page's text layer to the first `after`
 * characters of the next: all but the last character by script, the last by a real Shift+ArrowRight (the
 * extension offers only selections the reader's own input made). Returns the selected text as the DOM has it.
 */
export async function selectAcrossPageBreak(page: Page, firstPage: number, before = 12, after = 6): Promise<string> {
  await page.evaluate(
    ({ first, before, after }) => {
      const textNodes = (number: number) => {
        const layer = document.querySelector(`.page[data-page-number="${number}"] .textLayer`);
        const walker = document.createTreeWalker(layer as Node, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if ((node as Text).data.trim()) nodes.push(node as Text);
        }
        return nodes;
      };
      const last = textNodes(first).at(-1) as Text;
      const next = textNodes(first + 1)[0] as Text;
      const range = document.createRange();
      range.setStart(last, Math.max(0, last.data.length - before));
      range.setEnd(next, Math.min(next.data.length, after) - 1);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    },
    { first: firstPage, before, after },
  );
  await page.keyboard.down('Shift');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.up('Shift');
  return page.evaluate(() => getSelection()?.toString() ?? '');
}
