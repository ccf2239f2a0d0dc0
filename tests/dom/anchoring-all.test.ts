import { afterEach, expect, it, vi } from 'vitest';
import { type AnchorResult, anchorAll, describe, type Selector } from '../../utils/anchoring/index.ts';
import { mount, unmountAll } from '../support/dom/markup.ts';

interface Item {
  id: number;
  selectors: Selector[];
}

const realScheduler = Object.getOwnPropertyDescriptor(globalThis, 'scheduler');

afterEach(() => {
  unmountAll();
  if (realScheduler) Object.defineProperty(globalThis, 'scheduler', realScheduler);
  else Reflect.deleteProperty(globalThis, 'scheduler');
});

/** Replaces `scheduler.yield` to count yields, optionally letting time pass or the page change in each. */
function countYields(delayMs = 0, onYield?: (count: number) => void): { count: number } {
  const seen = { count: 0 };
  Object.defineProperty(globalThis, 'scheduler', {
    configurable: true,
    value: {
      yield: () => {
        seen.count++;
        onYield?.(seen.count);
        return new Promise<void>((resolve) => setTimeout(resolve, delayMs));
      },
    },
  });
  return seen;
}

/** A page of `n` paragraphs, with a highlight on each of the first `highlights` plus one not on the page. */
function page(n: number, highlights = n): { root: HTMLElement; items: Item[]; missing: Item } {
  const paragraphs = Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} says something number ${i * 7}.</p>`);
  const root = mount(paragraphs.join(''));
  const items = Array.from(root.children, (p, id) => ({ p, id }))
    .slice(0, highlights)
    .map(({ p, id }) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      const result = describe(range, root);
      if (!result.ok) throw new Error(result.reason);
      return { id, selectors: result.selectors };
    });
  const missing = {
    id: -1,
    selectors: [{ type: 'TextQuoteSelector', exact: 'not on this page', prefix: '', suffix: '' }],
  };
  return { root, items, missing: missing as Item };
}

it('anchors every highlight it can and lists the others as orphans', async () => {
  const { root, items, missing } = page(20);
  const result = await anchorAll([...items, missing], root);
  expect(result.stoppedBy).toBe('done');
  expect(result.anchored.map((a) => a.item.id)).toEqual(items.map((i) => i.id));
  expect(result.orphans).toEqual([missing]);
  expect(result.unfinished).toEqual([]);
  expect(result.anchored[3]?.result.text).toBe('Paragraph 3 says something number 21.');
});

it.each([
  ['yields to the page between highlights when the budget is spent', 0, 29],
  ['does not yield when everything fits in one slice', 10_000, 0],
])('%s', async (_name, budgetMs, yields) => {
  const seen = countYields();
  const { root, items } = page(30);
  const result = await anchorAll(items, root, { budgetMs });
  expect(result.anchored).toHaveLength(30);
  expect(seen.count).toBeGreaterThanOrEqual(yields);
  if (yields === 0) expect(seen.count).toBe(0);
});

it('indexes a large page in slices too', async () => {
  const seen = countYields();
  const { root, items } = page(2000, 1);
  const result = await anchorAll(items, root, { budgetMs: 0 });
  expect(result.anchored).toHaveLength(1);
  // 2,000 paragraphs are 4,000 nodes; the clock is read every 512.
  expect(seen.count).toBeGreaterThanOrEqual(5);
});

it('starts indexing over when the page changes meanwhile, so late text is found', async () => {
  const { root, items } = page(2000, 1);
  countYields(0, (count) => {
    if (count === 2) root.append(Object.assign(document.createElement('p'), { textContent: 'A late paragraph.' }));
  });
  const late = {
    id: 9999,
    selectors: [{ type: 'TextQuoteSelector', exact: 'late paragraph', prefix: 'A ', suffix: '.' }],
  };
  const result = await anchorAll([items[0] as Item, late as Item], root, { budgetMs: 0 });
  expect(result.anchored.map((a) => a.item.id)).toEqual([0, 9999]);
});

it('falls back to a timer when scheduler.yield is unavailable', async () => {
  Object.defineProperty(globalThis, 'scheduler', { configurable: true, value: undefined });
  const timer = vi.spyOn(globalThis, 'setTimeout');
  const { root, items } = page(5);
  const result = await anchorAll(items, root, { budgetMs: 0 });
  expect(result.anchored).toHaveLength(5);
  expect(timer).toHaveBeenCalled();
  timer.mockRestore();
});

it('gives up at the deadline and returns the rest as unfinished', async () => {
  countYields(20);
  const { root, items } = page(50);
  const result = await anchorAll(items, root, { budgetMs: 0, deadlineMs: 50 });
  expect(result.stoppedBy).toBe('deadline');
  expect(result.anchored.length).toBeGreaterThan(0);
  expect(result.unfinished.length).toBeGreaterThan(0);
  expect(result.anchored.length + result.unfinished.length).toBe(50);
});

it('stops when aborted, keeping what it found, without rejecting', async () => {
  const { root, items } = page(30);
  const controller = new AbortController();
  const painted: AnchorResult[] = [];
  const result = await anchorAll(items, root, {
    budgetMs: 0,
    signal: controller.signal,
    onAnchored: (_item, found) => {
      painted.push(found);
      if (painted.length === 3) controller.abort();
    },
  });
  expect(result.stoppedBy).toBe('abort');
  expect(result.anchored).toHaveLength(3);
  expect(painted).toHaveLength(3);
  expect(result.unfinished).toHaveLength(27);
});

it('does nothing when already aborted', async () => {
  const { root, items } = page(3);
  const result = await anchorAll(items, root, { signal: AbortSignal.abort() });
  expect(result).toMatchObject({ stoppedBy: 'abort', anchored: [], unfinished: items });
});
