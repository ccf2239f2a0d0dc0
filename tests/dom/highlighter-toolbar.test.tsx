import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { selectionRect } from '../../utils/page/highlighter/selection';
import { GAP_PX, MARGIN_PX, placeToolbar } from '../../utils/page/toolbar/placement';
import { rovingTarget, shortText } from '../../utils/page/toolbar/SelectionToolbar';
import { mountSelectionToolbar, type SelectionToolbar } from '../../utils/page/toolbar/toolbar';
import { mount, unmountAll } from '../support/dom/markup';

const LONG =
  'Which of the competencies described by the authors does your organisation already support, and which would it need to build first?';
const QUESTIONS = [
  { id: 'q-roles', number: 1, text: 'What roles do implementation support practitioners play?' },
  { id: 'q-competencies', number: 2, text: LONG },
  { id: 'q-context', number: 3, text: 'How does context shape the support?' },
];

const VIEWPORT = { width: 1000, height: 700 };
type Call = ['tie', string | null] | ['dismiss'];

let toolbar: SelectionToolbar | undefined;
let calls: Call[];
/** Keys that reached the page's own listener on the document (bubble phase). */
let pageKeys: string[];
const recordKey = (event: KeyboardEvent) => pageKeys.push(event.key);

beforeAll(() => page.viewport(VIEWPORT.width, VIEWPORT.height));
beforeEach(() => {
  calls = [];
  pageKeys = [];
  document.addEventListener('keydown', recordKey);
});
afterEach(() => {
  document.removeEventListener('keydown', recordKey);
  toolbar?.destroy();
  toolbar = undefined;
  document.getSelection()?.removeAllRanges();
  (document.activeElement as HTMLElement | null)?.blur();
  unmountAll();
});

function mountToolbar(): SelectionToolbar {
  toolbar = mountSelectionToolbar(document, {
    questions: QUESTIONS,
    onTie: (id) => calls.push(['tie', id]),
    onDismiss: () => calls.push(['dismiss']),
  });
  return toolbar;
}

const shadow = () => toolbar?.host.shadowRoot as ShadowRoot;
const buttons = () => [...shadow().querySelectorAll('button')];
const button = (name: string) => buttons().find((b) => b.getAttribute('aria-label')?.startsWith(name)) as HTMLElement;

/** A word placed at a viewport position, selected for real; returns its range. */
function selectWordAt(style: string, text = 'selected words here'): Range {
  const root = mount(`<p style="position: fixed; margin: 0; font: 16px/1.4 serif; ${style}">${text}</p>`);
  const range = document.createRange();
  range.selectNodeContents(root.querySelector('p')?.firstChild as Text);
  document.getSelection()?.removeAllRanges();
  document.getSelection()?.addRange(range);
  return range;
}

/** Mounts the toolbar and shows it next to a selected passage in the middle of the viewport. */
function showMidPage(): Range {
  const range = selectWordAt('top: 300px; left: 300px');
  mountToolbar().show(selectionRect(range) as DOMRect);
  return range;
}

