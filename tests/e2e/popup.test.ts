import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForPanelFrame } from '../support/browser.mjs';
import { useExtensionSession } from '../support/extension-session';
import { selectDemoOpening } from '../support/page-text';
import { openPopupFor } from '../support/popup';

/** axe-core's browser build, injected into the popup. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const session = useExtensionSession();

const TITLE = 'Implementation support practitioners – a proposal for consolidating a diverse evidence base';
const OPEN_COPY = 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1';
const POST =
  'https://researchimpact.ca/kmb-journal-club/implementation-support-practitioners-a-proposal-for-consolidating-a-diverse-evidence-base/';

async function openArticle(path: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}${path}`);
  return page;
}

/** The popup pointed at `target`'s tab, once its reading list is shown. */
async function openPopup(target: Page): Promise<Page> {
  const popup = await openPopupFor(session.browser, target);
  await popup.getByRole('list', { name: 'Reading list' }).waitFor();
  return popup;
}

const statusText = (popup: Page) =>
  popup
    .getByRole('region', { name: 'This page' })
    .textContent()
    .then((text) => (text?.includes('Loading') ? null : text));

const seedEntry = (popup: Page) =>
  popup.getByRole('list', { name: 'Reading list' }).getByRole('listitem').filter({ hasText: TITLE });

/** Whether keyboard focus is on the panel's article title, inside the panel frame on `page`. */
const panelTitleFocused = (frame: Frame) =>
  frame.evaluate(() => document.activeElement?.id === 'article-title' && document.activeElement.localName === 'h1');

/**
 * Clicks a control of the panel until `done` holds. The click is retried because the panel frame can be replaced
 * as the page settles, and because Playwright may not see a click end in a frame that the click itself removes.
 */
