import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../utils/panel/click-guard';
import { waitForPanelFrame } from '../support/browser.mjs';
import { useExtensionSession } from '../support/extension-session';
import { useFreshPages } from '../support/fresh-pages';
import { findPassage, painted, selectPassage } from '../support/page-text';

const session = useExtensionSession();
/** Each test starts with no highlights and its pages close after it. */
const open = useFreshPages(session);

const PASSAGE = 'few available training programs';
const SUMMARY_OPENING = 'Workforce development for implementation practice has been identified as a grand challenge';

/** The demo article with its panel rendered and visible long enough for a guarded click to count. */
async function openDemo(): Promise<{ page: Page; frame: Frame }> {
  const page = await open('demo-article.html');
  const frame = await waitForPanelFrame(page, session.browser.extensionId);
  await frame.getByRole('button', { name: 'Tie my selection to question 2' }).waitFor();
  // "Tie my selection" saves to the reader's notes: it counts only on a panel seen for a moment (click-guard.ts).
  await page.waitForTimeout(VISIBLE_FOR_MS + 200);
  return { page, frame };
}

const questionRegion = (frame: Frame, n: number) => frame.getByRole('region', { name: `Question ${n}` });
const selectionText = (page: Page) => page.evaluate(() => getSelection()?.toString() ?? '');
/** What the panel's live regions say now, for screen readers. */
const said = (frame: Frame) =>
  frame.evaluate(() => [...document.querySelectorAll('[aria-live="polite"]')].map((r) => r.textContent).join(' '));

describe('the panel opens on the questions', () => {
  it('shows the questions first, each with its count and tie button; summary and commentary are one click away', async () => {
    const { frame } = await openDemo();
    const tabs = frame.getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual(['Questions', 'Summary', 'Commentary']);
    expect(await frame.getByRole('tab', { selected: true }).textContent()).toBe('Questions');
    for (const n of [1, 2, 3]) {
      const region = questionRegion(frame, n);
      expect(await region.getByText('0 highlights').count()).toBe(1);
      expect(await region.getByRole('button', { name: `Tie my selection to question ${n}` }).count()).toBe(1);
    }
    // The summary is in the page but hidden: neither seen, nor read, nor reached by Tab until its tab is chosen.
    const summary = frame.getByText(SUMMARY_OPENING);
    expect(await summary.isVisible()).toBe(false);
    await frame.getByRole('tab', { name: 'Summary' }).click();
    expect(await summary.isVisible()).toBe(true);
    expect(await questionRegion(frame, 1).isVisible()).toBe(false);
    // Arrow keys move along the tabs and show each one's panel; the discussion link follows whichever is shown.
    await frame.getByRole('tab', { name: 'Summary' }).press('ArrowRight');
    expect(await frame.getByRole('tab', { selected: true }).textContent()).toBe('Commentary');
    expect(await frame.getByText('I’m not certain why this paper needed to be written.').isVisible()).toBe(true);
    await frame.getByRole('tab', { name: 'Commentary' }).press('ArrowRight');
    expect(await frame.getByRole('tab', { selected: true }).textContent()).toBe('Questions');
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Questions');
    expect(await questionRegion(frame, 1).isVisible()).toBe(true);
  });

  it('keyboard order follows what is shown: the tabs, then each question’s controls in turn, then the discussion', async () => {
    const { frame } = await openDemo();
    // Tab stops of what is shown, in document order (Tab follows it: no positive tabindex in the panel).
    const stops = await frame.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, select, textarea, [tabindex]')]
        .filter((element) => element.tabIndex >= 0 && element.getClientRects().length > 0)
        .map((element) => element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''),
    );
    const named = stops.filter((name) => /^(Questions|Summary|Commentary|Tie my|Join)/.test(name));
    expect(named).toEqual([
      'Questions',
      'Tie my selection to question 1',
      'Tie my selection to question 2',
      'Tie my selection to question 3',
      "Join the club's discussion",
    ]);
  });
});

describe('tying the article’s selection from the panel', () => {
  it('keeps the article’s selection while the reader clicks in the panel, ties it to question 2, counts and paints it', async () => {
    const { page, frame } = await openDemo();
    await selectPassage(page, PASSAGE);
    // A click elsewhere in the panel (on question 2's text) leaves the article's selection as it was.
    await questionRegion(frame, 2).locator('.question').click();
    expect(await selectionText(page)).toBe(PASSAGE);

    await questionRegion(frame, 2).getByRole('button', { name: 'Tie my selection to question 2' }).click();
    await expect.poll(() => painted(page, 'jc-q1')).toEqual([PASSAGE]);
    const count = questionRegion(frame, 2).getByRole('button', { name: '1 highlight' });
    await count.waitFor();
    expect(await count.getAttribute('aria-expanded')).toBe('true');
    expect(await questionRegion(frame, 2).getByRole('article').textContent()).toContain(PASSAGE);
    expect(await questionRegion(frame, 1).getByText('0 highlights').count()).toBe(1);
    // The new card opens its note, as after the toolbar's tie, and screen readers hear what was tied.
    await expect.poll(() => frame.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await said(frame)).toContain(`Tied to question 2: “${PASSAGE}”`);
    expect(await selectionText(page)).toBe('');

    // The count folds the question's cards away and back.
    await count.click();
    expect(await count.getAttribute('aria-expanded')).toBe('false');
    expect(await questionRegion(frame, 2).getByRole('article').isVisible()).toBe(false);
    await count.click();
    expect(await questionRegion(frame, 2).getByRole('article').isVisible()).toBe(true);

    // Drawn again, under question 2, after a reload.
    await page.reload();
    await expect.poll(() => painted(page, 'jc-q1'), { timeout: 10_000 }).toEqual([PASSAGE]);
    const reloaded = await waitForPanelFrame(page, session.browser.extensionId);
    await questionRegion(reloaded, 2).getByRole('button', { name: '1 highlight' }).waitFor();
  });

  it('with nothing selected, says so plainly and saves nothing', async () => {
    const { page, frame } = await openDemo();
    await questionRegion(frame, 2).getByRole('button', { name: 'Tie my selection to question 2' }).click();
    const message = questionRegion(frame, 2).getByText('Select a passage in the article first.');
    await message.waitFor();
    expect(await said(frame)).toContain('Select a passage in the article first.');
    expect(await questionRegion(frame, 2).getByText('0 highlights').count()).toBe(1);
    expect(await painted(page, 'jc-q1')).toEqual([]);
  });

  it('refuses a selection the page’s own script made', async () => {
    const { page, frame } = await openDemo();
    // Selected by script alone, no key or pointer of the reader's: the page chose this passage.
    await page.evaluate(
      `(() => { const range = (${findPassage})(${JSON.stringify(PASSAGE)});
        getSelection().removeAllRanges(); getSelection().addRange(range); })()`,
    );
    expect(await selectionText(page)).toBe(PASSAGE);
    await questionRegion(frame, 2).getByRole('button', { name: 'Tie my selection to question 2' }).click();
    await questionRegion(frame, 2).getByText('Select a passage in the article first.').waitFor();
    expect(await painted(page, 'jc-q1')).toEqual([]);
    expect(await questionRegion(frame, 2).getByText('0 highlights').count()).toBe(1);
  });
});
