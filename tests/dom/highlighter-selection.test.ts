import { afterEach, describe, expect, it } from 'vitest';
import {
  highlightableRange,
  type NotHighlightableReason,
  selectionFocusEnd,
  selectionRect,
} from '../../utils/page/highlighter/selection';
import { mount, unmountAll } from '../support/dom/markup';

/** The first Text node under `root` (a document fragment, element or shadow root) that holds `needle`. */
function textOf(root: Node, needle: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if ((n as Text).data.includes(needle)) return n as Text;
  }
  throw new Error(`"${needle}" not found`);
}

/** Selects from the start of `from` to the end of `to` (words, each inside one Text node) with the real Selection. */
function select(fromRoot: Node, from: string, toRoot: Node = fromRoot, to: string = from): Selection {
  const start = textOf(fromRoot, from);
  const end = textOf(toRoot, to);
  const selection = document.getSelection() as Selection;
  selection.setBaseAndExtent(start, start.data.indexOf(from), end, end.data.indexOf(to) + to.length);
  return selection;
}

const ARTICLE = `
  <h1>Implementation support practitioners</h1>
  <p id="first">A proposal for <em>consolidating</em> a diverse evidence base.</p>
  <form><input value="typed by the reader"><textarea>notes of the reader</textarea></form>
  <div contenteditable="true">an <b>editable</b> comment box</div>
  <p contenteditable="false">plain again</p>
  <journal-club-toolbar>toolbar text</journal-club-toolbar>
  <p id="last">The last paragraph of the article.</p>`;

let article: HTMLElement;
let outside: HTMLElement;
let excludedHost: HTMLElement;

function setUp(): void {
  article = mount(ARTICLE);
  outside = mount('<nav>Site navigation, outside the article</nav>');
  excludedHost = article.querySelector('journal-club-toolbar') as HTMLElement;
}

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  (document.activeElement as HTMLElement | null)?.blur();
  unmountAll();
});

type Case = [string, () => Selection | null, NotHighlightableReason];

const refused: Case[] = [
  ['no selection object', () => null, 'none'],
  [
    'a selection without ranges',
    () => {
      document.getSelection()?.removeAllRanges();
      return document.getSelection();
    },
    'none',
  ],
  [
    'a caret in the article',
    () => {
      const selection = document.getSelection() as Selection;
      selection.collapse(textOf(article, 'proposal'), 3);
      return selection;
    },
    'collapsed',
  ],
  [
    'text selected inside an <input>',
    () => {
      const input = article.querySelector('input') as HTMLInputElement;
      input.focus();
      input.select();
      return document.getSelection();
    },
    'editable',
  ],
  ['a range in a <textarea>', () => select(article, 'notes'), 'editable'],
  ['text inside contenteditable', () => select(article, 'editable'), 'editable'],
  ['a selection ending in contenteditable', () => select(article, 'proposal', article, 'comment'), 'editable'],
  ['a selection starting in contenteditable', () => select(article, 'comment', article, 'last'), 'editable'],
  ['text inside an excluded host', () => select(article, 'toolbar'), 'excluded'],
  ['a selection passing through an excluded host', () => select(article, 'plain', article, 'last'), 'excluded'],
  ['text outside the article', () => select(outside, 'navigation'), 'outside-article'],
  ['a selection running out of the article', () => select(article, 'article.', outside, 'Site'), 'outside-article'],
  [
    'text in a shadow root inside the article',
    () => {
      const host = article.appendChild(document.createElement('div'));
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p>text of a web component</p>';
      return select(shadow, 'component');
    },
    'shadow',
  ],
];

describe('whether a selection can be highlighted', () => {
  it.each(refused)('refuses %s', (_, makeSelection, reason) => {
    setUp();
    expect(highlightableRange(makeSelection(), article, [excludedHost])).toEqual({ ok: false, reason });
  });

  it.each([
    ['words within one paragraph', 'proposal', 'base.', 'proposal for consolidating a diverse evidence base.'],
    ['words across an inline element', 'for', 'consolidating', 'for consolidating'],
    ['text from a heading into a paragraph', 'support', 'diverse', 'support practitioners'],
  ])('accepts %s', (_, from, to, expectedStart) => {
    setUp();
    const result = highlightableRange(select(article, from, article, to), article, [excludedHost]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.range.toString().slice(0, expectedStart.length)).toBe(expectedStart);
  });

  it('gives a copy of the range, which stays when the selection changes', () => {
    setUp();
    const selection = select(article, 'consolidating');
    const result = highlightableRange(selection, article, [excludedHost]);
    selection.removeAllRanges();
    expect(result.ok && result.range.toString()).toBe('consolidating');
  });
});

describe('where the selection is on screen', () => {
  it('is the box of a selection on one line', () => {
    setUp();
    const range = document.createRange();
    const text = textOf(article, 'consolidating');
    range.setStart(text, 0);
    range.setEnd(text, 5);
    const rect = selectionRect(range);
    expect(rect?.toJSON()).toEqual(range.getBoundingClientRect().toJSON());
  });

  it('is the union of every line of a selection over several lines', () => {
    article = mount(`<p style="width: 12em; font: 16px/1.5 serif">${'many words wrap over lines '.repeat(4)}</p>`);
    const range = document.createRange();
    range.selectNodeContents(textOf(article, 'many'));
    const rect = selectionRect(range) as DOMRect;
    const lines = [...range.getClientRects()];
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.top).toBeGreaterThanOrEqual(rect.top);
      expect(line.bottom).toBeLessThanOrEqual(rect.bottom);
      expect(line.left).toBeGreaterThanOrEqual(rect.left);
      expect(line.right).toBeLessThanOrEqual(rect.right);
    }
  });

  it('is null for text that is not rendered', () => {
    article = mount('<p style="display: none">hidden words</p>');
    const range = document.createRange();
    range.selectNodeContents(textOf(article, 'hidden'));
    expect(selectionRect(range)).toBeNull();
  });

  it.each([
    ['a selection made forwards', false, 'end'],
    ['a selection made backwards', true, 'start'],
  ] as const)('tells where the reader finished %s', (_, backwards, expected) => {
    setUp();
    const start = textOf(article, 'proposal');
    const end = textOf(article, 'last');
    const selection = document.getSelection() as Selection;
    if (backwards) selection.setBaseAndExtent(end, 4, start, 0);
    else selection.setBaseAndExtent(start, 0, end, 4);
    expect(selectionFocusEnd(selection)).toBe(expected);
  });
});
