import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHighlightPainter, type HighlightPainter, type PaintItem } from '../../utils/page/highlighter/painter';
import { mount, unmountAll } from '../support/dom/markup';

/** The range of the first occurrence of `needle` in the root's text, which may run across elements. */
function find(root: Node, needle: string, occurrence = 0): Range {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: { node: Text; start: number }[] = [];
  let text = '';
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    nodes.push({ node: n as Text, start: text.length });
    text += (n as Text).data;
  }
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at === -1) throw new Error(`"${needle}" not found`);
  const place = (offset: number, isEnd: boolean) => {
    const hit = nodes.findLast(({ node, start }) => start < offset + (isEnd ? 0 : 1) && offset - start <= node.length);
    if (hit === undefined) throw new Error('no text node');
    return [hit.node, offset - hit.start] as const;
  };
  const range = doc.createRange();
  range.setStart(...place(at, false));
  range.setEnd(...place(at + needle.length, true));
  return range;
}

/**
 * A point on the `index`-th character of `word` (found as with `find`), in viewport coordinates: its middle, or
 * `across` of the way from its left edge (a caret place is the boundary nearer the point).
 */
function pointOn(root: Node, word: string, index = 0, across = 0.5): [number, number] {
  const range = find(root, word);
  const sub = document.createRange();
  const text = range.startContainer as Text;
  sub.setStart(text, range.startOffset + index);
  sub.setEnd(text, range.startOffset + index + 1);
  const box = sub.getBoundingClientRect();
  return [box.left + box.width * across, box.top + box.height / 2];
}

const ARTICLE = `
  <p style="font: 16px/1.5 monospace; width: 40em; margin: 40px; padding-bottom: 30px">
    Implementation support practitioners work <em>alongside</em> the people who deliver services, and their
    <b>competencies</b> are what this paper consolidates from a diverse evidence base.
  </p>`;

let painter: HighlightPainter | undefined;
let root: HTMLElement;
beforeEach(() => {
  root = mount(ARTICLE);
});
afterEach(() => {
  painter?.destroy();
  painter = undefined;
  unmountAll();
  window.scrollTo(0, 0);
});

function paint(items: readonly PaintItem[]): HighlightPainter {
  painter = createHighlightPainter(document);
  painter.paint(items);
  return painter;
}

const ranges = (name: string) => [...(CSS.highlights.get(name) ?? [])];

