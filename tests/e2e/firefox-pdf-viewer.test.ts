import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDemoPdf, servePdf } from '../support/pdf-viewer/demo-pdf';
import { startFixtureServer } from '../support/server.mjs';

/**
 * The PDF viewer in Firefox ESR (the firefox-mv2 build). Firefox's remote agent may not navigate to an extension
 * page, so the viewer is reached as a reader with the extension reaches it from a link: a share link to the PDF
 * (`…/article.pdf#jc=…`), which the background turns into the viewer on that PDF. The payload here names no
 * highlight; what is tested is the viewer, the panel, a highlight across a page break, and a reload.
 */
const FIREFOX = '/usr/bin/firefox-esr';
const BUILD = fileURLToPath(new URL('../../.output/firefox-mv2/', import.meta.url));
const ready = existsSync(FIREFOX) && existsSync(`${BUILD}manifest.json`);
if (!ready) console.warn(`Skipping the Firefox PDF viewer test: ${existsSync(FIREFOX) ? BUILD : FIREFOX} is absent.`);

let browser: Browser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let served: Awaited<ReturnType<typeof servePdf>>;

const painted = (page: Page, name: string) =>
  page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((range) => range.toString().replace(/\s+/g, '')), name);
const textLayersDrawn = (page: Page, count: number) =>
  page.waitForFunction(
    (n) => document.querySelectorAll('.page .textLayer .endOfContent').length >= n,
    { timeout: 20_000 },
    count,
  );

describe.skipIf(!ready)('the PDF viewer in Firefox', () => {
  beforeAll(async () => {
    server = await startFixtureServer();
    served = await servePdf(await printDemoPdf(server.origin));
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: true,
    });
    await browser.installExtension(BUILD);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await server?.close();
  });

  it('shows the PDF with the club’s panel, keeps a highlight across a page break, and finds it after a reload', async () => {
    const page = await browser.newPage();
    // The redirect to the viewer ends the navigation the agent waits for: its own outcome does not matter.
    await page.goto(`${served.url}#jc=x`, { timeout: 5_000 }).catch(() => undefined);
    await page.waitForFunction(() => document.querySelector('journal-club-panel') !== null, { timeout: 20_000 });
    await textLayersDrawn(page, 2);
    await page.evaluate(() => {
      const nodes = (n: number) => {
        const layer = document.querySelector(`.page[data-page-number="${n}"] .textLayer`) as Node;
        const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
        const found: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode())
          if ((node as Text).data.trim()) found.push(node as Text);
        return found;
      };
      const last = nodes(1).at(-1) as Text;
      const next = nodes(2)[0] as Text;
      const range = document.createRange();
      range.setStart(last, Math.max(0, last.data.length - 12));
      range.setEnd(next, 5);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    await page.keyboard.down('Shift');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.up('Shift');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.keyboard.press('2');
    await expect.poll(() => painted(page, 'jc-q1'), { timeout: 10_000 }).toHaveLength(1);
    const [drawn] = await painted(page, 'jc-q1');

    await page.evaluate(() => {
      (window as { beforeReload?: boolean }).beforeReload = true;
      location.reload();
    });
    // A new document: the mark set before the reload is gone.
    await page.waitForFunction(() => !(window as { beforeReload?: boolean }).beforeReload, { timeout: 10_000 });
    await textLayersDrawn(page, 2);
    await expect.poll(() => painted(page, 'jc-q1'), { timeout: 15_000 }).toEqual([drawn]);
  });
});
