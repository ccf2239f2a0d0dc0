import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { seriousViolations } from '../support/axe';
import { launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import { type FeedServer, startFeedServer, subscribeToFeed } from '../support/feeds';
import { openPopupFor, tabIdOf } from '../support/popup';
import { NoticeProbe } from '../support/post-notice-probe';
import { startFixtureServer } from '../support/server.mjs';
import { postEntryFeed } from '../support/test-catalog.mjs';

/** The extension APIs as the service worker sees them (Chromium's promise-returning `chrome`). */
declare const chrome: Browser;

const ARTICLE_TITLE = 'A study the club discussed from its post';
const READ = "Read the article with the club's questions";

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let feeds: FeedServer;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  feeds = await startFeedServer();
  feeds.json('/post-feed.json', postEntryFeed(server.origin));
  const reply = await subscribeToFeed(browser.context, browser.extensionId, `${feeds.origin}/post-feed.json`);
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, value: { status: 'subscribed' } });
});

afterAll(async () => {
  await browser?.close();
  await feeds?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

async function toolbarButton(page: Page): Promise<{ text: string; title: string }> {
  const tabId = await tabIdOf(browser, page);
  return browser.worker.evaluate(
    async (id: number) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    }),
    tabId,
  );
}

/** The popup pointed at `target`'s tab, once its reading list is shown. */
async function openPopup(target: Page): Promise<Page> {
  const popup = await openPopupFor(browser, target);
  await popup.getByRole('list', { name: 'Reading list' }).waitFor();
  return popup;
}

/** Waits for the article's tab that the reader's action opened, at the article's address. */
async function articleOpened(action: () => Promise<void>): Promise<Page> {
  const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
  await action();
  const page = await opened;
  await page.waitForURL(`${server.origin}/post-article.html`, { timeout: 10_000 });
  return page;
}

/** Whether keyboard focus is on the panel's article title, in the panel frame. */
async function panelOpenAndFocused(page: Page): Promise<boolean> {
  const frame = await waitForPanelFrame(page, browser.extensionId);
  const layout = await page.locator('journal-club-panel').getAttribute('data-layout');
  const focused = await frame.evaluate(() => document.activeElement?.id === 'article-title');
  return layout === 'open' && focused;
}

describe('on the club’s post', () => {
  it('the toolbar button, the popup and the page offer the article; the popup’s button opens it with its panel', async () => {
    const post = await open('/club-post.html?utm_source=newsletter&utm_medium=email#comments');
    const notice = await NoticeProbe.on(post);
    await expect.poll(() => notice.present(), { timeout: 10_000 }).toBe(true);
    expect(await toolbarButton(post)).toEqual({
      text: 'POST',
      title: "Club post: read the article with the club's questions (click for the button)",
    });
    expect(await notice.text()).toContain(`This is the club's discussion of ${ARTICLE_TITLE}`);
    expect(await notice.text()).toContain(READ);
    // The post's page reads as before: no panel, and the detector took nothing there for an article.
    expect(await post.locator('journal-club-panel').count()).toBe(0);

    const popup = await openPopup(post);
    const status = popup.getByRole('region', { name: 'This page' });
    await expect.poll(() => status.textContent()).toContain(`This is the club's discussion of “${ARTICLE_TITLE}”`);
    expect(await seriousViolations(popup)).toEqual([]);
    const article = await articleOpened(() => popup.getByRole('button', { name: READ }).click());
    await expect.poll(() => panelOpenAndFocused(article), { timeout: 15_000 }).toBe(true);
    expect(await toolbarButton(article)).toMatchObject({ text: 'JC' });
    await article.close();
    await post.close();
  });

  it('the notice’s button, clicked by the reader, opens the article with its panel open; a script’s click does nothing', async () => {
    const post = await open('/club-post.html');
    const notice = await NoticeProbe.on(post);
    await expect.poll(() => notice.present(), { timeout: 10_000 }).toBe(true);
    expect(await notice.seriousViolations()).toEqual([]);

    const pagesBefore = browser.context.pages().length;
    await notice.scriptClick('notice__read');
    await notice.scriptClick('notice__dismiss');
    await post.waitForTimeout(1_000);
    expect(browser.context.pages()).toHaveLength(pagesBefore);
    expect(await notice.present()).toBe(true);

    const article = await articleOpened(() => notice.click('notice__read'));
    await expect.poll(() => panelOpenAndFocused(article), { timeout: 15_000 }).toBe(true);
    const frame = await waitForPanelFrame(article, browser.extensionId);
    expect(await frame.getByRole('complementary').textContent()).toContain('What would you change first?');
    await article.close();
    await post.close();
  });

  it('the notice is reached and dismissed by keyboard, and stays dismissed for that post in the session', async () => {
    const post = await open('/club-post.html');
    const notice = await NoticeProbe.on(post);
    await expect.poll(() => notice.present(), { timeout: 10_000 }).toBe(true);
    // Tab goes through the post's links, then into the notice (after the page, as the host is last).
    const hostFocused = () => post.evaluate(() => document.activeElement?.localName === 'journal-club-post-notice');
    for (let i = 0; i < 10 && !(await hostFocused()); i++) await post.keyboard.press('Tab');
    expect(await hostFocused()).toBe(true);
    await post.keyboard.press('Escape');
    await expect.poll(() => notice.present()).toBe(false);

    await post.reload();
    await post.waitForTimeout(1_000);
    expect(await notice.present()).toBe(false);
    // The toolbar button and the popup still offer the article.
    expect(await toolbarButton(post)).toMatchObject({ text: 'POST' });
    await post.close();
  });
});

describe('elsewhere', () => {
  it.each([
    ['another page of the club’s site', '/club-post.html?page=2'],
    ['a page without an article', '/not-article.html'],
  ])('%s shows no notice and no POST badge', async (_, path) => {
    const page = await open(path);
    await page.waitForTimeout(1_000);
    expect(await (await NoticeProbe.on(page)).present()).toBe(false);
    expect((await toolbarButton(page)).text).toBe('');
    await page.close();
  });

  it('a tab that leaves the post for another page loses the badge', async () => {
    const page = await open('/club-post.html?fbclid=abc');
    await expect.poll(async () => (await toolbarButton(page)).text, { timeout: 10_000 }).toBe('POST');
    await page.goto(`${server.origin}/not-article.html`);
    await page.waitForTimeout(1_000);
    expect((await toolbarButton(page)).text).toBe('');
    expect(await (await NoticeProbe.on(page)).present()).toBe(false);
    await page.close();
  });
});

// Last: it takes the test feed away.
describe('when the catalog changes', () => {
  // Its notice was dismissed above, so the badge tells: the notice's script still runs there, and answers.
  it('a post already open loses its POST badge as soon as its feed is unsubscribed', async () => {
    const post = await open('/club-post.html');
    await expect.poll(async () => (await toolbarButton(post)).text, { timeout: 10_000 }).toBe('POST');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const reply = await options.evaluate(
      (url) => chrome.runtime.sendMessage({ type: 'feed-unsubscribe', url }),
      `${feeds.origin}/post-feed.json`,
    );
    expect(reply).toMatchObject({ ok: true });
    await expect.poll(async () => (await toolbarButton(post)).text, { timeout: 10_000 }).toBe('');
    expect((await toolbarButton(post)).title).toBe('Journal Club Reader: no article detected on this page');
    await options.close();
    await post.close();
  });
});
