import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { launchWithExtension } from '../support/browser.mjs';
import { type FeedServer, startFeedServer, subscribeToFeed } from '../support/feeds';
import { NoticeProbe } from '../support/post-notice-probe';
import { startFixtureServer } from '../support/server.mjs';
import { postEntryFeed } from '../support/test-catalog.mjs';

/** The extension APIs as the service worker sees them (Chromium's promise-returning `chrome`). */
declare const chrome: Browser;

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let feeds: FeedServer;

/** Chromium in French, as in tests/e2e/french.test.ts (which says why both the flag and the environment). */
beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension({ extraArgs: ['--lang=fr'], env: { LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' } });
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

describe('the club’s post in a French browser', () => {
  it('offers the article in French, with the title the club published in French', async () => {
    const post = await browser.context.newPage();
    await post.goto(`${server.origin}/club-post.html`);
    const notice = await NoticeProbe.on(post);
    await expect.poll(() => notice.present(), { timeout: 10_000 }).toBe(true);
    const text = await notice.text();
    expect(text).toContain('Voici la discussion du club sur « Une étude que le club a discutée dans son billet »');
    expect(text).toContain('Lire l’article avec les questions du club');

    const tabId = await browser.worker.evaluate(async (url: string) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
      return tab?.id ?? -1;
    }, post.url());
    expect(await browser.worker.evaluate((id: number) => chrome.action.getTitle({ tabId: id }), tabId)).toBe(
      'Billet du club : lisez l’article avec les questions du club (cliquez pour le bouton)',
    );

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const status = popup.getByRole('region', { name: 'Cette page' });
    await expect
      .poll(() => status.textContent())
      .toContain('Voici la discussion du club sur « Une étude que le club a discutée dans son billet »');
    expect(await popup.getByRole('button', { name: 'Lire l’article avec les questions du club' }).count()).toBe(1);
    await popup.close();
    await post.close();
  });
});
