import { afterAll, expect, it } from 'vitest';
import { buildTextIndex, createAnchorer, type Selector } from '../../utils/anchoring/index.ts';
import {
  type GeneratedBlock,
  generateDocument,
  isLowSurrogate,
  pointAfter,
  pointBefore,
} from '../support/dom/generate.ts';
import { sameBoundaries } from '../support/dom/markup.ts';
import { apacheDescribeQuote, apacheQuoteMatches } from '../support/dom/oracles.ts';
import { createRng, type Rng } from '../support/dom/prng.ts';

/**
 * Differential test against Apache Annotator on generated documents. Its text model is the raw concatenation of
 * Text nodes, ours adds a space at block edges; so selections stay inside one block, and a case is compared only
 * where both models see the quote once (a quote can occur once in one model and twice in the other when it
 * spans a block edge: "cell" + "the" is "cellthe" to Apache and "cell the" to us).
 */
const DOCUMENTS = 250;
const SELECTIONS_PER_DOCUMENT = 2;

interface Case {
  seed: number;
  root: HTMLElement;
  range: Range;
  exact: string;
}

function* cases(): Generator<Case> {
  for (let seed = 1; seed <= DOCUMENTS; seed++) {
    const rng = createRng(seed);
    const root = document.createElement('article');
    const blocks = generateDocument(rng, root);
    for (let k = 0; k < SELECTIONS_PER_DOCUMENT; k++) {
      const c = selectInBlock(rng, rng.pick(blocks));
      if (c !== null) yield { seed, root, ...c };
    }
  }
}

/** A random passage of one block, starting and ending on a character (as our selections always do). */
function selectInBlock(rng: Rng, block: GeneratedBlock): { range: Range; exact: string } | null {
  const { text, el } = block;
  let start = rng.int(0, text.length - 1);
  let end = rng.int(start + 1, Math.min(text.length, start + rng.pick([3, 8, 20, 60])));
  if (isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  while (text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (end <= start) return null;
  const range = el.ownerDocument.createRange();
  range.setStart(...pointBefore(el, start));
  range.setEnd(...pointAfter(el, end));
  return { range, exact: text.slice(start, end) };
}

function countOccurrences(text: string, quote: string): number {
  let n = 0;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) n++;
  return n;
}

const tally = { generated: 0, uniqueForApache: 0, compared: 0, describedByApache: 0 };

afterAll(() => console.info('differential test against Apache Annotator:', tally));

it('finds a unique quote at the same boundary points as Apache Annotator', async () => {
  for (const { seed, root, range, exact } of cases()) {
    tally.generated++;
    const apache = await apacheQuoteMatches(root, { exact });
    if (apache.length !== 1) continue;
    tally.uniqueForApache++;
    const ours = createAnchorer(root);
    if (countOccurrences(ours.text, exact) !== 1) continue;
    tally.compared++;
    const found = ours.anchor([{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }]);
    expect({ seed, exact, text: found?.text }).toEqual({ seed, exact, text: exact });
    expect({ seed, exact, same: sameBoundaries(found?.range as Range, apache[0] as Range) }).toEqual({
      seed,
      exact,
      same: true,
    });
    expect(sameBoundaries(apache[0] as Range, range)).toBe(true);
  }
  expect(tally.compared).toBeGreaterThan(200);
});

it('anchors the selectors Apache Annotator describes at the described place', async () => {
  for (const { seed, root, range, exact } of cases()) {
    const selector = await apacheDescribeQuote(range, root);
    const whole = (selector.prefix ?? '') + exact + (selector.suffix ?? '');
    // Apache keeps just enough raw-text context to be unique; compare where that holds in our text too.
    if (countOccurrences(buildTextIndex(root).text, whole) !== 1) continue;
    tally.describedByApache++;
    const found = createAnchorer(root).anchor([
      { type: 'TextQuoteSelector', prefix: '', suffix: '', ...selector } as Selector,
    ]);
    expect({ seed, selector, same: found !== null && sameBoundaries(found.range, range) }).toEqual({
      seed,
      selector,
      same: true,
    });
  }
  expect(tally.describedByApache).toBeGreaterThan(200);
});
