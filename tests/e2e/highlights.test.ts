import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { VISIBLE_FOR_MS } from '../../utils/panel/click-guard';
import { waitForPanelFrame } from '../support/browser.mjs';
import { useExtensionSession } from '../support/extension-session';
import { useFreshPages } from '../support/fresh-pages';
import { painted, passageEnds } from '../support/page-text';

/** The extension APIs as the service worker sees them (Chromium's promise-returning `chrome`). */
declare const chrome: Browser;

const session = useExtensionSession();

const PASSAGE = 'few available training programs';
const NOTE = 'The training gap is what our network sees too.';

/** Each test starts with no highlights and its pages close after it: any one passes alone, in any order. */
const open = useFreshPages(session);

const panel = async (page: Page) =>
  (await waitForPanelFrame(page, session.browser.extensionId)).getByRole('complementary', { name: 'Journal club' });

/** Selects `text` in the article with the mouse, as a reader drags across it. */
async function dragSelect(page: Page, text: string): Promise<void> {
  const box = await passageEnds(page, text);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** The passages painted for question N (1-based), or for untied highlights. */
const paintedFor = (page: Page, question: number | null) =>
  painted(page, question === null ? 'jc-untied' : `jc-q${question - 1}`);

/** What a reader does to keep a passage: drag-select it on the demo article, tie it to question 2, save a note. */
async function highlightWithNote(page: Page): Promise<void> {
  await (await panel(page)).waitFor();
  await dragSelect(page, PASSAGE);

  const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
  await toolbar.waitFor();
  const toolbarBox = await toolbar.boundingBox();
  expect(toolbarBox).not.toBeNull();
  await toolbar.getByRole('button', { name: /^Tie to question 2/ }).click();

  await expect.poll(() => paintedFor(page, 2)).toEqual([PASSAGE]);
  const note = (await panel(page)).getByRole('textbox', { name: 'Note' });
  await note.waitFor();
  await note.fill(NOTE);
  await (await panel(page)).getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await panel(page)).getByText(NOTE).count()).toBe(1);
}

/** The highlight a test starts from, made in a page of its own as a reader made it earlier. */
async function earlierHighlight(): Promise<void> {
  await highlightWithNote(await open('demo-article.html'));
}

