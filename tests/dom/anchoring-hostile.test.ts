import { afterEach, expect, it } from 'vitest';
import { anchorAll, createAnchorer, describe, type Selector } from '../../utils/anchoring/index.ts';
import { generateArticleHtml } from '../support/dom/generate.ts';
import { mount, unmountAll } from '../support/dom/markup.ts';
import { createRng } from '../support/dom/prng.ts';

/**
 * Stored highlights crafted to be as costly as possible (issue 10, F3: a share link of one-letter quotes with a
 * thousand characters of context froze a tab for 16 s): each must end within the matcher's work budget, and
 * anchoring a batch of them must keep yielding to the page.
 */
const realScheduler = Object.getOwnPropertyDescriptor(globalThis, 'scheduler');
afterEach(() => {
  unmountAll();
  if (realScheduler) Object.defineProperty(globalThis, 'scheduler', realScheduler);
  else Reflect.deleteProperty(globalThis, 'scheduler');
});

/** An article of some 200,000 characters where every letter occurs thousands of times. */
function bigPage(): HTMLElement {
  const doc = new DOMParser().parseFromString(generateArticleHtml(createRng(5), 200_000), 'text/html');
  return mount(doc.body.innerHTML);
}

function hostileItems(count: number, withPosition: boolean): { selectors: Selector[] }[] {
  const rng = createRng(77);
  const noise = () => Array.from({ length: 1000 }, () => 'abcdefghijklmnopqrstuvwxyz '.charAt(rng.int(0, 26))).join('');
  return Array.from({ length: count }, (_, i) => {
    const selectors: Selector[] = [
      { type: 'TextQuoteSelector', exact: 'etaoinsrhl'.charAt(i % 10), prefix: noise(), suffix: noise() },
    ];
    if (withPosition) selectors.push({ type: 'TextPositionSelector', start: rng.int(0, 190_000), end: 0 });
    return { selectors };
  });
}

it('ends each one-letter quote with a thousand characters of context within budget', () => {
  const root = bigPage();
  const anchorer = createAnchorer(root);
  const times: number[] = [];
  for (const item of hostileItems(30, false)) {
    const t0 = performance.now();
    anchorer.anchor(item.selectors);
    times.push(performance.now() - t0);
  }
  // Budgeted work is a few milliseconds; the bound leaves room for a loaded test machine.
  expect(Math.max(...times)).toBeLessThan(100);
});

it('keeps yielding to the page while it anchors thirty hostile highlights', async () => {
  const root = bigPage();
  const stretches: number[] = [];
  let since = performance.now();
  Object.defineProperty(globalThis, 'scheduler', {
    configurable: true,
    value: {
      yield: () => {
        stretches.push(performance.now() - since);
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            since = performance.now();
            resolve();
          }, 0),
        );
      },
    },
  });
  const items = [...hostileItems(15, false), ...hostileItems(15, true)];
  const result = await anchorAll(items, root, { budgetMs: 8 });
  stretches.push(performance.now() - since);
  expect(result.stoppedBy).toBe('done');
  expect(result.anchored.length + result.orphans.length).toBe(30);
  expect(Math.max(...stretches)).toBeLessThan(50);
});

it('gives up on a quote whose search would cost more than one highlight may, as over budget', () => {
  const root = bigPage();
  const rng = createRng(8);
  const exact = Array.from({ length: 4000 }, () => 'abcdefghijklmnopqrstuvwxyz '.charAt(rng.int(0, 26))).join('');
  const t0 = performance.now();
  const found = createAnchorer(root).locate([{ type: 'TextQuoteSelector', exact, prefix: 'x', suffix: 'y' }]);
  expect(found).toEqual({ orphan: 'over-budget' });
  expect(performance.now() - t0).toBeLessThan(100);
});

it('still finds a common word among more copies than it scores, by its nearest context', () => {
  const paragraphs = Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i} has the word in it.</p>`);
  const root = mount(paragraphs.join(''));
  const target = root.children[250] as HTMLElement;
  const node = target.firstChild as Text;
  const range = document.createRange();
  range.setStart(node, node.data.indexOf('the'));
  range.setEnd(node, node.data.indexOf('the') + 3);
  const described = describe(range, root);
  if (!described.ok) throw new Error(described.reason);
  // Text arrives above it, so the stored position no longer holds the quote.
  root.prepend(Object.assign(document.createElement('p'), { textContent: 'A late banner.' }));
  const found = createAnchorer(root).locate(described.selectors);
  expect('range' in found && found.range.startContainer).toBe(node);
});
