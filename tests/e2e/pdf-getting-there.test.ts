import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { launchWithExtension } from '../support/browser.mjs';
import { type FeedServer, startFeedServer, subscribeToFeed } from '../support/feeds';
import { articlePdf, textPage } from '../support/pdf/article-pdf';
import { postEntryFeed } from '../support/test-catalog.mjs';

/** The extension APIs as its pages and service worker see them (Chromium's promise-returning `chrome`). */
declare const chrome: Browser;

/**
 * The ways to a PDF article in the extension's viewer, in Chromium with the built extension: the option that
 * opens the catalog's PDFs directly (declarativeNetRequest), which must never catch a PDF the catalog does not
 * name, and the popup's "Open in Journal Club Reader" on a tab showing a PDF in the browser's own viewer.
 */
let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let site: FeedServer;
const CLUB_PDF = '/papers/club-article.pdf';

beforeAll(async () => {
  browser = await launchWithExtension();
  site = await startFeedServer();
  const pdf = (path: string, doi: string) =>
    site.route(path, (response) =>
      response
        .writeHead(200, { 'content-type': 'application/pdf' })
        .end(Buffer.from(articlePdf({ pages: [textPage('A club article', `https://doi.org/${doi}`, 'Its text.')] }))),
    );
  const feed = postEntryFeed(site.origin);
  const entry = { ...feed.entries[0], pdfUrl: `${site.origin}${CLUB_PDF}` };
  pdf(CLUB_PDF, entry.dois?.[0] ?? '');
  pdf('/papers/another-article.pdf', '10.5555/not-in-the-catalog');
  site.json('/feed.json', { ...feed, entries: [entry] });
  const reply = await subscribeToFeed(browser.context, browser.extensionId, `${site.origin}/feed.json`);
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, value: { status: 'subscribed' } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const viewerPrefix = () => `chrome-extension://${browser.extensionId}/pdf.html?`;

/** Where a tab that goes to `path` ends up: the browser may show a PDF, or download it (headless), or redirect. */
async function landing(path: string): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(`${site.origin}${path}`).catch(() => undefined);
  await page.waitForLoadState('domcontentloaded').catch(() => undefined);
  const url = page.url();
  await page.close();
  return url;
}

async function setOption(open: boolean): Promise<unknown> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const reply = await options.evaluate(
    (value) => chrome.runtime.sendMessage({ type: 'pdf-redirect-setting', open: value }),
    open,
  );
  await options.close();
  return reply;
}

/** The rules the browser holds now, asked of the service worker. */
const dynamicRules = () => browser.worker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules());

describe('opening the club’s PDFs in the viewer', () => {
  it('is off by default: the catalog’s PDF opens as the browser opens it', async () => {
    expect(await dynamicRules()).toEqual([]);
    expect(await landing(CLUB_PDF)).not.toContain(viewerPrefix());
  });

  it('once on, takes the catalog’s PDF to the viewer with its DOI, and never another PDF', async () => {
    expect(await setOption(true)).toEqual({ ok: true, value: true });
    // One rule per PDF the catalog names: the bundled entry's and the subscribed feed's.
    await expect.poll(async () => (await dynamicRules()).length).toBe(2);
    const landed = new URL(await landing(CLUB_PDF));
    expect(landed.href.startsWith(viewerPrefix())).toBe(true);
    expect(landed.searchParams.get('file')).toBe(`${site.origin}${CLUB_PDF}`);
    expect(landed.searchParams.get('doi')).toBe(postEntryFeed(site.origin).entries[0]?.dois[0]);
    for (const stranger of ['/papers/another-article.pdf', `${CLUB_PDF}?version=2`, '/papers/CLUB-ARTICLE.pdf']) {
      expect(await landing(stranger), stranger).not.toContain(viewerPrefix());
    }
  });

  it('once off again, leaves every PDF to the browser', async () => {
    expect(await setOption(false)).toEqual({ ok: true, value: false });
    await expect.poll(async () => (await dynamicRules()).length).toBe(0);
    expect(await landing(CLUB_PDF)).not.toContain(viewerPrefix());
  });
});

describe('“Open in Journal Club Reader” from the popup', () => {
  it('on the catalog’s PDF in the browser’s viewer, names the article and moves the tab to the viewer', async () => {
    const pdfTab = await browser.context.newPage();
    await pdfTab.goto(`${site.origin}${CLUB_PDF}`).catch(() => undefined);
    const tabId = await browser.worker.evaluate(async (url: string) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
      return tab?.id ?? null;
    }, `${site.origin}${CLUB_PDF}`);
    // Headless Chromium may download a PDF rather than show it: then there is no PDF tab to test here.
    if (tabId === null) return void console.warn('skipped: this Chromium downloads PDFs instead of showing them');
    const popup: Page = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByText('This is the PDF of “A study the club discussed from its post”').waitFor();
    await popup.getByRole('button', { name: 'Open in Journal Club Reader' }).click();
    await pdfTab.waitForURL((url) => url.href.startsWith(viewerPrefix()), { timeout: 10_000 });
    expect(new URL(pdfTab.url()).searchParams.get('file')).toBe(`${site.origin}${CLUB_PDF}`);
    await pdfTab.close();
  });
});
