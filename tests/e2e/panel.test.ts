import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import { type FeedServer, startFeedServer, subscribeToFeed } from '../support/feeds';
import { SHARED_PAGES, startFixtureServer } from '../support/server.mjs';
import { CATALOGED_PAGES, TEST_FEED } from '../support/test-catalog.mjs';

/** The extension APIs as the service worker sees them (Chromium's promise-returning `chrome`). */
declare const chrome: Browser;

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let feeds: FeedServer;

const panelFrame = (page: Page, extensionId = browser.extensionId) => waitForPanelFrame(page, extensionId);
const panel = async (page: Page) => (await panelFrame(page)).getByRole('complementary', { name: 'Journal club' });

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

/** Waits long enough for the detector and the background to have acted, then says whether a panel exists. */
async function hasPanelHost(page: Page): Promise<boolean> {
  await page.waitForTimeout(600);
  return (await page.locator('journal-club-panel').count()) > 0;
}

async function badgeText(page: Page): Promise<string> {
  const url = page.url();
  return browser.worker.evaluate(async (pageUrl: string) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    return tab?.id === undefined ? 'no tab' : chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  feeds = await startFeedServer();
  feeds.json('/test-feed.json', TEST_FEED);
  const reply = await subscribeToFeed(browser.context, browser.extensionId, `${feeds.origin}/test-feed.json`);
  expect(reply).toMatchObject({ ok: true, value: { status: 'subscribed' } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await feeds?.close();
});

describe('the panel on the demo article', () => {
  // Folding is remembered for the article: each test starts from the unfolded panel, whatever the one before did.
  afterEach(async () => {
    await browser.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const opening = indexedDB.open('journal-club');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const clearing = opening.result
              .transaction('articleState', 'readwrite')
              .objectStore('articleState')
              .clear();
            clearing.onsuccess = () => resolve();
            clearing.onerror = () => reject(clearing.error);
          };
        }),
    );
  });

  it('shows the club, the article, its access, every question first, the summary and commentary a tab away, and the discussion link', async () => {
    const page = await open('/demo-article.html');
    const landmark = await panel(page);
    await expect.poll(() => landmark.count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => landmark.getByRole('link', { name: 'Research Impact Canada — KMb Journal Club' }).count())
      .toBe(1);
    const text = (await landmark.textContent()) ?? '';
    expect(text).toContain(
      'Implementation support practitioners – a proposal for consolidating a diverse evidence base',
    );
    expect(text).toContain('BMC Health Services Research');
    expect(text).toMatch(
      /Open access — licence in the page's metadata: https:\/\/creativecommons\.org\/licenses\/by\/4\.0\//,
    );
    // The questions are what is shown; the summary and the commentary wait behind their tabs.
    expect(await landmark.getByRole('tab', { selected: true }).textContent()).toBe('Questions');
    const summary = landmark.getByText('Workforce development for implementation practice has been identified');
    expect(await summary.isVisible()).toBe(false);
    await landmark.getByRole('tab', { name: 'Summary' }).click();
    expect(await summary.isVisible()).toBe(true);
    await landmark.getByRole('tab', { name: 'Commentary' }).click();
    expect(await landmark.getByText('I’m not certain why this paper needed to be written.').isVisible()).toBe(true);
    await landmark.getByRole('tab', { name: 'Questions' }).click();
    const questions = await landmark.locator('.question').allInnerTexts();
    expect(questions).toHaveLength(3);
    expect(questions[0]).toBe(
      'Implementation Support Practitioners: if you’re a knowledge broker will you change your title? Why or why not?',
    );
    expect(questions[2]).toBe(
      'The paper is calling for greater linkage between implementation research and implementation practice. Is it ironic that implementation research is not being implemented?',
    );
    const discussion = landmark.getByRole('link', { name: "Join the club's discussion" });
    expect(await discussion.getAttribute('href')).toBe(
      'https://researchimpact.ca/kmb-journal-club/implementation-support-practitioners-a-proposal-for-consolidating-a-diverse-evidence-base/',
    );
    expect(await badgeText(page)).toBe('JC');
    await page.close();
  });

  it('overlays the right side without shifting the article in a window too narrow for side by side', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 800 });
    await page.goto(`${server.origin}/demo-article.html`);
    await (await panel(page)).waitFor();
    const box = await page.locator('journal-club-panel').boundingBox();
    const viewport = page.viewportSize();
    expect(box?.x).toBe((viewport?.width ?? 0) - 400);
    expect(box?.height).toBe(viewport?.height);
    const layoutWith = await page.locator('article').evaluate((el) => JSON.stringify(el.getBoundingClientRect()));
    await page.evaluate(() => document.querySelector('journal-club-panel')?.remove());
    const layoutWithout = await page.locator('article').evaluate((el) => JSON.stringify(el.getBoundingClientRect()));
    expect(layoutWith).toBe(layoutWithout);
    await page.close();
  });

  it('keeps what the reader writes out of reach of the page: the frame is closed to page scripts', async () => {
    const page = await open('/demo-article.html');
    await (await panel(page)).waitFor();
    const reachable = await page.evaluate(() => {
      const host = document.querySelector('journal-club-panel');
      return { shadow: host?.shadowRoot ?? null, frames: document.querySelectorAll('iframe').length };
    });
    expect(reachable).toEqual({ shadow: null, frames: 0 });
    await page.close();
  });

  it('collapses to a tab, remembers it for the article across reloads, and reopens', async () => {
    const page = await open('/demo-article.html');
    await (await panel(page)).getByRole('button', { name: 'Collapse panel' }).click();
    const tab = (await panelFrame(page)).getByRole('button', { name: /Journal club/ });
    await tab.waitFor();
    await expect.poll(() => page.locator('journal-club-panel').getAttribute('data-layout')).toBe('collapsed');
    expect((await page.locator('journal-club-panel').boundingBox())?.width).toBe(44);

    await page.reload();
    const tabAfterReload = (await panelFrame(page)).getByRole('button', { name: /Journal club/ });
    await tabAfterReload.waitFor();
    expect(await page.locator('journal-club-panel').getAttribute('data-layout')).toBe('collapsed');

    await tabAfterReload.click();
    await (await panel(page)).waitFor();
    await expect.poll(() => page.locator('journal-club-panel').getAttribute('data-layout')).toBe('open');
    await page.close();
  });

  it('works by keyboard: Tab from the article reaches the panel, Enter collapses and reopens, Esc collapses', async () => {
    const page = await open('/demo-article.html');
    const frame = await panelFrame(page);
    await (await panel(page)).waitFor();
    // The text of the control that has the keyboard focus in the panel; null while the frame's body has it, since
    // the body's text holds every label.
    const focusedInPanel = () =>
      frame.evaluate(() => {
        const active = document.hasFocus() ? document.activeElement : null;
        return active && active !== document.body ? (active.textContent ?? '') : null;
      });
    let reached: string | null = null;
    for (let presses = 0; presses < 6 && reached === null; presses++) {
      await page.keyboard.press('Tab');
      reached = await focusedInPanel();
    }
    expect(reached).toBe('Research Impact Canada — KMb Journal Club');
    await page.keyboard.press('Tab');
    expect(await focusedInPanel()).toContain('Side by side');
    await page.keyboard.press('Tab');
    expect(await focusedInPanel()).toContain('Collapse panel');
    await page.keyboard.press('Enter');
    const tab = frame.getByRole('button', { name: /Journal club/ });
    await tab.waitFor();
    expect(await focusedInPanel()).toContain('Journal club');
    await page.keyboard.press('Enter');
    await (await panel(page)).getByRole('link', { name: "Join the club's discussion" }).focus();
    await page.keyboard.press('Escape');
    await tab.waitFor();
    await tab.press('Enter');
    await (await panel(page)).waitFor();
    await page.close();
  });

  it('Esc in the panel folds it and gives keyboard focus back to where the reader was on the page', async () => {
    const page = await open('/demo-article.html');
    const frame = await panelFrame(page);
    await (await panel(page)).waitFor();
    const link = page.locator('a[href]').first();
    await link.focus();
    const place = await link.textContent();
    const panelHasFocus = () => frame.evaluate(() => document.hasFocus());
    for (let presses = 0; presses < 40 && !(await panelHasFocus()); presses++) await page.keyboard.press('Tab');
    expect(await panelHasFocus()).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('journal-club-panel').getAttribute('data-layout')).toBe('collapsed');
    await expect
      .poll(() => page.evaluate(() => document.hasFocus() && document.activeElement?.textContent))
      .toBe(place);
    expect(await panelHasFocus()).toBe(false);
    // The page's own tab order goes on from there.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).not.toBe('journal-club-panel');
    await frame.getByRole('button', { name: /Journal club/ }).click();
    await expect.poll(() => page.locator('journal-club-panel').getAttribute('data-layout')).toBe('open');
    await page.close();
  });

  it('closes for this page only: a new visit shows it again', async () => {
    const page = await open('/demo-article.html');
    // Clicked from inside the frame: Playwright's own click or key press may wait forever for the frame's answer,
    // since the frame is removed while it handles the event; the frame may even be gone before the evaluation
    // returns. What counts is that the panel goes.
    await (await panel(page))
      .getByRole('button', { name: 'Close panel for this page' })
      .evaluate((button) => (button as HTMLButtonElement).click())
      .catch(() => undefined);
    await expect.poll(() => page.locator('journal-club-panel').count()).toBe(0);
    expect(await badgeText(page)).toBe('JC');
    await page.reload();
    await (await panel(page)).waitFor();
    await page.close();
  });

  it('follows the dark colour scheme of the system', async () => {
    const dark = await launchWithExtension({ colorScheme: null, extraArgs: ['--force-dark-mode'] });
    try {
      const page = await dark.context.newPage();
      await page.goto(`${server.origin}/demo-article.html`);
      const landmark = (await panelFrame(page, dark.extensionId)).getByRole('complementary');
      await landmark.waitFor();
      expect(await landmark.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(27, 29, 34)');
    } finally {
      await dark.close();
    }
  });
});

