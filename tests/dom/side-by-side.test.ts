import { afterEach, describe, expect, it } from 'vitest';
import { findMainColumn } from '../../utils/page/side-by-side/main-column';
import { makeRoom } from '../../utils/page/side-by-side/make-room';
import { startSideBySide } from '../../utils/page/side-by-side/side-by-side';
import { createStyleLedger } from '../../utils/page/side-by-side/style-ledger';
import type { PanelLayout } from '../../utils/protocol/tab-messages';

/**
 * Side by side measured on real layouts: each case is a page in its own frame of a given window size, because
 * what side by side does depends on where the browser puts the page's paragraphs in that window.
 */

const SENTENCE = 'The implementation support practitioner works with service teams over many months. ';
const paragraph = (sentences = 4) => `<p>${SENTENCE.repeat(sentences)}</p>`;
const ROOM = 414;

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

async function pageOf(body: string, width = 1280, height = 800, style = ''): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:${height}px;border:0;position:absolute;left:0;top:0`;
  frame.srcdoc = `<!doctype html><html><head><style>body{margin:8px;font:16px/1.5 serif}${style}</style></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentDocument as Document;
}

const rightmost = (doc: Document, selector = 'p') =>
  Math.max(...[...doc.querySelectorAll(selector)].map((p) => p.getBoundingClientRect().right));
const overflow = (doc: Document) => {
  const scroller = doc.scrollingElement as Element;
  return scroller.scrollWidth - scroller.clientWidth;
};

describe('finding the main column', () => {
  it('takes the paragraphs with the most text, not a sidebar’s, and the element that holds them', async () => {
    const doc = await pageOf(
      `<div style="display:flex;gap:40px"><main style="width:640px">${paragraph().repeat(5)}</main>
       <aside style="width:400px"><p>Price includes VAT</p><p>Institutional subscriptions</p></aside></div>`,
    );
    const column = findMainColumn(doc.body);
    expect(column?.paragraphs).toHaveLength(5);
    expect(column?.element.tagName).toBe('MAIN');
    expect(Math.round(column?.right ?? 0)).toBe(648);
  });

  it('skips hidden and empty paragraphs, and finds nothing where there is no text', async () => {
    const doc = await pageOf('<p style="display:none">hidden text</p><p>   </p>');
    expect(findMainColumn(doc.body)).toBeNull();
  });
});

describe('making room', () => {
  it('changes nothing when the column already ends left of the room', async () => {
    const doc = await pageOf(`<main style="width:600px">${paragraph().repeat(3)}</main>`);
    const ledger = createStyleLedger();
    expect(makeRoom(doc, ROOM, findMainColumn(doc.body), ledger).made).toBe('already-clear');
    expect(ledger.changed).toBe(false);
  });

  it('narrows the page for a centred column, which keeps its width and moves into its margin', async () => {
    const doc = await pageOf(paragraph().repeat(4), 1280, 800, 'body{max-width:736px;margin:0 auto}');
    const ledger = createStyleLedger();
    const width = doc.querySelector('p')?.getBoundingClientRect().width;
    expect(makeRoom(doc, ROOM, findMainColumn(doc.body), ledger).made).toBe('page-narrowed');
    expect(rightmost(doc)).toBeLessThanOrEqual(1280 - ROOM);
    expect(doc.querySelector('p')?.getBoundingClientRect().width).toBe(width);
    expect(overflow(doc)).toBe(0);
  });

  it('narrows the column itself inside a fixed-width container, which the page’s padding cannot move', async () => {
    const doc = await pageOf(
      `<div style="width:1200px"><div class="text">${paragraph().repeat(4)}</div></div>`,
      1280,
      800,
      '.text{margin:0 auto;max-width:1100px}',
    );
    const ledger = createStyleLedger();
    expect(makeRoom(doc, ROOM, findMainColumn(doc.body), ledger).made).toBe('column-narrowed');
    expect(rightmost(doc)).toBeLessThanOrEqual(1280 - ROOM);
    expect(rightmost(doc)).toBeGreaterThan(1280 - ROOM - 40);
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
    expect(overflow(doc)).toBe(0);
  });

  it('gives up, changing nothing, where neither way clears the column without scrolling sideways', async () => {
    const doc = await pageOf(`<p style="width:1100px">${SENTENCE.repeat(6)}</p>`.repeat(3));
    const ledger = createStyleLedger();
    expect(makeRoom(doc, ROOM, findMainColumn(doc.body), ledger).made).toBe('not-possible');
    expect(ledger.changed).toBe(false);
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
  });
});