function intersects(a: DOMRectReadOnly, b: DOMRectReadOnly): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('what assistive technology finds', () => {
  it('is a labelled toolbar in an open shadow root on a host at the end of the document', () => {
    showMidPage();
    expect(toolbar?.host.localName).toBe('journal-club-toolbar');
    expect(toolbar?.host.parentNode).toBe(document.documentElement);
    const bar = shadow().querySelector('[role="toolbar"]');
    expect(bar?.getAttribute('aria-label')).toBe('Highlight the selection');
  });

  it('names each button after its question in full, then the plain highlight', () => {
    showMidPage();
    expect(buttons().map((b) => b.getAttribute('aria-label'))).toEqual([
      'Tie to question 1: What roles do implementation support practitioners play?',
      `Tie to question 2: ${LONG}`,
      'Tie to question 3: How does context shape the support?',
      'Highlight',
    ]);
    expect(buttons().map((b) => b.textContent)).toEqual(['1', '2', '3', 'Highlight']);
  });

  it.each([
    [1, 'solid'],
    [2, 'dashed'],
    [3, 'dotted'],
  ])('marks Q%i with its colour chip and a %s underline, so colour is not the only cue', (number, line) => {
    showMidPage();
    const label = button(`Tie to question ${number}`).querySelector('.label') as Element;
    expect(getComputedStyle(label).textDecorationStyle).toBe(line);
    const chip = button(`Tie to question ${number}`).querySelector('.chip') as Element;
    expect(getComputedStyle(chip).backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
  });
});

describe('tooltips', () => {
  const tipOf = (name: string) => button(name).nextElementSibling as HTMLElement;
  const visible = (element: HTMLElement) => getComputedStyle(element).display !== 'none';

  it('are hidden until wanted', () => {
    showMidPage();
    expect(buttons().map((b) => visible(b.nextElementSibling as HTMLElement))).toEqual([false, false, false, false]);
  });

  it('show the question, shortened, on hover', async () => {
    showMidPage();
    await userEvent.hover(button('Tie to question 2'));
    expect(visible(tipOf('Tie to question 2'))).toBe(true);
    expect(tipOf('Tie to question 2').textContent).toBe(shortText(LONG));
    expect(visible(tipOf('Tie to question 1'))).toBe(false);
  });

  it('show on keyboard focus too', async () => {
    showMidPage();
    await userEvent.keyboard('{Tab}');
    expect(shadow().activeElement).toBe(button('Tie to question 1'));
    expect(visible(tipOf('Tie to question 1'))).toBe(true);
    await userEvent.keyboard('{ArrowRight}');
    expect(visible(tipOf('Tie to question 1'))).toBe(false);
    expect(visible(tipOf('Tie to question 2'))).toBe(true);
  });

  it.each([
    ['keeps a short question whole', 'How does context shape the support?', 'How does context shape the support?'],
    ['collapses white space', 'Two\n   lines', 'Two lines'],
    [
      'cuts a long question at a word, with an ellipsis',
      LONG,
      'Which of the competencies described by the authors does your organisation…',
    ],
    ['cuts a long word where it must', 'x'.repeat(100), `${'x'.repeat(80)}…`],
  ])('%s', (_, text, expected) => {
    expect(shortText(text)).toBe(expected);
  });
});

describe('keys while the toolbar is shown', () => {
  it.each([
    ['1', [['tie', 'q-roles']]],
    ['3', [['tie', 'q-context']]],
    ['h', [['tie', null]]],
    ['{Escape}', [['dismiss']]],
  ])('%s calls back, and the page does not see the key', async (keys, expected) => {
    showMidPage();
    await userEvent.keyboard(keys);
    expect(calls).toEqual(expected);
    expect(pageKeys).toEqual([]);
  });

  it.each([
    ['a digit with no question', '4'],
    ['Ctrl with a digit', '{Control>}1{/Control}'],
    ['Alt with a digit', '{Alt>}2{/Alt}'],
    ['Meta with a digit', '{Meta>}3{/Meta}'],
    ['copying', '{Control>}c{/Control}'],
    ['another letter', 'j'],
  ])('leaves %s to the page', async (_, keys) => {
    showMidPage();
    await userEvent.keyboard(keys);
    expect(calls).toEqual([]);
    expect(pageKeys.length).toBeGreaterThan(0);
  });

  it.each([
    ['an input', '<input>'],
    ['a textarea', '<textarea></textarea>'],
    ['contenteditable', '<div contenteditable="true">note</div>'],
  ])('leaves typing in %s alone', async (_, markup) => {
    const field = mount(markup).firstElementChild as HTMLElement;
    showMidPage();
    field.focus();
    await userEvent.keyboard('2h');
    expect(calls).toEqual([]);
    expect(pageKeys).toEqual(['2', 'h']);
  });

  it('does nothing while hidden or after destroy', async () => {
    const bar = mountToolbar();
    await userEvent.keyboard('1');
    bar.show(selectionRect(selectWordAt('top: 300px; left: 300px')) as DOMRect);
    bar.hide();
    await userEvent.keyboard('2');
    bar.show(selectionRect(selectWordAt('top: 300px; left: 300px')) as DOMRect);
    bar.destroy();
    await userEvent.keyboard('3');
    expect(calls).toEqual([]);
    expect(bar.host.isConnected).toBe(false);
  });

  it('ignores keys a page script makes up', () => {
    showMidPage();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, cancelable: true }));
    expect(calls).toEqual([]);
  });
});

