import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { seriousViolations } from '../support/axe';
import { waitForPanelFrame } from '../support/browser.mjs';
import { exposeClosedShadowRoot } from '../support/closed-shadow';
import { useExtensionSession } from '../support/extension-session';
import { useFreshPages } from '../support/fresh-pages';
import { painted, passageInView, selectPassage } from '../support/page-text';

/** The extension APIs as the service worker sees them (Chromium's promise-returning `chrome`). */
declare const chrome: Browser;

const session = useExtensionSession();
const open = useFreshPages(session);

/** Three passages down the demo article, tied to questions 1, 2 and 1. */
const PASSAGES = [
  { text: 'few available training programs', question: 1 },
  { text: 'unifying the multiple streams of research', question: 2 },
  { text: 'preliminary logic conceptualizing the role', question: 1 },
] as const;
/** The browser tests' window: the first two passages are in view, the third below it (a bucket). */
const VIEWPORT = { width: 1280, height: 800 };
const MAP = '__journalClubMap';

interface MapControl {
  label: string;
  kind: 'up' | 'down' | 'mark';
  current: boolean;
  box: { x: number; y: number; left: number; right: number };
}

/** The map's visible controls, read from its closed shadow root (exposed to the test through DevTools). */
function controls(page: Page): Promise<MapControl[]> {
  return page.evaluate((name) => {
    const root = (globalThis as unknown as Record<string, ShadowRoot>)[name] as ShadowRoot;
    return [...root.querySelectorAll('button')]
      .filter((button) => !button.hidden)
      .map((button) => {
        const box = button.getBoundingClientRect();
        return {
          label: button.getAttribute('aria-label') ?? '',
          kind: button.classList.contains('up') ? 'up' : button.classList.contains('down') ? 'down' : 'mark',
          current: button.classList.contains('current'),
          box: { x: box.left + box.width / 2, y: box.top + box.height / 2, left: box.left, right: box.right },
        } as MapControl;
      });
  }, MAP);
}

const panel = async (page: Page) =>
  (await waitForPanelFrame(page, session.browser.extensionId)).getByRole('complementary', { name: 'Journal club' });

/** The demo article with the three passages highlighted as a reader does it: keyboard selection, toolbar button. */
async function highlighted(): Promise<Page> {
  const page = await open('demo-article.html');
  await (await panel(page)).waitFor();
  for (const { text, question } of PASSAGES) {
    // Back to the page (tying a passage opens its note in the panel), then a reader's selection.
    await page.locator('h1').click();
    await selectPassage(page, text);
    // The toolbar takes the selection once it has settled (150 ms); on a busy machine the key's last character
    // can arrive after the toolbar has shown, so the click waits for the whole passage and a settled toolbar.
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(text);
    await page.waitForTimeout(300);
    await page
      .getByRole('toolbar', { name: 'Highlight the selection' })
      .getByRole('button', { name: new RegExp(`^Tie to question ${question}`) })
      .click();
    // What is painted, in the message when it fails.
    await expect
      .poll(async () => JSON.stringify(await painted(page, `jc-q${question - 1}`)), { timeout: 10_000 })
      .toContain(JSON.stringify(text));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => document.querySelector('journal-club-map') !== null);
  await exposeClosedShadowRoot(page, 'journal-club-map', MAP);
  await expect.poll(async () => (await controls(page)).some((control) => control.kind === 'down')).toBe(true);
  return page;
}

/** The text of the highlight card that has keyboard focus in the panel frame. */
async function focusedCard(page: Page): Promise<string> {
  const frame = await waitForPanelFrame(page, session.browser.extensionId);
  return frame.evaluate(() => document.activeElement?.closest('article, li, [tabindex]')?.textContent ?? '');
}

const flashed = (page: Page) => painted(page, 'jc-flash');

/** What the background sends the tab when the reader presses a step command's keys (runCommand). */
async function stepCommand(page: Page, direction: 'next' | 'previous'): Promise<void> {
  await session.browser.worker.evaluate(
    async ({ url, direction }) => {
      const [tab] = await chrome.tabs.query({ url });
      if (tab?.id !== undefined)
        await chrome.tabs.sendMessage(tab.id, { type: 'highlight-step', direction }, { frameId: 0 });
    },
    { url: page.url(), direction },
  );
}

