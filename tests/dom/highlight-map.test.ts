import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { type HighlightMap, type MapItem, mountHighlightMap } from '../../utils/page/highlight-map/highlight-map';
import { BUCKET_PX, MARK_PX, STRIP_PX } from '../../utils/page/highlight-map/style';
import { focusIsTyping } from '../../utils/page/highlight-map/typing-focus';
import { findPassage } from '../support/page-text';

const VIEWPORT = { width: 1000, height: 600 };
/** Paragraphs of a known height, so each passage's height in the document is known. */
const PARAGRAPH_PX = 100;
const PARAGRAPHS = 40;

/** The map's shadow root is closed; the test keeps the one it is given when it is attached, to look inside. */
const mapRoots: ShadowRoot[] = [];
const attachShadow = Element.prototype.attachShadow;
beforeAll(async () => {
  await page.viewport(VIEWPORT.width, VIEWPORT.height);
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    if (this.localName === 'journal-club-map') mapRoots.push(root);
    return root;
  };
});
afterAll(() => {
  Element.prototype.attachShadow = attachShadow;
});

let article: HTMLElement;
let map: HighlightMap | undefined;
let revealed: { id: string; smooth: boolean }[];
let opened: string[];
let contentListeners: (() => void)[];

afterEach(() => {
  map?.destroy();
  map = undefined;
  article?.remove();
  window.scrollTo(0, 0);
  (document.activeElement as HTMLElement | null)?.blur();
});

async function setUp(
  marks: [needle: string, questionIndex: number | null, club?: 'club'][],
  container?: HTMLElement,
): Promise<MapItem[]> {
  article = document.createElement('article');
  article.innerHTML = Array.from(
    { length: PARAGRAPHS },
    (_, i) =>
      `<p style="margin: 0; height: ${PARAGRAPH_PX}px; font: 16px/20px monospace">Paragraph ${i} opens here. Alpha ${i} beta ${i} gamma.</p>`,
  ).join('');
  (container ?? document.body).append(article);
  if (container) document.body.append(container);
  revealed = [];
  opened = [];
  contentListeners = [];
  const items = marks.map(([needle, questionIndex, club], i) => {
    const range = findPassage(needle, article);
    if (!range) throw new Error(`no "${needle}"`);
    return { id: `h${i}`, questionIndex, range, ...(club && { club: true }) };
  });
  map = mountHighlightMap(document, {
    questionCount: 3,
    reveal: (id, smooth) => {
      revealed.push({ id, smooth });
      const range = items.find((item) => item.id === id)?.range;
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    },
    open: (id) => opened.push(id),
    onContentChange: (listener) => {
      contentListeners.push(listener);
      return () => {};
    },
  });
  map.update(items);
  // Measuring starts in the frame after an update and is spread over frames; this article takes one or two.
  await frames(4);
  return items;
}

const root = () => mapRoots.at(-1) as ShadowRoot;
const visibleMarks = () => [...root().querySelectorAll<HTMLButtonElement>('button.mark:not([hidden])')];
const bucket = (kind: 'up' | 'down') => root().querySelector(`.${kind}`) as HTMLButtonElement;
const status = () => root().querySelector('[role="status"]')?.textContent ?? '';
const frames = async (count = 2) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};
/** The viewport height of a mark's middle. */
const middle = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.top + box.height / 2;
};
const passageTop = (item: MapItem) => item.range.getClientRects()[0]?.top as number;

