import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { seriousViolations } from '../support/axe';
import { launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import { type FeedServer, startFeedServer } from '../support/feeds';

/** The extension APIs as the service worker sees them (Chromium's promise-returning `chrome`). */
declare const chrome: Browser;

const DOI = '10.5555/jc-options-test.2026.001';
const TITLE = 'Feeds that clubs publish themselves';

const entry = (id: string, doi: string, title: string) => ({
  id,
  dois: [doi],
  title,
  authors: ['Test Author'],
  citation: `Citation for ${id}`,
  year: 2026,
  articleUrls: [],
  club: { name: 'Loopback Journal Club', url: 'https://club.example/' },
  postUrl: `https://club.example/posts/${id}`,
  summary: `Summary of ${id}.`,
  commentary: `Commentary on ${id}.`,
  questions: [{ id: 'q1', text: `What does ${id} change?` }],
});

/** An article page for a DOI that only the subscribed feed knows. */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title>
<meta name="citation_title" content="${TITLE}"><meta name="citation_doi" content="${DOI}">
<meta name="dc.rights" content="https://creativecommons.org/licenses/by/4.0/"></head>
<body><article><h1>${TITLE}</h1><p>Clubs publish catalogs as JSON feeds that readers subscribe to.</p></article></body></html>`;

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let feeds: FeedServer;

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.json('/club.json', { version: 1, entries: [entry('feeds-article', DOI, TITLE)] });
  feeds.json('/broken.json', {
    version: 1,
    entries: [
      entry('fine', '10.5555/fine', 'Fine'),
      { ...entry('no-year', '10.5555/no-year', 'No year'), year: 'soon' },
    ],
  });
  feeds.route('/article.html', (response) =>
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
  );
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await feeds?.close();
});

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Built-in catalog' }).waitFor();
  return page;
}

async function subscribe(page: Page, url: string) {
  await page.getByRole('textbox', { name: 'Feed address' }).fill(url);
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
}

const card = (page: Page, url: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: url }) });
/** The page's own live region (the club section below has its own). */
const status = (page: Page) => page.getByRole('status').first();

/** Waits long enough for the detector and the background to have acted, then says whether a panel exists. */
async function hasPanelHost(page: Page): Promise<boolean> {
  await page.waitForTimeout(800);
  return (await page.locator('journal-club-panel').count()) > 0;
}

describe('the options page', () => {
  it('shows the built-in catalog, which cannot be removed, and no feed yet', async () => {
    const page = await openOptions();
    expect(await page.title()).toBe('Journal Club Reader — catalogs');
    const bundled = page.getByRole('region', { name: 'Built-in catalog' });
    expect(await bundled.textContent()).toContain('1 entry');
    expect(await bundled.textContent()).toContain('Research Impact Canada — KMb Journal Club');
    expect(await bundled.getByRole('button').count()).toBe(0);
    expect(await page.getByText('You have not subscribed to any feed yet.').count()).toBe(1);
    await page.close();
  });

  it('schedules the refresh of every feed every six hours', async () => {
    const alarm = await browser.worker.evaluate(() => chrome.alarms.get('feeds-refresh'));
    expect(alarm?.periodInMinutes).toBe(360);
  });

  it('refuses an address that is not https, saying why next to the field, and subscribes nothing', async () => {
    const page = await openOptions();
    await subscribe(page, 'http://club.example/catalog.json');
    const field = page.getByRole('textbox', { name: 'Feed address' });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const error = page.locator('#feed-url-error');
    expect(await error.textContent()).toMatch(/^Only https:\/\/ addresses can be subscribed to/);
    expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain('feed-url-error');
    expect(await status(page).textContent()).toMatch(/^Only https:\/\//);
    expect(await page.getByRole('region', { name: 'Your feeds' }).getByRole('listitem').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feed-url');
    await page.close();
  });

  it('subscribes to a feed, whose entry then brings the panel onto its article; unsubscribing takes it away', async () => {
    const page = await openOptions();
    const url = `${feeds.origin}/club.json`;
    await subscribe(page, url);
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe(`Subscribed to ${url}. Up to date`);
    const feed = card(page, url);
    const text = (await feed.textContent()) ?? '';
    expect(text).toContain('Loopback Journal Club');
    expect(text).toContain('1 entry');
    expect(text).toContain('Up to date');
    expect(text).toMatch(/Last refreshed\w{3} \d{1,2}, \d{4}/);
    expect(await page.getByRole('textbox', { name: 'Feed address' }).inputValue()).toBe('');

    const article = await browser.context.newPage();
    await article.goto(`${feeds.origin}/article.html`);
    const panel = await waitForPanelFrame(article, browser.extensionId);
    const landmark = panel.getByRole('complementary', { name: 'Journal club' });
    await expect.poll(() => landmark.textContent(), { timeout: 10_000 }).toContain(TITLE);
    expect(await landmark.textContent()).toContain('What does feeds-article change?');

    // On demand: a conditional request, answered 304, keeps the copy.
    await feed.getByRole('button', { name: `Refresh ${url}` }).click();
    await expect
      .poll(() => status(page).textContent())
      .toBe(`Refreshed ${url}. Up to date (unchanged since the last refresh)`);
    expect(feeds.received.get('/club.json')?.at(-1)?.['if-none-match']).toBe('"1"');
    expect(feeds.received.get('/club.json')?.at(-1)?.cookie).toBeUndefined();

    await feed.getByRole('button', { name: `Unsubscribe from ${url}` }).click();
    await expect.poll(() => status(page).textContent()).toMatch(/^Unsubscribed from .*your highlights are kept\.$/);
    expect(await card(page, url).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feeds-heading');

    await article.reload();
    expect(await hasPanelHost(article)).toBe(false);
    await article.close();
    await page.close();
  });

  it('brings the panel onto an article already open when its feed is subscribed, and takes it away on unsubscribing', async () => {
    const article = await browser.context.newPage();
    await article.goto(`${feeds.origin}/article.html`);
    expect(await hasPanelHost(article)).toBe(false);

    const page = await openOptions();
    const url = `${feeds.origin}/club.json`;
    await subscribe(page, url);
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe(`Subscribed to ${url}. Up to date`);
    // No reload: the open tab follows the catalog.
    await expect.poll(() => article.locator('journal-club-panel').count(), { timeout: 10_000 }).toBe(1);
    const panel = await waitForPanelFrame(article, browser.extensionId);
    await expect
      .poll(() => panel.getByRole('complementary', { name: 'Journal club' }).textContent(), { timeout: 10_000 })
      .toContain(TITLE);

    await card(page, url)
      .getByRole('button', { name: `Unsubscribe from ${url}` })
      .click();
    await expect.poll(() => article.locator('journal-club-panel').count(), { timeout: 10_000 }).toBe(0);
    await article.close();
    await page.close();
  });

  it('shows a 404 feed with its error, and keeps it listed so the reader can fix or remove it', async () => {
    const page = await openOptions();
    const url = `${feeds.origin}/missing.json`;
    await subscribe(page, url);
    const feed = card(page, url);
    await feed.waitFor();
    const text = (await feed.textContent()) ?? '';
    expect(text).toContain('The server answered with an error: 404 Not Found');
    expect(text).toContain('No entries');
    expect(text).toContain('No copy has been received yet');
    expect(text).toMatch(/Last refreshedNever/);
    await feed.getByRole('button', { name: `Unsubscribe from ${url}` }).click();
    await expect.poll(() => card(page, url).count()).toBe(0);
    await page.close();
  });

  it('names a broken entry and its field, and has no serious or critical accessibility violations', async () => {
    const page = await openOptions();
    const url = `${feeds.origin}/broken.json`;
    await subscribe(page, url);
    const feed = card(page, url);
    await feed.waitFor();
    expect(await feed.textContent()).toContain('1 entry');
    await feed.getByText('1 problem in this feed').click();
    const problem = feed.locator('.feed-errors li');
    expect(await problem.textContent()).toBe('Entry “no-year” (position 2) year: expected a number');
    await page.getByRole('button', { name: 'Refresh all' }).click();
    await expect.poll(() => status(page).textContent()).toBe('1 feed refreshed.');
    await subscribe(page, 'not a url');
    await page.locator('#feed-url-error').waitFor();

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
    }
    await page.close();
  });
});