describe('the highlight map beside the panel', () => {
  it('shows a mark per highlight in view, in its question’s name, and counts the one below; it sits at the panel’s edge', async () => {
    const page = await highlighted();
    const shown = await controls(page);
    const marks = shown.filter((control) => control.kind === 'mark');
    expect(marks.map((mark) => mark.label)).toEqual([
      `Highlight 1 of 3, question 1: “${PASSAGES[0].text}”`,
      `Highlight 2 of 3, question 2: “${PASSAGES[1].text}”`,
    ]);
    expect(shown.find((control) => control.kind === 'down')?.label).toBe('1 highlight below');
    const panelLeft = () =>
      page.evaluate(() => document.querySelector('journal-club-panel')?.getBoundingClientRect().left);
    expect(Math.round(marks[0]?.box.right ?? 0)).toBeLessThanOrEqual(Math.round((await panelLeft()) ?? 0));
    expect(Math.round((await panelLeft()) ?? 0) - Math.round(marks[0]?.box.left ?? 0)).toBeLessThan(20);

    // Folded, the panel is a tab at the right edge: the map moves beside it.
    await (await panel(page)).getByRole('button', { name: 'Collapse panel' }).click();
    await expect
      .poll(async () => Math.round((await panelLeft()) ?? 0) - Math.round((await controls(page))[0]?.box.right ?? 0))
      .toBeGreaterThanOrEqual(0);
    expect(Math.round((await panelLeft()) ?? 0)).toBe(VIEWPORT.width - 44 - (await scrollbar(page)));
  });

  it('clicking a mark scrolls to its passage and opens its card; the bucket goes to the one below', async () => {
    const page = await highlighted();
    expect(await passageInView(page, PASSAGES[2].text)).toBe(false);
    const below = (await controls(page)).find((control) => control.kind === 'down');
    await page.mouse.click(below?.box.x ?? 0, below?.box.y ?? 0);
    await expect.poll(() => passageInView(page, PASSAGES[2].text)).toBe(true);
    await expect.poll(() => focusedCard(page)).toContain(PASSAGES[2].text);

    await page.evaluate(() => window.scrollTo(0, 0));
    // The map follows the scroll in its next animation frames; a mark read before then is where it was.
    const secondMark = async () =>
      (await controls(page)).find((control) => control.label.startsWith('Highlight 2 of 3'))?.box ?? null;
    let settled: string | null = null;
    await expect
      .poll(async () => {
        const before = JSON.stringify(await secondMark());
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const after = JSON.stringify(await secondMark());
        settled = after !== 'null' && after === before ? after : null;
        return settled !== null;
      })
      .toBe(true);
    const second = (await controls(page)).find((control) => control.label.startsWith('Highlight 2 of 3'));
    await page.mouse.click(second?.box.x ?? 0, second?.box.y ?? 0);
    await expect.poll(() => focusedCard(page)).toContain(PASSAGES[1].text);
    await expect.poll(() => flashed(page)).toEqual([PASSAGES[1].text]);
  });

  it('keys step to the next and previous highlight: the commands anywhere on the page, arrows and digits in the map', async () => {
    const page = await highlighted();
    // The browser took the suggested keys (Chromium refuses some combinations and leaves the shortcut empty).
    const shortcuts = await session.browser.worker.evaluate(async () =>
      Object.fromEntries((await chrome.commands.getAll()).map((command) => [command.name, command.shortcut])),
    );
    expect(shortcuts['next-highlight']).toBe('Alt+Shift+Period');
    expect(shortcuts['previous-highlight']).toBe('Alt+Shift+Comma');

    await page.locator('h1').click();
    await stepCommand(page, 'next');
    await expect.poll(() => flashed(page)).toEqual([PASSAGES[0].text]);
    await stepCommand(page, 'next');
    await expect.poll(() => flashed(page)).toEqual([PASSAGES[1].text]);
    await stepCommand(page, 'next');
    await expect.poll(() => passageInView(page, PASSAGES[2].text)).toBe(true);
    await stepCommand(page, 'previous');
    await expect.poll(() => flashed(page)).toEqual([PASSAGES[1].text]);

    // In the map: focus on its mark in the tab order, then its own keys.
    await page.evaluate((name) => {
      const root = (globalThis as unknown as Record<string, ShadowRoot>)[name] as ShadowRoot;
      root.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
    }, MAP);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => flashed(page)).toEqual([PASSAGES[2].text]);
    await page.keyboard.press('1');
    await page.keyboard.press('Home');
    await expect.poll(() => flashed(page)).toEqual([PASSAGES[0].text]);
    await page.keyboard.press('ArrowDown');
    // Question 1 only: the next is the third passage, past the second (question 2).
    await expect.poll(() => flashed(page)).toEqual([PASSAGES[2].text]);
    const labels = (await controls(page)).map((control) => control.label);
    expect(labels.some((label) => label.includes('question 2'))).toBe(false);
  });

  it('does not move while the reader types in a field of the page', async () => {
    const page = await highlighted();
    await page.evaluate(() => {
      const field = document.createElement('input');
      field.setAttribute('aria-label', 'Comment');
      document.querySelector('article')?.prepend(field);
    });
    const field = page.getByRole('textbox', { name: 'Comment' });
    await field.click();
    await page.keyboard.type('1 and 2');
    await page.keyboard.press('ArrowDown');
    await stepCommand(page, 'next');
    await stepCommand(page, 'next');
    await page.waitForTimeout(500);
    expect(await flashed(page)).toEqual([]);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await field.inputValue()).toBe('1 and 2');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Comment');
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await highlighted();
    // axe cannot enter a closed shadow root: it checks a copy of the map's tree and styles, at the same place.
    await page.evaluate((name) => {
      const root = (globalThis as unknown as Record<string, ShadowRoot>)[name] as ShadowRoot;
      const copy = document.createElement('div');
      copy.id = 'map-copy';
      // Declaration by declaration, with its priority (the style text re-parsed would not keep them all).
      const pinned = (root.host as HTMLElement).style;
      for (const name of pinned)
        copy.style.setProperty(name, pinned.getPropertyValue(name), pinned.getPropertyPriority(name));
      const open = copy.attachShadow({ mode: 'open' });
      open.adoptedStyleSheets = [...root.adoptedStyleSheets];
      for (const node of root.childNodes) open.append(node.cloneNode(true));
      document.documentElement.append(copy);
      (root.host as HTMLElement).style.setProperty('visibility', 'hidden', 'important');
    }, MAP);
    expect(await seriousViolations(page, '#map-copy')).toEqual([]);
  });
});

/** The width of the page's vertical scroll bar (0 where scroll bars overlay the page). */
function scrollbar(page: Page): Promise<number> {
  return page.evaluate(() => window.innerWidth - document.documentElement.clientWidth);
}
