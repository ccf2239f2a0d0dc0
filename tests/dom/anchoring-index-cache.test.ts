import { afterEach, expect, it } from 'vitest';
import { anchorAll, buildTextIndex, createTextIndexCache, describe } from '../../utils/anchoring/index.ts';
import { mount, unmountAll } from '../support/dom/markup.ts';

/** The page's text index is built once per state of its text (issue 10, item 8), and never used once stale. */
afterEach(unmountAll);

function quoteOf(root: Element, text: string) {
  const range = document.createRange();
  const node = [...root.querySelectorAll('p')].find((p) => p.textContent === text)?.firstChild as Text;
  range.selectNodeContents(node);
  const described = describe(range, root);
  if (!described.ok) throw new Error(described.reason);
  return { selectors: described.selectors };
}

it('keeps the index while the text is unchanged and drops it as soon as the text changes', () => {
  const root = mount('<p>First paragraph.</p><p>Second paragraph.</p>');
  const cache = createTextIndexCache(root);
  const index = buildTextIndex(root);
  cache.set(index);
  expect(cache.get()).toBe(index);
  (root.firstChild?.firstChild as Text).data = 'First paragraph, edited.';
  // Synchronously, before any observer callback has run.
  expect(cache.get()).toBeNull();
  cache.disconnect();
});

it.each([
  ['a new paragraph', (root: Element) => root.append(Object.assign(document.createElement('p'), { textContent: 'x' }))],
  ['text hidden in markup', (root: Element) => root.firstElementChild?.setAttribute('hidden', '')],
])('counts %s as a change', (_name, change) => {
  const root = mount('<p>First paragraph.</p><p>Second paragraph.</p>');
  const cache = createTextIndexCache(root);
  cache.set(buildTextIndex(root));
  change(root);
  expect(cache.get()).toBeNull();
  cache.disconnect();
});

it('anchors later passes against the kept index, and late text against a new one', async () => {
  const root = mount('<p>First paragraph.</p><p>Second paragraph.</p>');
  const cache = createTextIndexCache(root);
  const first = quoteOf(root, 'First paragraph.');
  await anchorAll([first], root, { cache });
  const kept = cache.get();
  expect(kept).not.toBeNull();
  await anchorAll([first], root, { cache });
  expect(cache.get()).toBe(kept);
  root.append(Object.assign(document.createElement('p'), { textContent: 'A late paragraph.' }));
  const late = {
    selectors: [{ type: 'TextQuoteSelector' as const, exact: 'late paragraph', prefix: 'A ', suffix: '.' }],
  };
  const result = await anchorAll([first, late], root, { cache });
  expect(result.anchored.map((a) => a.result.text)).toEqual(['First paragraph.', 'late paragraph']);
  expect(cache.get()).not.toBe(kept);
  cache.disconnect();
});