describe('painting', () => {
  it.each([
    ['the first question', 0, 'jc-q0'],
    ['the second question', 1, 'jc-q1'],
    ['the seventh question (last colour)', 6, 'jc-q6'],
    ['the eighth question, which wraps to the first colour', 7, 'jc-q0'],
    ['no question', null, 'jc-untied'],
  ])('registers a highlight for %s under its style name', (_, questionIndex, name) => {
    const range = find(root, 'support practitioners');
    paint([{ id: 'a', questionIndex, range }]);
    expect(ranges(name)).toEqual([range]);
  });

  it('puts exactly the ranges of each question index under its name', () => {
    const [one, two, three, four] = ['Implementation', 'alongside', 'competencies', 'diverse'].map((w) =>
      find(root, w),
    );
    paint([
      { id: 'a', questionIndex: 1, range: one as Range },
      { id: 'b', questionIndex: 0, range: two as Range },
      { id: 'c', questionIndex: 1, range: three as Range },
      { id: 'd', questionIndex: null, range: four as Range },
    ]);
    expect(ranges('jc-q1')).toEqual([one, three]);
    expect(ranges('jc-q0')).toEqual([two]);
    expect(ranges('jc-untied')).toEqual([four]);
    expect(CSS.highlights.has('jc-q2')).toBe(false);
  });

  it('replaces what was drawn when painting again', () => {
    const first = find(root, 'alongside');
    const second = find(root, 'competencies');
    const p = paint([
      { id: 'a', questionIndex: 0, range: first },
      { id: 'b', questionIndex: 2, range: first },
    ]);
    p.paint([{ id: 'c', questionIndex: 2, range: second }]);
    expect(CSS.highlights.has('jc-q0')).toBe(false);
    expect(ranges('jc-q2')).toEqual([second]);
  });

  it('leaves the article DOM exactly as it was, flashing included', () => {
    const before = document.body.innerHTML;
    const p = paint([{ id: 'a', questionIndex: 3, range: find(root, 'people who deliver') }]);
    p.flash('a');
    expect(document.body.innerHTML).toBe(before);
  });

  it("adds its style sheet after the document's own adopted sheets and removes only its own", () => {
    const own = new CSSStyleSheet();
    own.replaceSync('p { letter-spacing: 0; }');
    document.adoptedStyleSheets.push(own);
    try {
      const p = paint([]);
      expect(document.adoptedStyleSheets).toHaveLength(2);
      expect(document.adoptedStyleSheets[0]).toBe(own);
      const css = [...(document.adoptedStyleSheets[1]?.cssRules ?? [])].map((rule) => rule.cssText).join('\n');
      expect(css).toContain('::highlight(jc-q0)');
      expect(css).toContain('::highlight(jc-untied)');
      expect(css).toContain('::highlight(jc-flash)');
      expect(css).toContain('::highlight(jc-shared)');
      expect(css).toContain('prefers-color-scheme: dark');
      p.destroy();
      expect(document.adoptedStyleSheets).toEqual([own]);
    } finally {
      document.adoptedStyleSheets.splice(0);
    }
  });

  it('styles each question with its underline, so colour is not the only cue', () => {
    paint([{ id: 'a', questionIndex: 1, range: find(root, 'alongside') }]);
    const style = getComputedStyle(root.querySelector('em') as Element, '::highlight(jc-q1)');
    expect(style.textDecorationStyle).toBe('dashed');
    expect(style.backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('clears and destroys what it registered, and leaves a page highlight of another name alone', () => {
    const pageOwn = new Highlight(find(root, 'paper'));
    CSS.highlights.set('page-own', pageOwn);
    const p = paint([{ id: 'a', questionIndex: 0, range: find(root, 'alongside') }]);
    p.clear();
    expect(CSS.highlights.has('jc-q0')).toBe(false);
    expect(p.highlightAt(...pointOn(root, 'alongside', 2))).toBeNull();
    p.destroy();
    expect(CSS.highlights.get('page-own')).toBe(pageOwn);
    CSS.highlights.delete('page-own');
  });
});

describe('hit-testing clicks', () => {
  const items = () => [
    { id: 'outer', questionIndex: 0, range: find(root, 'support practitioners work alongside the people') },
    { id: 'inner', questionIndex: 1, range: find(root, 'alongside') },
    { id: 'edge', questionIndex: 2, range: find(root, 'competencies are') },
    { id: 'across', questionIndex: null, range: find(root, 'diverse evidence base.') },
  ];

  it.each([
    ['a word of a highlight', 'practitioners', 3, 'outer'],
    ['the first character of a highlight', 'support', 0, 'outer'],
    ['the last character of a highlight', 'people', 5, 'outer'],
    ['a highlight nested in another (innermost wins)', 'alongside', 4, 'inner'],
    ['the first character of an element starting a highlight', 'competencies', 0, 'edge'],
    ['text after an element inside a highlight', ' are', 2, 'edge'],
    ['the character just before a highlight', 'Implementation', 13, null],
    ['the character just after a highlight', 'who', 0, null],
    ['text no highlight covers', 'consolidates', 4, null],
  ])('finds the highlight under %s', (_, word, index, expected) => {
    const p = paint(items());
    expect(p.highlightAt(...pointOn(root, word, index))).toBe(expected);
  });

  it.each([
    ['the right of the space before a highlight (caret at its start)', 'n support', 1, 0.9, null],
    ['the left of the space after a highlight (caret at its end)', 'people who', 6, 0.1, null],
    ['the right of the last character of a highlight', 'people who', 5, 0.9, 'outer'],
    ['the left of the first character of a highlight', 'support', 0, 0.1, 'outer'],
  ])('tells a highlight from its neighbour on %s', (_, word, index, across, expected) => {
    const p = paint(items());
    expect(p.highlightAt(...pointOn(root, word, index, across))).toBe(expected);
  });

  it('finds nothing in the padding below highlighted text, though the caret snaps into the highlight', () => {
    const all = items();
    const p = paint(all);
    const [x] = pointOn(root, 'evidence', 3);
    const y = (root.querySelector('p')?.getBoundingClientRect().bottom ?? 0) - 10;
    const caret = document.caretPositionFromPoint(x, y);
    expect(caret && all[3]?.range.isPointInRange(caret.offsetNode, caret.offset)).toBe(true);
    expect(p.highlightAt(x, y)).toBeNull();
  });

  it('falls back to layout boxes where the browser cannot place a caret', () => {
    const p = paint(items());
    const points = [pointOn(root, 'alongside', 4), pointOn(root, 'deliver', 2)];
    for (const name of ['caretPositionFromPoint', 'caretRangeFromPoint']) {
      Object.defineProperty(document, name, { value: undefined, configurable: true });
    }
    try {
      expect(points.map((point) => p.highlightAt(...point))).toEqual(['inner', null]);
    } finally {
      Reflect.deleteProperty(document, 'caretPositionFromPoint');
      Reflect.deleteProperty(document, 'caretRangeFromPoint');
    }
  });

  it('finds nothing in the margin beside or below the text', () => {
    const p = paint(items());
    const box = root.querySelector('p')?.getBoundingClientRect() as DOMRect;
    expect(p.highlightAt(box.left - 20, box.top + 5)).toBeNull();
    expect(p.highlightAt(box.left + 10, box.bottom + 20)).toBeNull();
  });

  it('finds the right one among several hundred highlights', () => {
    const many = mount(
      `<div style="font: 14px/1.4 monospace">${Array.from({ length: 300 }, (_, i) => `<span>w${i}x</span> `).join('')}</div>`,
    );
    const all = Array.from({ length: 300 }, (_, i) => ({
      id: `h${i}`,
      questionIndex: i % 9,
      range: find(many, `w${i}x`),
    }));
    const p = paint(all);
    many.scrollIntoView();
    for (const i of [0, 137, 299]) expect(p.highlightAt(...pointOn(many, `w${i}x`, 1))).toBe(`h${i}`);
  });
});

describe('flashing a highlight', () => {
  it('draws it as jc-flash above the others, then removes jc-flash', async () => {
    const range = find(root, 'competencies');
    const p = paint([{ id: 'a', questionIndex: 0, range }]);
    p.flash('a', 30);
    const flash = CSS.highlights.get('jc-flash');
    expect(flash && [...flash]).toEqual([range]);
    expect(flash?.priority).toBeGreaterThan(CSS.highlights.get('jc-q0')?.priority ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(CSS.highlights.has('jc-flash')).toBe(false);
    expect(ranges('jc-q0')).toEqual([range]);
  });

  it('restarts on a second flash and ignores an unknown id', async () => {
    const p = paint([
      { id: 'a', questionIndex: 0, range: find(root, 'alongside') },
      { id: 'b', questionIndex: 1, range: find(root, 'paper') },
    ]);
    p.flash('a', 40);
    await new Promise((resolve) => setTimeout(resolve, 25));
    p.flash('b', 40);
    p.flash('missing', 40);
    await new Promise((resolve) => setTimeout(resolve, 25));
    expect([...(CSS.highlights.get('jc-flash') ?? [])].map(String)).toEqual(['paper']);
  });
});

describe('where the Highlight API is missing or the document is another one', () => {
  it('does nothing and does not throw for a document without a window', () => {
    const doc = new DOMParser().parseFromString('<p>text</p>', 'text/html');
    const p = createHighlightPainter(doc);
    expect(p.supported).toBe(false);
    p.paint([{ id: 'a', questionIndex: 0, range: find(doc.body, 'text') }]);
    p.flash('a');
    expect(p.highlightAt(1, 1)).toBeNull();
    p.destroy();
  });

  it('does nothing where the window has no Highlight (older Firefox)', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow as Window & { Highlight?: unknown };
    delete win.Highlight;
    const p = createHighlightPainter(frame.contentDocument as Document);
    expect(p.supported).toBe(false);
    expect(() => p.paint([])).not.toThrow();
    expect(frame.contentDocument?.adoptedStyleSheets).toHaveLength(0);
    frame.remove();
  });

  it("paints a frame's document with that frame's own constructors and registry", () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const doc = frame.contentDocument as Document;
    doc.body.innerHTML = '<p>framed text</p>';
    const p = createHighlightPainter(doc);
    p.paint([{ id: 'a', questionIndex: 4, range: find(doc.body, 'framed') }]);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    expect(doc.defaultView?.CSS.highlights.has('jc-q4')).toBe(true);
    expect(CSS.highlights.has('jc-q4')).toBe(false);
    p.destroy();
    frame.remove();
  });
});
