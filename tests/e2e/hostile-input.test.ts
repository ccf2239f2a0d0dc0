import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import {
  doiMetaPage,
  hostileBackup,
  hostileShareUrl,
  longestTask,
  recordLongTasks,
  withinOrFrozen,
} from '../support/hostile';
import { startFixtureServer } from '../support/server.mjs';

/**
 * The review's F3 and F7 attacks: a link, a file and a page that strangers control must not freeze the tab. The
 * goal is no task over 50 ms (`npm run bench` prints the figures; with the matcher's work budget these attacks
 * leave none). The bound here is generous for a busy 2-core machine and still fails by far on the seconds-long
 * freezes the attacks caused.
 */
const BOUND_MS = 200;
/** A frozen page answers nothing; past this the test says so instead of waiting out the freeze. */
const FROZEN_AFTER_MS = 15_000;
/** Time for the extension to finish its work on the page (anchoring, detection) before the figure is read. */
const SETTLE_MS = 3_000;

type Browser = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Browser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  await browser.context.addInitScript(recordLongTasks);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const panelOf = async (page: Page): Promise<Frame> => {
  const frame = await waitForPanelFrame(page, browser.extensionId, 15_000);
  await frame.getByRole('complementary', { name: 'Journal club' }).waitFor();
  return frame;
};

/** The longest main-thread task of the page after the extension had time to work, or 'frozen'. */
async function longestAfterSettling(page: Page): Promise<number | 'frozen'> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return withinOrFrozen(() => page.evaluate(longestTask), FROZEN_AFTER_MS);
}

describe('hostile input never freezes the tab', () => {
  it('a 600-character share link of 30 one-letter quotes with 1,000 characters of context (review F3)', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const url = await hostileShareUrl(`${server.origin}/demo-article.html`);
    expect(url.length).toBeLessThan(700);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const panel = await panelOf(page);
    await panel.getByRole('region', { name: 'Shared with you' }).waitFor();
    const longest = await longestAfterSettling(page);
    console.info(
      `share link: longest main-thread task ${longest === 'frozen' ? 'frozen' : `${Math.round(longest)} ms`}`,
    );
    expect(longest).not.toBe('frozen');
    expect(longest).toBeLessThan(BOUND_MS);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the same highlights imported, then the article reloaded (review F3, persistent)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/demo-article.html`);
    const panel = await panelOf(page);
    const buffer = Buffer.from(hostileBackup(10));
    await panel
      .locator('input[type=file]')
      .setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer });
    const confirm = panel.getByRole('group', { name: 'Import' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('10 new');
    await confirm.getByRole('button', { name: 'Import' }).click();
    await panel.getByText('Imported 10 highlights.').waitFor();
    const reload = await withinOrFrozen(() => page.reload({ waitUntil: 'domcontentloaded' }), FROZEN_AFTER_MS);
    expect(reload).not.toBe('frozen');
    await panelOf(page);
    const longest = await longestAfterSettling(page);
    console.info(`imported, reloaded: longest task ${longest === 'frozen' ? 'frozen' : `${Math.round(longest)} ms`}`);
    expect(longest).not.toBe('frozen');
    expect(longest).toBeLessThan(BOUND_MS);
    await page.close();
  });

  it('a page with 300 crafted DOI metas and a meta insertion every 200 ms (review F7)', async () => {
    const page = await browser.context.newPage();
    const url = `${server.origin}/hostile-doi-metas.html`;
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: doiMetaPage(300) }));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const longest = await longestAfterSettling(page);
    console.info(
      `DOI metas: longest main-thread task ${longest === 'frozen' ? 'frozen' : `${Math.round(longest)} ms`}`,
    );
    expect(longest).not.toBe('frozen');
    expect(longest).toBeLessThan(BOUND_MS);
    expect(await page.evaluate(() => document.head.querySelectorAll('meta').length)).toBeGreaterThan(310);
    await page.close();
  });
});
