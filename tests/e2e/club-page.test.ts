import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForPanelFrame } from '../support/browser.mjs';
import { exposeClosedShadowRoot } from '../support/closed-shadow';
import { type ClubBrowser, type ClubKind, optionsPage, untilPublished, useClubE2e } from '../support/club-e2e';
import { painted, passageEnds, selectPassage } from '../support/page-text';

/**
 * The club on the page, in two browsers: Alice ties a passage to question 2 and shares it with "My club"; Bob
 * opens the article and sees it painted in the club's style, beside his own highlight, with a club mark on the
 * highlight map; a click on it opens his folded panel; "Show the club's highlights" switched off in his options takes the club's paint away and keeps
 * his own. The same story against the real Solid server and the Hypothesis contract fake; the second test goes on
 * from the first (Alice's shared highlight, Bob's own), as the two readers would.
 */
const ALICE_PASSAGE = 'unifying the multiple streams of research';
const BOB_PASSAGE = 'few available training programs';
const MAP = '__journalClubMap';

const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

async function openArticle(browser: ClubBrowser, origin: string): Promise<Page> {
  const page = await browser.context.newPage();
  opened.push(page);
  await page.goto(`${origin}/demo-article.html`);
  // The panel open, or folded to its tab (folding is remembered per article): either way the page is set up.
  await waitForPanelFrame(page, browser.extensionId);
  return page;
}

/** A reader's highlight: keyboard selection, then the toolbar's "Tie to question N". */
async function tie(page: Page, passage: string, question: number): Promise<void> {
  await page.locator('h1').click();
  await selectPassage(page, passage);
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(passage);
  await page.waitForTimeout(300);
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: new RegExp(`^Tie to question ${question}`) })
    .click();
  await expect.poll(() => painted(page, `jc-q${question - 1}`), { timeout: 10_000 }).toContain(passage);
}

/** The labels of the map's club marks, from its closed shadow root. */
const clubMarks = (page: Page) =>
  page.evaluate((name) => {
    const root = (globalThis as unknown as Record<string, ShadowRoot | undefined>)[name];
    return [...(root?.querySelectorAll('button.mark.club:not([hidden])') ?? [])].map(
      (button) => button.getAttribute('aria-label') ?? '',
    );
  }, MAP);

describe.each(['solid', 'hypothesis'] as ClubKind[])('club highlights on the page (%s)', (kind) => {
  const club = useClubE2e(kind);

  it('paints Alice’s highlight for question 2 on Bob’s page, in the club style, with a club mark on the map', async () => {
    const alicePage = await openArticle(club.browsers.alice, club.origin);
    await tie(alicePage, ALICE_PASSAGE, 2);
    await untilPublished(club.browsers.alice);

    // Bob reads the article on this site for the first time: like his own highlights, the club's are painted
    // on a site once he has highlighted there (page-trust.ts), and his first highlight brings them in.
    const bobPage = await openArticle(club.browsers.bob, club.origin);
    await exposeClosedShadowRoot(bobPage, 'journal-club-map', MAP);
    await bobPage.waitForTimeout(1_000);
    expect(await painted(bobPage, 'jc-club-q1')).toEqual([]);
    await tie(bobPage, BOB_PASSAGE, 1);
    await expect.poll(() => painted(bobPage, 'jc-club-q1'), { timeout: 20_000 }).toEqual([ALICE_PASSAGE]);
    // Alice's passage is the club's on Bob's page, never drawn as one of his own.
    expect(await painted(bobPage, 'jc-q1')).toEqual([]);
    await expect
      .poll(() => clubMarks(bobPage), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^Club highlight, \d of 2, question 2: “unifying the multiple/)]);
    // Alice's own published copy is hers: drawn once, in her style, not again as the club's.
    await alicePage.reload();
    await expect.poll(() => painted(alicePage, 'jc-q1'), { timeout: 10_000 }).toEqual([ALICE_PASSAGE]);
    await alicePage.waitForTimeout(1_000);
    expect(await painted(alicePage, 'jc-club-q1')).toEqual([]);
  });

  it('a click on Alice’s painted passage opens Bob’s folded panel (club-highlight-activated)', async () => {
    const bobPage = await openArticle(club.browsers.bob, club.origin);
    await expect.poll(() => painted(bobPage, 'jc-club-q1'), { timeout: 20_000 }).toEqual([ALICE_PASSAGE]);
    const frame = await waitForPanelFrame(bobPage, club.browsers.bob.extensionId);
    await frame.getByRole('button', { name: 'Collapse panel' }).click();
    const layout = () => bobPage.locator('journal-club-panel').getAttribute('data-layout');
    await expect.poll(layout).toBe('collapsed');
    await bobPage.evaluate((text) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        if (walker.currentNode.textContent?.includes(text)) {
          walker.currentNode.parentElement?.scrollIntoView({ block: 'center' });
          return;
        }
      }
    }, ALICE_PASSAGE);
    const box = await passageEnds(bobPage, ALICE_PASSAGE);
    await bobPage.mouse.click(box.x1 + 4, box.y1);
    await expect.poll(layout, { timeout: 10_000 }).toBe('open');
  });

  it('“Show the club’s highlights” off takes the club’s paint away and keeps Bob’s own; on brings it back', async () => {
    const bobPage = await openArticle(club.browsers.bob, club.origin);
    await expect.poll(() => painted(bobPage, 'jc-club-q1'), { timeout: 20_000 }).toEqual([ALICE_PASSAGE]);
    expect(await painted(bobPage, 'jc-q0')).toEqual([BOB_PASSAGE]);

    const options = await optionsPage(club.browsers.bob);
    opened.push(options);
    const setting = options.getByRole('checkbox', { name: 'Show the club’s highlights' });
    await expect.poll(() => setting.isChecked()).toBe(true);
    await setting.uncheck();
    await expect.poll(() => painted(bobPage, 'jc-club-q1'), { timeout: 10_000 }).toEqual([]);
    expect(await painted(bobPage, 'jc-q0')).toEqual([BOB_PASSAGE]);

    // Remembered: a page opened now paints no club highlight either.
    await options.reload();
    await expect.poll(() => setting.isChecked()).toBe(false);
    await setting.check();
    await expect.poll(() => painted(bobPage, 'jc-club-q1'), { timeout: 10_000 }).toEqual([ALICE_PASSAGE]);
    expect(await painted(bobPage, 'jc-q0')).toEqual([BOB_PASSAGE]);
  });
});