async function clickInPanel(page: Page, button: string, done: () => Promise<boolean>): Promise<void> {
  await expect
    .poll(
      async () => {
        if (await done()) return true;
        const frame = await waitForPanelFrame(page, session.browser.extensionId);
        await frame
          .getByRole('button', { name: button })
          .click({ timeout: 2_000 })
          .catch(() => undefined);
        return done();
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** Closes the panel for the page, as the reader does. */
const closePanel = (page: Page) =>
  clickInPanel(page, 'Close panel for this page', async () => (await page.locator('journal-club-panel').count()) === 0);

describe('the toolbar popup: the current tab', () => {
  it('says there is no article on a page without one', async () => {
    const page = await openArticle('/not-article.html');
    await page.waitForTimeout(300);
    const popup = await openPopup(page);
    await expect.poll(() => statusText(popup)).toContain('No article on this page');
    expect(await popup.getByRole('button', { name: 'Open panel' }).count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('names an article the club has not discussed', async () => {
    const page = await openArticle('/other-article.html');
    const popup = await openPopup(page);
    await expect
      .poll(() => statusText(popup))
      .toContain("Article “An article the club has not discussed” is not in the club's catalog");
    expect(await popup.getByRole('button', { name: 'Open panel' }).count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('on a club article, marks its entry and "Open panel" reopens a closed panel with keyboard focus in it', async () => {
    const page = await openArticle('/demo-article.html');
    await closePanel(page);
    const popup = await openPopup(page);
    await expect.poll(() => statusText(popup)).toContain(`Club article: ${TITLE}`);
    const current = popup.locator('li[aria-current="true"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain(TITLE);
    expect(await current.textContent()).toContain('On this page');

    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Open panel' }).click();
    // The popup closes itself, so that focus returns to the page and its panel.
    await closed;
    const frame = await waitForPanelFrame(page, session.browser.extensionId);
    await frame.getByRole('complementary', { name: 'Journal club' }).waitFor();
    await expect.poll(() => panelTitleFocused(frame)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('journal-club-panel');
    await page.close();
  });

  it('"Open panel" on an open panel focuses it without reloading it', async () => {
    const page = await openArticle('/demo-article.html');
    const frame = await waitForPanelFrame(page, session.browser.extensionId);
    await frame.getByRole('complementary', { name: 'Journal club' }).waitFor();
    await frame.evaluate(() => {
      (window as { untouched?: boolean }).untouched = true;
    });
    const popup = await openPopup(page);
    await popup.getByRole('button', { name: 'Open panel' }).click();
    await expect.poll(() => panelTitleFocused(frame)).toBe(true);
    expect(frame.isDetached()).toBe(false);
    expect(await frame.evaluate(() => (window as { untouched?: boolean }).untouched)).toBe(true);
    await page.close();
  });
});

describe('the toolbar popup: a folded panel', () => {
  it('"Open panel" unfolds a collapsed panel and focuses it', async () => {
    const page = await openArticle('/demo-article.html');
    const layout = () => page.locator('journal-club-panel').getAttribute('data-layout');
    await clickInPanel(page, 'Collapse panel', async () => (await layout()) === 'collapsed');
    const frame = await waitForPanelFrame(page, session.browser.extensionId);
    const popup = await openPopup(page);
    await popup.getByRole('button', { name: 'Open panel' }).click();
    await expect.poll(layout).toBe('open');
    await expect.poll(() => panelTitleFocused(frame)).toBe(true);
    await page.close();
  });
});

describe('the toolbar popup: the catalogs', () => {
  it('"Catalogs…" opens the options page, where feeds are subscribed to', async () => {
    const page = await openArticle('/demo-article.html');
    const popup = await openPopup(page);
    const [options] = await Promise.all([
      session.browser.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Catalogs…' }).click(),
    ]);
    await options.getByRole('heading', { name: 'Subscribe to a club’s feed' }).waitFor();
    expect(options.url()).toBe(`chrome-extension://${session.browser.extensionId}/options.html`);
    await options.close();
    await page.close();
  });
});

describe('the toolbar popup: the reading list', () => {
  it('lists the seed entry with its title, date, open-access link, discussion and a highlight count that follows the reader', async () => {
    const page = await openArticle('/demo-article.html');
    let popup = await openPopup(page);
    let entry = seedEntry(popup);
    expect(await entry.count()).toBe(1);
    const title = entry.getByRole('link', { name: new RegExp(`^${TITLE}`) });
    expect(await title.getAttribute('href')).toBe(OPEN_COPY);
    expect(await title.getAttribute('target')).toBe('_blank');
    expect(await entry.textContent()).toContain('Research Impact Canada — KMb Journal Club');
    expect(await entry.textContent()).toContain('Article published in 2020');
    const discussion = entry.getByRole('link', { name: `Club discussion: ${TITLE} (opens in a new tab)` });
    expect(await discussion.getAttribute('href')).toBe(POST);
    await expect.poll(() => entry.textContent()).toContain('No highlights');
    await popup.close();

    const frame = await waitForPanelFrame(page, session.browser.extensionId);
    await frame.getByRole('complementary', { name: 'Journal club' }).waitFor();
    await selectDemoOpening(page);
    await page
      .getByRole('toolbar', { name: 'Highlight the selection' })
      .getByRole('button', { name: /^Tie to question 1/ })
      .click();
    await frame.getByRole('textbox', { name: 'Note' }).waitFor();

    popup = await openPopup(page);
    entry = seedEntry(popup);
    await expect.poll(() => entry.textContent()).toContain('1 highlight');
    expect(await entry.textContent()).not.toContain('1 highlights');
    await popup.close();
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await openArticle('/not-article.html');
    const popup = await openPopup(page);
    await popup.evaluate(AXE);
    const violations = await popup.evaluate(async () => {
      type AxeResults = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
      const axe = (globalThis as unknown as { axe: { run(context: unknown): Promise<AxeResults> } }).axe;
      const results = await axe.run(document);
      return results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((n) => n.target).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('is 360 px wide, read at a legible size, and reached in a logical order by keyboard', async () => {
    const page = await openArticle('/demo-article.html');
    await waitForPanelFrame(page, session.browser.extensionId);
    const popup = await openPopup(page);
    await expect.poll(() => statusText(popup)).toContain('Club article');
    expect(await popup.evaluate(() => document.body.getBoundingClientRect().width)).toBe(360);
    expect(await popup.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14px');
    const order: string[] = [];
    for (let presses = 0; presses < 4; presses++) {
      await popup.keyboard.press('Tab');
      order.push(
        await popup.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return `${el?.localName}:${el?.getAttribute('aria-label') ?? el?.textContent?.trim()}`;
        }),
      );
    }
    expect(order[0]).toBe('button:Open panel');
    expect(order[1]).toMatch(new RegExp(`^a:${TITLE}`));
    expect(order[2]).toBe(`a:Club discussion: ${TITLE} (opens in a new tab)`);
    expect(order[3]).toBe('button:Catalogs…');
    const outline = await popup.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
    await popup.close();
    await page.close();
  });
});
