import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectDemoOpening } from '../support/page-text';
import { startFixtureServer } from '../support/server.mjs';

/**
 * Review F1 in Firefox ESR (the firefox-mv2 build). Its moz-extension address is random per install, so a page
 * cannot guess it; these tests pin it (a profile preference) and hand it to the attacker anyway, and check that a
 * frame of it gets nothing once the tab has left the article, nor inside the article without the panel's ticket.
 * (The ticket itself is out of the test's reach here: Firefox's remote agent opens no extension page.) Firefox does not let the test read inside an extension frame, so what a frame shows is
 * judged from its pixels: an empty panel page is one flat colour, which PNG compresses to almost nothing, where
 * the panel's text does not. `FIREFOX_BUILD` names another build (an older one, to see the attacks work there).
 */
const FIREFOX = '/usr/bin/firefox-esr';
const BUILD = process.env.FIREFOX_BUILD ?? fileURLToPath(new URL('../../.output/firefox-mv2/', import.meta.url));
const ready = existsSync(FIREFOX) && existsSync(`${BUILD}/manifest.json`);
if (!ready) console.warn(`Skipping the Firefox F1 tests: ${existsSync(FIREFOX) ? BUILD : FIREFOX} is absent.`);

/** Below this many bytes a 400 × 600 screenshot is blank (4–7 KB measured); the panel with its text is about 60 KB. */
const BLANK_PNG_BYTES = 15_000;
const FRAME_STYLE =
  'position:fixed;left:0;top:120px;width:400px;height:600px;border:0;z-index:2147483647;background:#fff';

const EMBEDDING_PAGE = `<!doctype html><html><head><title>Elsewhere</title></head><body><h1>Just a blog</h1>
<script>
  const frame = document.createElement('iframe');
  frame.id = 'stranger';
  frame.src = new URLSearchParams(location.search).get('panel');
  frame.style.cssText = '${FRAME_STYLE}';
  document.body.append(frame);
</script></body></html>`;

let browser: Browser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let evil: { origin: string; close(): void };

/** The extension's address in this profile: Firefox picks a random one per install; the test pins it. */
const UUID = '6a1e0c3b-5d4f-4e2a-9b8c-7d6e5f4a3b2c';
const PANEL = `moz-extension://${UUID}/panel.html`;

/** Whether the stranger frame shows anything at all after it had time to load. */
async function strangerShowsSomething(page: Page): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const frame = await page.waitForSelector('#stranger');
  const png = await frame?.screenshot({ type: 'png' });
  if (process.env.F1_SHOTS && png) (await import('node:fs')).writeFileSync(`/tmp/f1-${Date.now()}.png`, png);
  return (png?.length ?? 0) > BLANK_PNG_BYTES;
}

describe.skipIf(!ready)('F1 in Firefox: a frame the panel script did not create gets nothing', () => {
  beforeAll(async () => {
    server = await startFixtureServer();
    const http = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(EMBEDDING_PAGE);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const address = http.address();
    evil = {
      origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      close: () => {
        http.closeAllConnections();
        http.close();
      },
    };
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ 'journal-club-reader@researchimpact.example': UUID }),
      },
    });
    await browser.installExtension(BUILD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    evil?.close();
  });

  /** The demo article with a highlight the reader tied to question 1, its panel open. */
  async function articleWithHighlight(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/demo-article.html`);
    await page.waitForSelector('journal-club-panel', { timeout: 15_000 });
    await selectDemoOpening(page);
    const tie = await page.waitForSelector('journal-club-toolbar >>> button[aria-label^="Tie to question 1"]', {
      visible: true,
    });
    await tie?.click();
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('jc-q0')?.size ?? 0), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(1);
    return page;
  }

  /** Follows a link from `page` to the attacker's page framing `address`. */
  async function followLinkTo(page: Page, address: string): Promise<void> {
    await page.evaluate(
      (href) => {
        const link = document.createElement('a');
        link.href = href;
        link.id = 'evil-link';
        link.textContent = 'Read the blog';
        link.style.cssText = 'position:fixed;left:10px;top:10px;z-index:10;background:#fff';
        document.body.append(link);
      },
      `${evil.origin}/blog.html?panel=${encodeURIComponent(address)}`,
    );
    await Promise.all([page.waitForNavigation(), page.click('#evil-link')]);
    expect(page.url()).toContain(evil.origin);
  }

  it('the check itself: the panel frame the extension made shows the panel', async () => {
    const page = await articleWithHighlight();
    await page.evaluate(() => {
      const host = document.querySelector('journal-club-panel') as HTMLElement;
      host.id = 'stranger';
    });
    expect(await strangerShowsSomething(page)).toBe(true);
    await page.close();
  });

  it('(b) after following a link to a page with no DOI, a frame of the panel address gets nothing', async () => {
    const page = await articleWithHighlight();
    await followLinkTo(page, PANEL);
    expect(await strangerShowsSomething(page)).toBe(false);
    await page.close();
  });

  it('a frame of the panel address without the ticket, inside the club article, gets nothing', async () => {
    const page = await articleWithHighlight();
    await page.evaluate(
      (src, style) => {
        const frame = document.createElement('iframe');
        frame.id = 'stranger';
        frame.src = src;
        frame.style.cssText = style;
        document.body.append(frame);
      },
      PANEL,
      FRAME_STYLE,
    );
    expect(await strangerShowsSomething(page)).toBe(false);
    await page.close();
  });
});
