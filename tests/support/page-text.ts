import type { Page } from 'playwright-core';

/**
 * Finds `needle` in the text under `root` and returns a Range over its first occurrence (in one text node), or
 * null. The browser tests send it into the page as source text ({@link inPage}) and the DOM tests call it
 * directly, so it must not use anything from this module.
 */
export function findPassage(needle: string, root: Node = document.body): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent?.indexOf(needle) ?? -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    return range;
  }
  return null;
}

/** Evaluates `body` in the page with `range` bound to the passage (null when absent). */
function inPage<T>(page: Page, needle: string, body: string): Promise<T> {
  return page.evaluate(`(() => { const range = (${findPassage})(${JSON.stringify(needle)}); ${body} })()`);
}

/** Where the passage's first and last lines are on screen, to drag across it with the mouse. */
export function passageEnds(page: Page, needle: string) {
  return inPage<{ x1: number; y1: number; x2: number; y2: number }>(
    page,
    needle,
    `if (!range) throw new Error('passage not on the page');
     const rects = range.getClientRects();
     const first = rects[0];
     const last = rects[rects.length - 1];
     return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };`,
  );
}

/**
 * Selects the passage as a keyboard selection would (no pointer involved): all but its last character, then a
 * real Shift+ArrowRight, because the extension offers only selections the reader's own input made.
 */
export async function selectPassage(page: Page, needle: string): Promise<void> {
  await inPage(
    page,
    needle,
    `if (!range) throw new Error('passage not on the page');
     range.setEnd(range.endContainer, range.endOffset - 1);
     getSelection().removeAllRanges();
     getSelection().addRange(range);`,
  );
  await page.keyboard.press('Shift+ArrowRight');
}

/** Whether the passage is inside the viewport now (a text fragment or a reveal scrolled to it). */
export function passageInView(page: Page, needle: string): Promise<boolean> {
  return inPage(
    page,
    needle,
    `if (!range) return false;
     const box = range.getBoundingClientRect();
     return box.top >= 0 && box.bottom <= innerHeight;`,
  );
}

/** The text of the passages painted under a CSS highlight name (`jc-q0`, `jc-shared`…). */
export function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((range) => range.toString()), name);
}

/**
 * Selects the first 40 characters of the demo article's third paragraph ("Workforce development for
 * implementation"), as a reader's keyboard selection would, so the selection toolbar appears: 39 by script, the
 * last by a real Shift+ArrowRight (the extension offers only selections the reader's own input made). Takes
 * Playwright's or Puppeteer's page: both evaluate a function in the page and press keys.
 */
export async function selectDemoOpening(page: {
  evaluate(body: () => void): Promise<unknown>;
  keyboard: {
    down(key: 'Shift'): Promise<void>;
    press(key: 'ArrowRight'): Promise<void>;
    up(key: 'Shift'): Promise<void>;
  };
}): Promise<void> {
  await page.evaluate(() => {
    const text = document.querySelectorAll('article p')[2]?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 39);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  await page.keyboard.down('Shift');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.up('Shift');
}
