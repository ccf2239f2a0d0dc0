import { afterEach, expect, describe as group, it } from 'vitest';
import { createAnchorer, describe, type Selector } from '../../utils/anchoring/index.ts';
import { loadRepeatedPages } from '../support/dom/fixtures.ts';
import { type FuzzOutcome, formatFuzzTable, runFuzz } from '../support/dom/fuzzing.ts';
import { mount, unmountAll } from '../support/dom/markup.ts';

/**
 * Never the wrong copy (issue 10, item 7). Pages whose passages repeat (an embedded social feed with the same
 * hashtags and sentences, affiliations printed twice, captions repeated in a lightbox): highlights on them, after
 * random edits, are found in their own copy or left as orphans, and places that match equally well are not
 * guessed between.
 */
const pages = await loadRepeatedPages();
const outcomes: FuzzOutcome[] = [];
afterEach(unmountAll);

group('on pages with repeated passages', () => {
  it.each([0.01, 0.05, 0.1])('never anchors to the wrong copy when %s of the text is edited', (rate) => {
    for (const seed of [1234, 99, 2026]) {
      const outcome = runFuzz(pages, rate, 150, seed);
      outcomes.push(outcome);
      expect(outcome.wrongCases).toEqual([]);
      expect(outcome.right / outcome.highlights).toBeGreaterThanOrEqual(rate < 0.05 ? 0.98 : 0.95);
    }
    if (rate === 0.1) console.info(`Fuzzy anchoring on repeated passages:\n${formatFuzzTable(outcomes)}`);
  });
});

function selectorsFor(root: Element, nth: number, text: string): Selector[] {
  const node = [...root.querySelectorAll('p')].filter((p) => p.textContent?.includes(text))[nth]?.firstChild as Text;
  const at = node.data.indexOf(text);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  const described = describe(range, root);
  if (!described.ok) throw new Error(described.reason);
  return described.selectors;
}

group('between near-identical places', () => {
  const caption = '<p>Figure 2. Chlorophyll against total phosphorus, for each lake and year.</p>';
  const filler = `<p>${'Other words fill the page between the two copies of the caption. '.repeat(60)}</p>`;

  it('takes the copy at the stored position', () => {
    const root = mount(caption + filler + caption);
    const selectors = selectorsFor(root, 1, 'total phosphorus');
    const found = createAnchorer(root).locate(selectors);
    expect('range' in found && found.range.startContainer).toBe(root.children[2]?.firstChild);
  });

  it('refuses to guess, as ambiguous, when the stored position is near neither copy', () => {
    const root = mount(caption + filler + caption);
    const [quote, position] = selectorsFor(root, 1, 'total phosphorus') as [Selector, Selector];
    // The position now points into the filler between the copies, as after text was inserted and removed.
    const far = { ...position, start: 2000, end: 2016 } as Selector;
    expect(createAnchorer(root).locate([quote, far])).toEqual({ orphan: 'ambiguous' });
  });

  it('refuses to guess, as ambiguous, without a stored position', () => {
    const root = mount(caption + filler + caption);
    const [quote] = selectorsFor(root, 1, 'total phosphorus') as [Selector];
    expect(createAnchorer(root).locate([quote])).toEqual({ orphan: 'ambiguous' });
  });

  it('keeps a passage edited beyond the usual error budget in its place rather than taking an intact copy', () => {
    const root = mount(caption + filler + caption);
    const selectors = selectorsFor(root, 0, 'for each lake and year');
    const first = root.children[0]?.firstChild as Text;
    first.data = first.data.replace('for each lake and year', 'for evry lak and yaer');
    const found = createAnchorer(root).locate(selectors);
    expect('range' in found ? found.range.startContainer : found).toBe(first);
  });
});