describe('the style ledger', () => {
  it('puts back exactly what the page had: value, priority, or no style attribute at all', async () => {
    const doc = await pageOf('<div id="a" style="padding-right: 3px !important; color: red"></div><div id="b"></div>');
    const [a, b] = ['a', 'b'].map((id) => doc.getElementById(id) as HTMLElement) as [HTMLElement, HTMLElement];
    const before = a.getAttribute('style');
    const ledger = createStyleLedger();
    ledger.set(a, 'padding-right', '414px');
    ledger.set(a, 'padding-right', '420px');
    ledger.set(b, 'max-width', '500px');
    expect(a.style.getPropertyValue('padding-right')).toBe('420px');
    ledger.restore();
    expect(a.getAttribute('style')).toBe(before);
    expect(b.hasAttribute('style')).toBe(false);
    expect(ledger.changed).toBe(false);
  });

  it('leaves a declaration the page changed since as the page set it', async () => {
    const doc = await pageOf('<div id="a"></div>');
    const a = doc.getElementById('a') as HTMLElement;
    const ledger = createStyleLedger();
    ledger.set(a, 'max-width', '500px');
    a.style.setProperty('max-width', '300px');
    ledger.restore();
    expect(a.style.getPropertyValue('max-width')).toBe('300px');
  });

  it('puts back only its own declarations where the page changed others meanwhile', async () => {
    const doc = await pageOf('<div id="a" style="max-width: 900px; color: red"></div>');
    const a = doc.getElementById('a') as HTMLElement;
    const ledger = createStyleLedger();
    ledger.set(a, 'max-width', '500px');
    ledger.set(a, 'box-sizing', 'border-box');
    a.style.setProperty('overflow', 'hidden');
    ledger.restore();
    expect(a.style.getPropertyValue('max-width')).toBe('900px');
    expect(a.style.getPropertyPriority('max-width')).toBe('');
    expect(a.style.getPropertyValue('box-sizing')).toBe('');
    expect(a.style.getPropertyValue('overflow')).toBe('hidden');
    expect(a.style.getPropertyValue('color')).toBe('red');
  });
});

describe('side by side following the panel', () => {
  function panel(layout: PanelLayout, width = 400) {
    const listeners = new Set<(inset: number) => void>();
    const edge = {
      layout: () => layout,
      rightInset: () => (layout === 'open' ? width : layout === 'collapsed' ? 44 : 0),
      onInsetChange(listener: (inset: number) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      set(next: PanelLayout, nextWidth = width) {
        layout = next;
        width = nextWidth;
        for (const listener of listeners) listener(edge.rightInset());
      },
    };
    return edge;
  }
  const centred = 'html{padding-right:2px}body{max-width:736px;margin:0 auto}';

  it('makes room when the panel opens and gives it back, exactly, when it folds, closes or stops', async () => {
    const doc = await pageOf(paragraph().repeat(4), 1280, 800, centred);
    const edge = panel('open');
    const sideBySide = startSideBySide(doc, edge, true, () => true);
    expect(doc.documentElement.getAttribute('style')).toBe('padding-right: 416px !important;');
    expect(rightmost(doc)).toBeLessThanOrEqual(1280 - ROOM);
    edge.set('collapsed');
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
    edge.set('open');
    expect(rightmost(doc)).toBeLessThanOrEqual(1280 - ROOM);
    edge.set('closed');
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
    edge.set('open');
    sideBySide.stop();
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
  });

  it('follows the reader’s switch', async () => {
    const doc = await pageOf(paragraph().repeat(4), 1280, 800, centred);
    const sideBySide = startSideBySide(doc, panel('open'), false, () => true);
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
    sideBySide.setEnabled(true);
    expect(rightmost(doc)).toBeLessThanOrEqual(1280 - ROOM);
    sideBySide.setEnabled(false);
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
    sideBySide.stop();
  });

  it('leaves a narrow window to the overlay', async () => {
    const doc = await pageOf(paragraph().repeat(4), 900, 800, centred);
    const sideBySide = startSideBySide(doc, panel('open'), true, () => true);
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
    sideBySide.stop();
  });

  it('gives the room back once the extension is gone', async () => {
    const doc = await pageOf(paragraph().repeat(4), 1280, 800, centred);
    let running = true;
    const edge = panel('open');
    const sideBySide = startSideBySide(doc, edge, true, () => running);
    expect(doc.documentElement.hasAttribute('style')).toBe(true);
    running = false;
    edge.set('open', 420);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
    sideBySide.stop();
  });

  it('makes more room for a wider panel once the drag settles, and follows the window when it is resized', async () => {
    const doc = await pageOf(paragraph().repeat(4), 1280, 800, centred);
    const edge = panel('open');
    const sideBySide = startSideBySide(doc, edge, true, () => true);
    edge.set('open', 560);
    expect(doc.documentElement.style.getPropertyValue('padding-right')).toBe('416px');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(doc.documentElement.style.getPropertyValue('padding-right')).toBe('576px');
    (frames[0] as HTMLIFrameElement).style.width = '1100px';
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
    sideBySide.stop();
  });
});
