import type { Page } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import type { launchWithExtension } from './browser.mjs';

/** The extension APIs as the service worker sees them (Chromium's promise-returning `chrome`). */
declare const chrome: Browser;

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;

/**
 * The browser's id for the tab showing `page`, asked of the service worker (as the toolbar button tells the
 * popup). Compared address for address: `tabs.query({ url })` reads its argument as a match pattern.
 */
export function tabIdOf(browser: Launched, page: Page): Promise<number> {
  return browser.worker.evaluate(async (url: string) => {
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
    if (tab?.id === undefined) throw new Error(`no tab for ${url}`);
    return tab.id;
  }, page.url());
}

/**
 * The popup, opened in a tab of its own and pointed at `target`'s tab with `?tab=`: a browser test cannot click
 * the toolbar button, and in a tab of its own the popup's "active tab" would be itself.
 */
export async function openPopupFor(browser: Launched, target: Page): Promise<Page> {
  const tabId = await tabIdOf(browser, target);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}