describe('marks and buckets', () => {
  it('puts a mark at each highlight’s height in the view and counts the others in buckets', async () => {
    const items = await setUp([
      ['Paragraph 1 opens', 0],
      ['Paragraph 3 opens', 1],
      ['Paragraph 30 opens', 2],
    ]);
    const marks = visibleMarks();
    expect(marks).toHaveLength(2);
    expect(Math.abs(middle(marks[0] as Element) - passageTop(items[0] as MapItem))).toBeLessThanOrEqual(1);
    expect(Math.abs(middle(marks[1] as Element) - passageTop(items[1] as MapItem))).toBeLessThanOrEqual(1);
    expect(bucket('up').hidden).toBe(true);
    expect(bucket('down').hidden).toBe(false);
    expect(bucket('down').getAttribute('aria-label')).toBe('1 highlight below');
    expect(bucket('down').textContent).toBe('1');

    window.scrollTo(0, 28 * PARAGRAPH_PX);
    await frames();
    const [last] = visibleMarks();
    expect(visibleMarks()).toHaveLength(1);
    expect(Math.abs(middle(last as Element) - passageTop(items[2] as MapItem))).toBeLessThanOrEqual(1);
    expect(bucket('up').getAttribute('aria-label')).toBe('2 highlights above');
    expect(bucket('down').hidden).toBe(true);
  });

  it('merges highlights closer than a mark into one mark showing their count', async () => {
    await setUp([
      ['Alpha 5', 0],
      ['beta 5', 1],
      ['Paragraph 4 opens', 0],
    ]);
    const marks = visibleMarks();
    expect(marks).toHaveLength(2);
    expect(marks[0]?.getAttribute('aria-label')).toBe('Highlight 1 of 3, question 1: “Paragraph 4 opens”');
    expect(marks[0]?.getBoundingClientRect().height).toBe(MARK_PX);
    expect(marks[1]?.textContent).toBe('2');
    expect(marks[1]?.classList.contains('cluster')).toBe(true);
    expect(marks[1]?.getAttribute('aria-label')).toBe('Highlights 2 to 3 of 3, here');
  });

  it('marks club highlights lighter, named as the club’s, and steps through them with the reader’s own', async () => {
    await setUp([
      ['Paragraph 1 opens', 1, 'club'],
      ['Paragraph 3 opens', 0],
    ]);
    const [club, own] = visibleMarks();
    expect(club?.getAttribute('aria-label')).toBe('Club highlight, 1 of 2, question 2: “Paragraph 1 opens”');
    expect(club?.classList.contains('club')).toBe(true);
    expect(own?.classList.contains('club')).toBe(false);
    expect(Number(getComputedStyle(club as Element).opacity)).toBeLessThan(1);
    map?.step('next');
    map?.step('next');
    expect(revealed.map((item) => item.id)).toEqual(['h0', 'h1']);
  });

  it('keeps marks between the buckets, in the strip at the given distance from the right edge', async () => {
    await setUp([
      ['Paragraph 0 opens', null],
      ['Paragraph 5 opens', 0],
    ]);
    const [first] = visibleMarks();
    expect(first?.getBoundingClientRect().top).toBeGreaterThanOrEqual(BUCKET_PX);
    expect(first?.getAttribute('aria-label')).toBe('Highlight 1 of 2, no question: “Paragraph 0 opens”');
    map?.setRightInset(400);
    const strip = root().host.getBoundingClientRect();
    expect(strip.right).toBe(document.documentElement.clientWidth - 400);
    expect(strip.width).toBe(STRIP_PX);
    map?.setVisible(false);
    expect(root().host.getBoundingClientRect().width).toBe(0);
  });

  it('is not shown when there are no highlights', async () => {
    await setUp([]);
    expect(root().host.getBoundingClientRect().width).toBe(0);
  });
});

describe('following the article', () => {
  it('scrolling shifts the marks without asking any range where it is', async () => {
    const items = await setUp([
      ['Paragraph 2 opens', 0],
      ['Paragraph 4 opens', 1],
    ]);
    // The mount's first size report from the ResizeObserver measures once; what follows is scrolling alone.
    await frames();
    let reads = 0;
    const getClientRects = Range.prototype.getClientRects;
    const getBoundingClientRect = Range.prototype.getBoundingClientRect;
    Range.prototype.getClientRects = function (this: Range) {
      reads++;
      return getClientRects.call(this);
    };
    Range.prototype.getBoundingClientRect = function (this: Range) {
      reads++;
      return getBoundingClientRect.call(this);
    };
    try {
      for (const y of [50, 120, 170]) {
        window.scrollTo(0, y);
        await frames();
      }
      expect(reads).toBe(0);
    } finally {
      Range.prototype.getClientRects = getClientRects;
      Range.prototype.getBoundingClientRect = getBoundingClientRect;
    }
    const marks = visibleMarks();
    expect(Math.abs(middle(marks[1] as Element) - passageTop(items[1] as MapItem))).toBeLessThanOrEqual(1);
  });

  it('measures again when the article’s text moves (late content) and when it scrolls in a pane', async () => {
    const pane = document.createElement('div');
    pane.style.cssText = 'position: fixed; inset: 0; overflow: auto';
    const items = await setUp([['Paragraph 3 opens', 0]], pane);
    const late = document.createElement('div');
    late.style.height = '150px';
    article.prepend(late);
    for (const listener of contentListeners) listener();
    await expect
      .poll(() => Math.abs(middle(visibleMarks()[0] as Element) - passageTop(items[0] as MapItem)))
      .toBeLessThanOrEqual(1);
    pane.scrollTop = 200;
    await expect
      .poll(() => Math.abs(middle(visibleMarks()[0] as Element) - passageTop(items[0] as MapItem)))
      .toBeLessThanOrEqual(1);
    pane.remove();
  });
});