describe('where the panel does not appear', () => {
  it.each([
    ['a page with no article', '/not-article.html', ''],
    ['a search-results page citing many DOIs', '/search-results.html', ''],
    ['a news story citing one article', '/news-story.html', ''],
    ['an article the club has not discussed', '/other-article.html', 'DOI'],
  ])('never on %s', async (_name, path, badge) => {
    const page = await open(path);
    expect(await hasPanelHost(page)).toBe(false);
    expect(await badgeText(page)).toBe(badge);
    await page.close();
  });

  it('writes nothing to a page without a DOI', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const seen: string[] = [];
        new MutationObserver((records) => seen.push(...records.map((r) => r.type))).observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        (window as unknown as { mutations: string[] }).mutations = seen;
      });
    });
    await page.goto(`${server.origin}/not-article.html`);
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => (window as unknown as { mutations: string[] }).mutations)).toEqual([]);
    await page.close();
  });
});

describe('single-page apps', () => {
  it('shows the panel after in-page navigation from a non-article to an article route', async () => {
    const page = await open('/spa.html');
    expect(await hasPanelHost(page)).toBe(false);
    await page.getByRole('link', { name: 'Open the article' }).click();
    await (await panel(page)).waitFor({ timeout: 10_000 });
    expect(page.url()).toContain('/spa/articles/10.1186/s12913-020-05145-1');
    await page.close();
  });
});

const sharedPresent = existsSync(SHARED_PAGES);
if (!sharedPresent) console.warn(`Skipping the real publisher pages: ${SHARED_PAGES} is absent.`);

describe.skipIf(!sharedPresent)('the panel on real publisher pages mapped to a test catalog entry', () => {
  it.each(CATALOGED_PAGES)('$file', async ({ file, id }) => {
    const page = await open(`/shared/${file}`);
    await (await panel(page)).waitFor({ timeout: 15_000 });
    expect(await (await panel(page)).textContent()).toContain(`First question about ${id}?`);
    await page.close();
  });
});
