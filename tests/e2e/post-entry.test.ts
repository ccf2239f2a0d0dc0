import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { seriousViolations } from '../support/axe';
import { launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import { type FeedServer, startFeedServer, subscribeToFeed } from '../support/feeds';
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

/** The browser's id for the tab showing `page`, asked of the service worker. */
function tabIdOf(page: Page): Promise<number> {
  return browser.worker.evaluate(async (url: string) => {
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
    if (tab?.id === undefined) throw new Error(`no tab for ${url}`);
    return tab.id;
  }, page.url());
}

async function toolbarButton(page: Page): Promise<{ text: string; title: string }> {
  const tabId = await tabIdOf(page);
  return browser.worker.evaluate(
    async (id: number) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    }),
    tabId,
  );
}

/** The popup in a tab of its own, pointed at `target`'s tab (a test cannot click the toolbar button). */
async function openPopup(target: Page): Promise<Page> {
  const tabId = await tabIdOf(target);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('list', { name: 'Reading list' }).waitFor();
  return popup;
}

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * The notice lives in a closed shadow root, which no selector and no page script reaches (that is the point).
 * The DevTools protocol sees through it, as a reader's eyes do: it finds the notice's elements for a real click
 * at their place on screen, and lets axe-core look inside.
 */
class NoticeProbe {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async on(page: Page): Promise<NoticeProbe> {
    return new NoticeProbe(page, await page.context().newCDPSession(page));
  }

  /** The notice's shadow root, or null when there is no notice on the page. */
  async shadowRoot(): Promise<DomNode | null> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (node) => node.nodeName === 'JOURNAL-CLUB-POST-NOTICE');
    return host?.shadowRoots?.[0] ?? null;
  }

  async present(): Promise<boolean> {
    return (await this.shadowRoot()) !== null;
  }

  async text(): Promise<string> {
    const root = await this.shadowRoot();
    if (!root) return '';
    const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId: root.nodeId })) as {
      object: { objectId: string };
    };
    const { result } = (await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    })) as { result: { value: string } };
    return result.value;
  }

  /** The centre of the notice's element with this class, in the page's viewport. */
  async centreOf(className: string): Promise<{ x: number; y: number }> {
    const root = await this.shadowRoot();
    const node = root && find(root, (n) => classOf(n).split(' ').includes(className));
    if (!node) throw new Error(`no .${className} in the notice`);
    const { model } = (await this.cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as {
      model: { border: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  }

  /** A real click (trusted input, as the reader's mouse makes it) on the element with this class. */
  async click(className: string): Promise<void> {
    const { x, y } = await this.centreOf(className);
    await this.page.mouse.click(x, y);
  }

  /**
   * What a page's script would do if it had got hold of the button: `button.click()`, an untrusted event. The
   * closed shadow root keeps the button from the page; this reaches it anyway, to show the click is still refused.
   */
  async scriptClick(className: string): Promise<void> {
    const root = await this.shadowRoot();
    const node = root && find(root, (n) => classOf(n).split(' ').includes(className));
    if (!node) throw new Error(`no .${className} in the notice`);
    const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId: node.nodeId })) as {
      object: { objectId: string };
    };
    await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        this.click();
        this.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        this.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }`,
    });
  }

  /** Serious and critical axe findings on the page, with the notice's closed root shown to axe. */
  async seriousViolations(): Promise<string[]> {
    const root = await this.shadowRoot();
    if (!root) throw new Error('no notice to check');
    const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId: root.nodeId })) as {
      object: { objectId: string };
    };
    await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration:
        'function () { const root = this; Object.defineProperty(root.host, "shadowRoot", { get: () => root }); }',
    });
    return seriousViolations(this.page);
  }
}

function find(node: DomNode, test: (node: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = find(child, test);
    if (found) return found;
  }
  return null;
}

function classOf(node: DomNode): string {
  const attributes = node.attributes ?? [];
  const at = attributes.indexOf('class');
  return at >= 0 && at % 2 === 0 ? (attributes[at + 1] ?? '') : '';
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