describe('the mouse', () => {
  it('ties on click without clearing the selection or telling the page', async () => {
    const range = showMidPage();
    const pageSaw: string[] = [];
    const record = (event: Event) => pageSaw.push(event.type);
    for (const type of ['mousedown', 'mouseup', 'click']) document.addEventListener(type, record);
    await userEvent.click(button('Tie to question 3'));
    for (const type of ['mousedown', 'mouseup', 'click']) document.removeEventListener(type, record);
    expect(calls).toEqual([['tie', 'q-context']]);
    expect(document.getSelection()?.toString()).toBe(range.toString());
    expect(pageSaw).toEqual([]);
  });

  it('keeps the selection when pressed between buttons', async () => {
    const range = showMidPage();
    const frame = shadow().querySelector('.frame') as HTMLElement;
    await userEvent.click(frame, { position: { x: 1, y: 1 } });
    expect(document.getSelection()?.toString()).toBe(range.toString());
    expect(calls).toEqual([]);
  });

  it('ignores clicks a page script makes up', () => {
    showMidPage();
    button('Highlight').click();
    expect(calls).toEqual([]);
  });
});

describe('messages for the reader', () => {
  const status = () => shadow().querySelector('[role="status"]') as HTMLElement;
  const WHY = 'The selection holds only spaces or line breaks. Select some words of the article to highlight them.';

  it('shows a message in a status line, and still covers nothing of the selection', () => {
    const range = selectWordAt('top: 120px; left: 300px');
    const bar = mountToolbar();
    bar.show(selectionRect(range) as DOMRect);
    const before = bar.host.getBoundingClientRect();
    expect(status().textContent).toBe('');
    bar.showMessage(WHY);
    const after = bar.host.getBoundingClientRect();
    expect(status().textContent).toBe(WHY);
    expect(after.height).toBeGreaterThan(before.height);
    expect(after.width).toBeLessThan(VIEWPORT.width / 2);
    expect(range.getClientRects().length).toBeGreaterThan(0);
    for (const line of range.getClientRects()) expect(intersects(after, line)).toBe(false);
  });

  it.each([
    ['kept when shown again for the same selection', (bar: SelectionToolbar, rect: DOMRect) => bar.show(rect), WHY],
    [
      'cleared when shown for a selection elsewhere',
      (bar: SelectionToolbar, rect: DOMRect) => bar.show(new DOMRect(rect.x + 50, rect.y, rect.width, rect.height)),
      '',
    ],
    [
      'cleared by hiding',
      (bar: SelectionToolbar, rect: DOMRect) => {
        bar.hide();
        bar.show(rect);
      },
      '',
    ],
  ])('is %s', (_, next, expected) => {
    const rect = selectionRect(selectWordAt('top: 300px; left: 300px')) as DOMRect;
    const bar = mountToolbar();
    bar.show(rect);
    bar.showMessage(WHY);
    next(bar, rect);
    expect(status().textContent).toBe(expected);
  });

  it('is not shown while the toolbar is hidden', () => {
    const bar = mountToolbar();
    bar.showMessage(WHY);
    expect(bar.isShown()).toBe(false);
    expect(status().textContent).toBe('');
  });
});

describe('moving between buttons (roving tabindex)', () => {
  const focused = () => shadow().activeElement?.getAttribute('aria-label')?.slice(0, 20);
  const tabStops = () => buttons().filter((b) => b.tabIndex === 0);

  it.each([
    ['ArrowRight moves to the next button', '{ArrowRight}', 'Tie to question 2: W'],
    ['ArrowLeft wraps from the first to the last', '{ArrowLeft}', 'Highlight'],
    ['ArrowRight wraps from the last to the first', '{End}{ArrowRight}', 'Tie to question 1: W'],
    ['End goes to the last, Home back to the first', '{End}{Home}', 'Tie to question 1: W'],
  ])('%s', async (_, keys, expected) => {
    showMidPage();
    await userEvent.keyboard('{Tab}');
    pageKeys = [];
    await userEvent.keyboard(keys);
    expect(focused()).toBe(expected);
    expect(tabStops()).toEqual([shadow().activeElement]);
    expect(pageKeys).toEqual([]);
  });

  it.each([
    ['ArrowDown', 0, 4, 1],
    ['ArrowUp', 0, 4, 3],
    ['Enter', 2, 4, null],
  ])('maps %s from %i of %i to %s', (key, current, count, expected) => {
    expect(rovingTarget(key, current, count)).toBe(expected);
  });
});

