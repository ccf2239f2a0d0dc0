import type { Page } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import type { ExtensionSession } from './extension-session';

/**
 * For browser test files whose tests share one profile: each test starts with no highlights (the database
 * deleted, as a reader clearing the extension's data would; the background steps aside and opens a fresh one),
 * and the pages it opened are closed after it whatever happened, so any one test passes alone and in any order.
 * Returns how a test opens a fixture page by its path.
 */
export function useFreshPages(session: ExtensionSession): (path: string) => Promise<Page> {
  const opened: Page[] = [];
  beforeEach(async () => {
    await session.browser.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('journal-club');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close()));
  });
  return async (path) => {
    const page = await session.browser.context.newPage();
    opened.push(page);
    await page.goto(`${session.server.origin}/${path}`);
    return page;
  };
}
