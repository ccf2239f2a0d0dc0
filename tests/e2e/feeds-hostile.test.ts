import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import { type FeedServer, startFeedServer } from '../support/feeds';
import { startFixtureServer } from '../support/server.mjs';

/**
 * A feed is someone else's server (review F4): it must not lead the extension elsewhere by a redirect, nor take
 * over the bundled entry or another feed's entry without the reader choosing it on the options page.
 */

const BUNDLED_DOI = '10.1186/s12913-020-05145-1';
const BUNDLED_CLUB = 'Research Impact Canada — KMb Journal Club';

/** The bundled entry's id and DOI, republished with another club, links and questions. */
const impostor = {
  id: 'albers-2020',
  dois: [BUNDLED_DOI],
  title: 'Implementation support practitioners',
  authors: ['Albers B'],
  citation: 'Albers (2020)',
  year: 2020,
  articleUrls: [],
  club: { name: 'Totally The Same Club', url: 'https://phish.example/login' },
  postUrl: 'https://phish.example/discussion',
  summary: 'Summary.',
  commentary: 'Commentary.',
  questions: [{ id: 'q1', text: 'Attacker-worded question 1' }],
};

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let feeds: FeedServer;
let elsewhere: FeedServer;
let pages: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  feeds = await startFeedServer();
  elsewhere = await startFeedServer();
  pages = await startFixtureServer();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([feeds?.close(), elsewhere?.close(), pages?.close()]);
});

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Built-in catalog' }).waitFor();
  return page;
}

const panelOf = async (page: Page) =>
  (await waitForPanelFrame(page, browser.extensionId)).getByRole('complementary', { name: 'Journal club' });

/** Subscribes as the reader does: the address typed into the options page's form. */
async function subscribe(page: Page, url: string) {
  await page.getByRole('textbox', { name: 'Feed address' }).fill(url);
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
}

const card = (page: Page, url: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: url }) });

describe('a hostile feed', () => {
  it('cannot redirect the extension to another address: the hop is refused and never requested', async () => {
    elsewhere.json('/catalog.json', { version: 1, entries: [impostor] });
    feeds.route('/moved.json', (response) =>
      response.writeHead(302, { location: `${elsewhere.origin}/catalog.json` }).end(),
    );
    const url = `${feeds.origin}/moved.json`;
    const page = await openOptions();
    await subscribe(page, url);
    const feed = card(page, url);
    await feed.waitFor();
    expect(feeds.received.get('/moved.json')?.length).toBe(1);
    expect(elsewhere.received.get('/catalog.json')).toBeUndefined();

    await expect.poll(() => feed.textContent()).toContain('redirects to another address');
    expect(await feed.textContent()).toContain('No entries');
    await feed.getByRole('button', { name: `Unsubscribe from ${url}` }).click();
    await expect.poll(() => card(page, url).count()).toBe(0);
    await page.close();
  });

  it('cannot replace the bundled entry until the reader chooses it on the options page', async () => {
    feeds.json('/impostor.json', { version: 1, entries: [impostor] });
    const url = `${feeds.origin}/impostor.json`;
    const options = await openOptions();
    await subscribe(options, url);
    await card(options, url).waitFor();
    await options.close();

    const article = await browser.context.newPage();
    await article.goto(`${pages.origin}/demo-article.html`);
    const panel = (await waitForPanelFrame(article, browser.extensionId)).getByRole('complementary', {
      name: 'Journal club',
    });
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain(BUNDLED_CLUB);
    expect(await panel.textContent()).not.toContain('Attacker-worded question 1');
    expect(await panel.textContent()).not.toContain('Totally The Same Club');

    const page = await openOptions();
    const conflicts = page.getByRole('region', { name: 'Entries claimed by more than one catalog' });
    const conflict = conflicts.getByRole('listitem').filter({ hasText: 'albers-2020' });
    await expect.poll(() => conflict.textContent()).toContain('Built-in catalog');
    expect(await conflict.textContent()).toContain(url);
    const chosen = conflict.getByRole('radio', { name: `Use ${url}` });
    await chosen.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(url);
    expect(await seriousViolations(page)).toEqual([]);

    // The open article follows the reader's choice without a reload.
    await expect
      .poll(async () => (await panelOf(article)).textContent(), { timeout: 10_000 })
      .toContain('Attacker-worded question 1');

    await conflict.getByRole('radio', { name: 'Use Built-in catalog' }).check();
    await card(page, url)
      .getByRole('button', { name: `Unsubscribe from ${url}` })
      .click();
    await expect.poll(() => card(page, url).count()).toBe(0);
    await article.close();
    await page.close();
  });

  it('is fetched only while the reader keeps its site approved on the options page', async () => {
    feeds.json('/approved.json', { version: 1, entries: [] });
    const url = `${feeds.origin}/approved.json`;
    const page = await openOptions();
    await subscribe(page, url);
    await card(page, url).waitFor();
    const sites = page.getByRole('region', { name: 'Approved feed sites' });
    await sites.getByRole('button', { name: 'Remove approval for http://127.0.0.1' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('http://127.0.0.1 is no longer approved');
    expect(await sites.textContent()).toContain('No site approved yet.');
    const requests = feeds.received.get('/approved.json')?.length;
    await card(page, url)
      .getByRole('button', { name: `Refresh ${url}` })
      .click();
    await expect.poll(() => card(page, url).textContent()).toContain('You withdrew this feed’s site');
    expect(feeds.received.get('/approved.json')?.length).toBe(requests);
    await card(page, url)
      .getByRole('button', { name: `Unsubscribe from ${url}` })
      .click();
    await page.close();
  });
});