describe('placement on the page', () => {
  it.each([
    ['mid-page', 'top: 300px; left: 400px', 'above'],
    ['near the top', 'top: 10px; left: 400px', 'below'],
    ['near the bottom', 'bottom: 5px; left: 400px', 'above'],
    ['near the right edge', 'top: 300px; right: 2px', 'above'],
    ['near the left edge, near the top', 'top: 2px; left: 0', 'below'],
    ['over several lines', 'top: 200px; left: 100px; width: 120px', 'above'],
  ])('covers no part of a selection %s', (_, style, side) => {
    const range = selectWordAt(style, 'a passage the reader selected to highlight, tied to a question');
    mountToolbar().show(selectionRect(range) as DOMRect);
    const box = toolbar?.host.getBoundingClientRect() as DOMRect;
    expect(range.getClientRects().length).toBeGreaterThan(0);
    for (const line of range.getClientRects()) expect(intersects(box, line)).toBe(false);
    expect(box.left).toBeGreaterThanOrEqual(MARGIN_PX);
    expect(box.right).toBeLessThanOrEqual(VIEWPORT.width - MARGIN_PX);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(VIEWPORT.height);
    const selection = selectionRect(range) as DOMRect;
    expect(side === 'above' ? selection.top - box.bottom : box.top - selection.bottom).toBeCloseTo(GAP_PX, 0);
  });

  it.each([
    ['forwards, at the top edge', 'end', MARGIN_PX],
    ['backwards, at the bottom edge', 'start', VIEWPORT.height - MARGIN_PX],
  ] as const)('puts it, for a passage taller than the viewport selected %s', (_, focusEnd, edge) => {
    const range = selectWordAt('top: -50px; left: 100px; width: 300px', 'many words '.repeat(400));
    mountToolbar().show(selectionRect(range) as DOMRect, focusEnd);
    const box = toolbar?.host.getBoundingClientRect() as DOMRect;
    expect(focusEnd === 'end' ? box.top : box.bottom).toBeCloseTo(edge, 0);
  });

  it('cannot be hidden, moved or restyled by the page', () => {
    mount(`<style>
      journal-club-toolbar { display: none !important; top: 600px !important; transform: scale(3) !important; }
      html { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
    </style>`);
    showMidPage();
    const box = toolbar?.host.getBoundingClientRect() as DOMRect;
    expect(box.height).toBeGreaterThan(0);
    expect(box.bottom).toBeLessThanOrEqual(300);
    const plain = getComputedStyle(button('Highlight'));
    expect(plain.color).not.toBe('rgb(255, 0, 0)');
    expect(plain.fontSize).toBe('13px');
  });
});

describe('choosing where the toolbar goes', () => {
  const size = { width: 300, height: 40 };
  const rect = (left: number, top: number, width: number, height: number) => new DOMRect(left, top, width, height);
  it.each([
    ['above a selection with room above', rect(400, 300, 100, 20), 'end', { side: 'above', top: 252, left: 300 }],
    ['below when the room above is short', rect(400, 40, 100, 20), 'end', { side: 'below', top: 68 }],
    ['above when exactly tall enough', rect(400, 52, 100, 20), 'end', { side: 'above', top: 4 }],
    ['below when 1px short of that', rect(400, 51, 100, 20), 'end', { side: 'below', top: 79 }],
    ['inside the right edge', rect(950, 300, 40, 20), 'end', { left: 696 }],
    ['inside the left edge', rect(0, 300, 40, 20), 'end', { left: 4 }],
    ['at the top edge for a tall passage selected forwards', rect(0, 20, 500, 670), 'end', { side: 'top-edge' }],
    ['at the bottom edge for one selected backwards', rect(0, 20, 500, 670), 'start', { side: 'bottom-edge' }],
    ['at the bottom edge for a passage below the view', rect(0, 900, 500, 20), 'end', { top: 656 }],
    ['at the top edge for a passage above the view', rect(0, -300, 500, 20), 'end', { top: 4 }],
  ] as const)('places it %s', (_, selection, focusEnd, expected) => {
    expect(placeToolbar(selection, size, VIEWPORT, focusEnd)).toMatchObject(expected);
  });

  it.each([
    ['up, away from the selection, when there is room', rect(400, 300, 100, 20), 'up'],
    ['down when the toolbar above is near the top', rect(400, 60, 100, 20), 'down'],
    ['down, away from the selection, below it', rect(400, 10, 100, 20), 'down'],
  ])('opens tooltips %s', (_, selection, tips) => {
    expect(placeToolbar(selection, size, VIEWPORT).tips).toBe(tips);
  });
});
