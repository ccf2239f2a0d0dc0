import { expect, it } from 'vitest';
import { loadFixturePages } from '../support/dom/fixtures.ts';
import { type FuzzOutcome, formatFuzzTable, runFuzz } from '../support/dom/fuzzing.ts';
import { generateArticleHtml } from '../support/dom/generate.ts';
import { createRng } from '../support/dom/prng.ts';

/**
 * Highlights on pages whose text was then edited at random: they must be found in the right place or reported as
 * orphans, never put somewhere else. Runs on the real pages, or on generated text when they are absent.
 */
const real = await loadFixturePages();
const pages = real.length > 0 ? real : [{ name: 'generated', html: generateArticleHtml(createRng(99), 200_000) }];
if (real.length === 0) console.warn('Fuzzy anchoring runs on generated text: the fixture pages are absent.');

const HIGHLIGHTS = 200;
const outcomes: FuzzOutcome[] = [];

it.each([0.01, 0.05, 0.1])('never anchors in the wrong place when %s of the text is edited', (rate) => {
  const outcome = runFuzz(pages, rate, HIGHLIGHTS, 1234);
  outcomes.push(outcome);
  if (rate === 0.1) console.info(`Fuzzy anchoring (${pages.length} pages):\n${formatFuzzTable(outcomes)}`);
  expect(outcome.highlights).toBeGreaterThanOrEqual(HIGHLIGHTS * 0.9);
  expect(outcome.wrongCases).toEqual([]);
});

it.each([0.05, 0.1])('finds at least 95%% of highlights in the right place when %s of the text is edited', (rate) => {
  const outcome = outcomes.find((o) => o.rate === rate) ?? runFuzz(pages, rate, HIGHLIGHTS, 1234);
  expect(outcome.right / outcome.highlights).toBeGreaterThanOrEqual(0.95);
});