describe('highlighting a passage and finding it again', () => {
  it('drag-select, tie to question 2, add a note, reload: drawn again and listed under question 2 with its note', async () => {
    const page = await open('demo-article.html');
    await highlightWithNote(page);

    await page.reload();
    await expect.poll(() => paintedFor(page, 2), { timeout: 10_000 }).toEqual([PASSAGE]);
    const group = (await panel(page)).getByRole('region', { name: /Question 2/ });
    await expect.poll(() => group.getByText(NOTE).count(), { timeout: 10_000 }).toBe(1);
    expect(await group.textContent()).toContain(PASSAGE);
  });

  it('deletes with undo', async () => {
    await earlierHighlight();
    const page = await open('demo-article.html');
    const list = await panel(page);
    const remove = list.getByRole('button', { name: /^Delete highlight/ }).first();
    await remove.waitFor();
    // A delete counts only on a panel visible for a moment (utils/panel/click-guard.ts), as a reader's would be.
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await remove.click();
    await expect.poll(() => paintedFor(page, 2)).toEqual([]);
    await list.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => paintedFor(page, 2)).toEqual([PASSAGE]);
    await expect.poll(() => list.getByText(NOTE).count()).toBe(1);
  });

  it('lists a highlight whose passage disappeared from the page as not found, and keeps it', async () => {
    await earlierHighlight();
    const page = await open('demo-article.html');
    await expect.poll(() => paintedFor(page, 2), { timeout: 10_000 }).toEqual([PASSAGE]);
    await page.evaluate(() => {
      for (const p of document.querySelectorAll('p')) {
        if (p.textContent?.includes('Workforce development'))
          p.textContent = 'This paragraph was rewritten by the publisher.';
      }
    });
    const orphans = (await panel(page)).getByRole('region', { name: /Not found on this page/ });
    await expect.poll(() => orphans.getByText(NOTE).count(), { timeout: 10_000 }).toBe(1);
    expect(await paintedFor(page, 2)).toEqual([]);
  });

  it('lists a highlight whose passage now appears twice, far from where it was, as found in more than one place', async () => {
    await earlierHighlight();
    const page = await open('demo-article.html');
    await expect.poll(() => paintedFor(page, 2), { timeout: 10_000 }).toEqual([PASSAGE]);
    // The article is shown twice below new text (a re-render with a print version): two places, same context.
    await page.evaluate(() => {
      const article = document.querySelector('article') as HTMLElement;
      const copy = article.innerHTML;
      article.innerHTML = `<p>${'A new introduction pushes the article down the page. '.repeat(80)}</p>${copy}${copy}`;
    });
    const orphans = (await panel(page)).getByRole('region', { name: /Not found on this page/ });
    await expect.poll(() => orphans.getByText(NOTE).count(), { timeout: 10_000 }).toBe(1);
    expect(await orphans.getByText('Found in more than one place on this page').count()).toBe(1);
    expect(await paintedFor(page, 2)).toEqual([]);
  });

  it('follows the article to another copy with the same DOI', async () => {
    await earlierHighlight();
    const page = await open('demo-article-copy.html');
    await expect.poll(() => paintedFor(page, 2), { timeout: 10_000 }).toEqual([PASSAGE]);
    const group = (await panel(page)).getByRole('region', { name: /Question 2/ });
    await expect.poll(() => group.getByText(NOTE).count(), { timeout: 10_000 }).toBe(1);
  });

  it('clicking a highlighted passage opens it in the panel; “Show in article” scrolls to it and flashes it', async () => {
    await earlierHighlight();
    const page = await open('demo-article-copy.html');
    await expect.poll(() => paintedFor(page, 2), { timeout: 10_000 }).toEqual([PASSAGE]);
    // A point of the passage that the panel (the right 400 px) does not cover.
    const point = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('jc-q1') ?? [])][0] as Range;
      const box = [...range.getClientRects()].find((rect) => rect.left + 8 < innerWidth - 400) as DOMRect;
      return { x: box.left + 4, y: box.top + box.height / 2 };
    });
    const frame = await waitForPanelFrame(page, session.browser.extensionId);
    await frame.getByRole('button', { name: '1 highlight' }).waitFor();
    await page.mouse.click(point.x, point.y);
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.closest('article, li, [tabindex]')?.textContent ?? ''))
      .toContain(PASSAGE);

    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const show = (await panel(page)).getByRole('button', { name: /Show in article/ }).first();
    await show.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('jc-flash')?.size ?? 0)).toBe(1);
    // Keyboard focus moves to the passage, and screen readers hear which passage and which question.
    await expect
      .poll(() => page.evaluate(() => (document.hasFocus() ? (document.activeElement?.textContent ?? '') : '')))
      .toContain(PASSAGE);
    const said = await frame.evaluate(() =>
      [...document.querySelectorAll('[aria-live="polite"]')].map((region) => region.textContent).join(' '),
    );
    expect(said).toContain(`Shown in the article: “${PASSAGE}”`);
    expect(said).toMatch(/Question 2: \S/);
    // Coming back (the shortcut or the popup's "Open panel" send this) lands on the control the reader left.
    await session.browser.worker.evaluate(async (url: string) => {
      const [tab] = await chrome.tabs.query({ url });
      if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { type: 'panel-focus' }, { frameId: 0 });
    }, page.url());
    const left = await show.textContent();
    expect(left).toContain(PASSAGE);
    await expect
      .poll(() => frame.evaluate(() => (document.hasFocus() ? document.activeElement?.textContent : null)))
      .toBe(left);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const range = [...(CSS.highlights.get('jc-q1') ?? [])][0] as Range;
          const box = range.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        }),
      )
      .toBe(true);
  });
});

describe('ways of selecting', () => {
  it.each([
    ['a double click on a word', 'dblclick'],
    ['a keyboard selection (select all)', 'keyboard'],
  ])('%s offers the toolbar; Esc dismisses it', async (_name, how) => {
    const page = await open('demo-article.html');
    await (await panel(page)).waitFor();
    const word = page.getByText('Workforce development for implementation practice', { exact: false }).first();
    const box = await word.boundingBox();
    if (!box) throw new Error('no paragraph');
    if (how === 'dblclick') await page.mouse.dblclick(box.x + 30, box.y + 10);
    else {
      await page.mouse.click(box.x + 1, box.y + 10);
      await page.keyboard.press('Control+A');
    }
    const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await toolbar.waitFor();
    expect(await toolbar.getByRole('button', { name: /^Tie to question/ }).count()).toBe(3);
    await page.keyboard.press('Escape');
    await toolbar.waitFor({ state: 'hidden' });
  });

  it('offers no toolbar for a selection inside a form field', async () => {
    const page = await open('demo-article.html');
    await (await panel(page)).waitFor();
    await page.evaluate(() => {
      const input = document.createElement('textarea');
      input.value = 'A comment box on the publisher page';
      document.querySelector('article')?.append(input);
    });
    const box = page.locator('textarea');
    await box.focus();
    await page.keyboard.press('Control+A');
    await page.waitForTimeout(400);
    expect(await page.getByRole('toolbar', { name: 'Highlight the selection' }).isVisible()).toBe(false);
  });
});