describe('keys, inside the map only', () => {
  const focusMap = () => (root().querySelector('button[tabindex="0"]') as HTMLButtonElement).focus();

  it('Down and Up go to the next and previous highlight; focus follows the mark; the ends are said', async () => {
    await setUp([
      ['Paragraph 1 opens', 0],
      ['Paragraph 12 opens', 1],
      ['Paragraph 25 opens', 0],
    ]);
    focusMap();
    await userEvent.keyboard('{ArrowDown}');
    expect(revealed).toEqual([{ id: 'h0', smooth: false }]);
    expect(status()).toBe('Highlight 1 of 3, question 1: “Paragraph 1 opens”');
    await userEvent.keyboard('{ArrowDown}');
    await frames();
    expect(revealed.at(-1)?.id).toBe('h1');
    const focused = root().activeElement as HTMLElement;
    expect(focused.classList.contains('current')).toBe(true);
    expect(focused.getAttribute('aria-label')).toContain('Highlight 2 of 3');
    await userEvent.keyboard('{End}');
    await frames();
    await userEvent.keyboard('{ArrowDown}');
    expect(revealed.at(-1)?.id).toBe('h2');
    expect(status()).toBe('No highlight below this one.');
    expect(opened).toEqual([]);
    expect(window.scrollY).toBeGreaterThan(20 * PARAGRAPH_PX);
  });

  it('digits keep one question’s highlights, the same digit or 0 shows all; unknown questions are left alone', async () => {
    await setUp([
      ['Paragraph 1 opens', 0],
      ['Paragraph 2 opens', 1],
      ['Paragraph 3 opens', 0],
    ]);
    const pageKeys: string[] = [];
    const record = (event: KeyboardEvent) => pageKeys.push(event.key);
    document.addEventListener('keydown', record);
    focusMap();
    await userEvent.keyboard('1');
    expect(visibleMarks().map((mark) => mark.getAttribute('aria-label'))).toEqual([
      'Highlight 1 of 2, question 1: “Paragraph 1 opens”',
      'Highlight 2 of 2, question 1: “Paragraph 3 opens”',
    ]);
    expect(status()).toBe('Question 1 only: 2 highlights');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(revealed.map((step) => step.id)).toEqual(['h0', 'h2']);
    await userEvent.keyboard('3');
    expect(status()).toBe('Question 3 only: no highlights');
    expect(visibleMarks()).toHaveLength(2);
    await userEvent.keyboard('1');
    expect(visibleMarks()).toHaveLength(3);
    await userEvent.keyboard('2{Escape}');
    expect(status()).toBe('All questions: 3 highlights');
    await userEvent.keyboard('7');
    document.removeEventListener('keydown', record);
    // The map's keys stay in the map; a digit with no question in the entry reaches the page.
    expect(pageKeys).toEqual(['7']);
  });

  it('Enter opens the focused mark’s highlight; on a cluster, each press goes on to the next of its highlights', async () => {
    await setUp([
      ['Alpha 5', 0],
      ['beta 5', 1],
      ['5 gamma', 2],
    ]);
    const cluster = visibleMarks().find((mark) => mark.textContent === '3') as HTMLButtonElement;
    cluster.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Enter}');
    expect(opened).toEqual(['h0', 'h1', 'h2', 'h0']);
    // A script's click is not the reader's.
    cluster.click();
    expect(opened).toHaveLength(4);
  });

  it('the buckets go to the nearest highlight above or below', async () => {
    await setUp([
      ['Paragraph 10 opens', 0],
      ['Paragraph 20 opens', 1],
      ['Paragraph 30 opens', 2],
    ]);
    window.scrollTo(0, 19 * PARAGRAPH_PX);
    await frames();
    bucket('up').focus();
    await userEvent.keyboard('{Enter}');
    expect(opened).toEqual(['h0']);
    await frames();
    bucket('down').focus();
    await userEvent.keyboard('{Enter}');
    expect(opened).toEqual(['h0', 'h1']);
  });

  it('commands step from the reading position, and a field with focus is typing', async () => {
    await setUp([
      ['Paragraph 10 opens', 0],
      ['Paragraph 20 opens', 1],
    ]);
    window.scrollTo(0, 15 * PARAGRAPH_PX);
    await frames();
    map?.step('next');
    expect(revealed).toEqual([{ id: 'h1', smooth: true }]);
    map?.step('previous');
    expect(revealed.at(-1)?.id).toBe('h0');
    const field = document.createElement('textarea');
    article.append(field);
    field.focus();
    expect(focusIsTyping(document)).toBe(true);
    field.blur();
    expect(focusIsTyping(document)).toBe(false);
    // Editable content, and the panel's host (its frame may hold the note the reader is typing).
    for (const html of ['<div contenteditable="true" tabindex="0">notes</div>', '<journal-club-panel tabindex="0">']) {
      article.insertAdjacentHTML('beforeend', html);
      (article.lastElementChild as HTMLElement).focus();
      expect(focusIsTyping(document)).toBe(true);
      (article.lastElementChild as HTMLElement).blur();
    }
  });
});
