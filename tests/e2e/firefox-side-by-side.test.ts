import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../support/server.mjs';

/**
 * Side by side in Firefox ESR, on the demo article (the Firefox build, over WebDriver BiDi, as in
 * firefox.test.ts): the room is made in a wide window, given back in a narrow one, and the width handle follows
 * the pointer.
 */
const FIREFOX = '/usr/bin/firefox-esr';
const BUILD = fileURLToPath(new URL('../../.output/firefox-mv2/', import.meta.url));
const ready = existsSync(FIREFOX) && existsSync(`${BUILD}manifest.json`);
if (!ready) console.warn(`Skipping side by side in Firefox: ${existsSync(FIREFOX) ? BUILD : FIREFOX} is absent.`);

let browser: Browser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;

/** The demo article's paragraphs that lie under the panel, the panel's box, and the root element's padding. */
function layout(page: Page) {
  return page.evaluate(() => {
    const panel = document.querySelector('journal-club-panel')?.getBoundingClientRect();
    const under = [...document.querySelectorAll('article p')].filter((p) => {
      const box = p.getBoundingClientRect();
      return panel !== undefined && box.width > 0 && box.right > panel.left && box.left < panel.right;
    });
    const scroller = document.scrollingElement as Element;
    return {
      under: under.length,
      panelWidth: Math.round(panel?.width ?? 0),
      padding: document.documentElement.style.getPropertyValue('padding-right'),
      sideways: scroller.scrollWidth - scroller.clientWidth,
    };
  });
}

describe.skipIf(!ready)('side by side in Firefox', () => {
  beforeAll(async () => {
    server = await startFixtureServer();
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
    await server?.close();
  });

  it('makes room beside the panel at 1280 × 800, follows the window, and takes a new width from the handle', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${server.origin}/demo-article.html`);
    await page.waitForSelector('journal-club-panel', { timeout: 15_000 });
    await expect.poll(() => layout(page), { timeout: 10_000 }).toMatchObject({ under: 0, padding: '414px' });
    expect((await layout(page)).sideways).toBe(0);

    await page.setViewport({ width: 900, height: 800 });
    await expect.poll(() => layout(page), { timeout: 5_000 }).toMatchObject({ padding: '' });
    expect((await layout(page)).under).toBeGreaterThan(0);

    await page.setViewport({ width: 1280, height: 800 });
    await expect.poll(() => layout(page), { timeout: 5_000 }).toMatchObject({ under: 0, padding: '414px' });

    const left = await page.evaluate(() => document.querySelector('journal-club-panel')?.getBoundingClientRect().left);
    await page.mouse.move((left ?? 0) + 4, 400);
    await page.mouse.down();
    await page.mouse.move((left ?? 0) - 46, 400, { steps: 4 });
    await page.mouse.move((left ?? 0) - 96, 400, { steps: 4 });
    await page.mouse.up();
    await expect
      .poll(() => layout(page), { timeout: 5_000 })
      .toMatchObject({ panelWidth: 500, padding: '514px', under: 0 });
    await page.close();
  });
});
