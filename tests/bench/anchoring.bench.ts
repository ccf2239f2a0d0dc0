import { expect, it } from 'vitest';
import { describeWithIndex } from '../../utils/anchoring/describe.ts';
import {
  anchorAll,
  buildTextIndex,
  createAnchorer,
  createTextIndexCache,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../utils/anchoring/index.ts';
import { loadFixturePages, loadRepeatedPages } from '../support/dom/fixtures.ts';
import { type FuzzOutcome, formatFuzzTable, runFuzz } from '../support/dom/fuzzing.ts';
import { generateArticleHtml } from '../support/dom/generate.ts';
import { apacheQuoteMatches, domAnchorTextQuote } from '../support/dom/oracles.ts';
import { createRng } from '../support/dom/prng.ts';

/**
 * Anchoring 500 highlights on about 1 MB of article text, against Apache Annotator's and dom-anchor-text-quote's
 * quote matchers on the same quotes, then the fuzzy-anchoring rates. Prints figures; asserts no timings.
 *
 * The document is the six fixture pages' bodies side by side, repeated until the reader's text reaches 1 MB. Each
 * repetition after the first has its letters shifted (a→b, …), so the copies do not turn every quote into four
 * identical candidates: same structure, same lengths, different words.
 */
const TARGET_CHARS = 1_000_000;
const HIGHLIGHTS = 500;
/** The other tools take a whole-document pass per quote; they are timed on a subset and extrapolated. */
const PEER_SUBSET = 20;
const RUNS = 7;

const real = await loadFixturePages();
const source = real.length > 0 ? 'the six fixture pages' : 'generated text (fixture pages absent)';
const pages = real.length > 0 ? real : [{ name: 'generated', html: generateArticleHtml(createRng(7), 270_000) }];

function shiftLetters(root: Node, by: number): void {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const shift = (c: string, base: number) => String.fromCharCode(((c.charCodeAt(0) - base + by) % 26) + base);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const t = n as Text;
    t.data = t.data.replace(/[a-z]/g, (c) => shift(c, 97)).replace(/[A-Z]/g, (c) => shift(c, 65));
  }
}

function buildCorpus(): Element {
  const doc = document.implementation.createHTMLDocument('corpus');
  const root = doc.createElement('main');
  doc.body.append(root);
  const bodies = pages.map((page) => new DOMParser().parseFromString(page.html, 'text/html').body);
  const perCopy = bodies.reduce((sum, body) => sum + buildTextIndex(body).text.length, 0);
  for (let copy = 0; copy * perCopy < TARGET_CHARS; copy++) {
    for (const body of bodies) {
      const section = doc.createElement('section');
      section.append(...Array.from(body.childNodes, (n) => doc.importNode(n, true)));
      if (copy > 0) shiftLetters(section, copy);
      root.append(section);
    }
  }
  return root;
}

/** Median and fastest of several runs: the machine is shared, single runs are noisy. */
function timeRuns<T>(runs: number, run: () => T): { median: number; min: number; last: T } {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = run();
    times.push(performance.now() - t0);
  }
  return summary(times, last as T);
}

async function timeRunsAsync<T>(
  runs: number,
  run: () => Promise<T>,
): Promise<{ median: number; min: number; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await run();
    times.push(performance.now() - t0);
  }
  return summary(times, last as T);
}

function summary<T>(times: number[], last: T): { median: number; min: number; last: T } {
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] as number, min: times[0] as number, last };
}

interface Passage {
  selectors: [TextQuoteSelector, TextPositionSelector];
  start: number;
  end: number;
}

function choosePassages(root: Element): Passage[] {
  const rng = createRng(2024);
  const index = buildTextIndex(root);
  const out: Passage[] = [];
  while (out.length < HIGHLIGHTS) {
    const length = rng.int(20, 300);
    let start = rng.int(0, index.text.length - length);
    let end = start + length;
    while (index.text[start] === ' ') start++;
    while (end > start && index.text[end - 1] === ' ') end--;
    const result = describeWithIndex(index.toRange(start, end), index);
    if (result.ok) out.push({ selectors: result.selectors, start, end });
  }
  return out;
}

interface Row {
  tool: string;
  measured: number;
  ms: number;
  agree: number;
  note: string;
}

it('anchors 500 highlights on 1 MB of text faster than the peers', async () => {
  const root = buildCorpus();
  const passages = choosePassages(root);
  const reference = buildTextIndex(root);
  const at = (r: Range | null | undefined) =>
    r ? [reference.offsetOf(r.startContainer, r.startOffset), reference.offsetOf(r.endContainer, r.endOffset)] : null;
  const agrees = (p: Passage, r: Range | null | undefined) => {
    const found = at(r);
    return found !== null && found[0] === p.start && found[1] === p.end;
  };
  const quoteOnly = (p: Passage) => [p.selectors[0]];

  // Warm-up on a separate copy, so the timed run measures steady-state code rather than the JIT's first pass.
  const warm = createAnchorer(buildCorpus());
  for (const p of passages.slice(0, 50)) warm.anchor(p.selectors);

  const rows: Row[] = [];
  const ours = (tool: string, selectorsOf: (p: Passage) => Selector[], note: string) => {
    const timed = timeRuns(RUNS, () => {
      const anchorer = createAnchorer(root);
      return passages.map((p) => anchorer.anchor(selectorsOf(p)));
    });
    const agree = passages.filter((p, i) => agrees(p, timed.last[i]?.range)).length;
    const orphans = timed.last.filter((r) => r === null).length;
    const spread = `median of ${RUNS} runs (fastest ${timed.min.toFixed(1)} ms); ${orphans} orphans`;
    rows.push({ tool, measured: passages.length, ms: timed.median, agree, note: `${spread}; ${note}` });
  };
  ours('ours: createAnchorer (quote + position)', (p) => p.selectors, 'index build included');
  ours('ours: createAnchorer (quote only)', quoteOnly, 'the peers’ input: no position');
  // What the page does (utils/page/document/html.ts): anchorAll with the index kept until the text changes. The
  // first pass of a page state pays for the index; later passes (late text elsewhere, the panel reopening, the
  // reader's selections) reuse it.
  const cache = createTextIndexCache(root);
  const items = passages.map((p) => ({ selectors: p.selectors }));
  const unlimited = { budgetMs: Number.POSITIVE_INFINITY, cache };
  await anchorAll(items, root, unlimited);
  const kept = await timeRunsAsync(RUNS, () => anchorAll(items, root, unlimited));
  const keptAgree = passages.filter((p, i) => agrees(p, kept.last.anchored[i]?.result.range)).length;
  rows.push({
    tool: 'ours: anchorAll, index kept (page)',
    measured: passages.length,
    ms: kept.median,
    agree: keptAgree,
    note: `median of ${RUNS} runs (fastest ${kept.min.toFixed(1)} ms); goal ≤ 50 ms: ${kept.median <= 50 ? 'met' : 'NOT met'}`,
  });
  cache.disconnect();
  const cold = await timeRunsAsync(RUNS, async () => {
    const fresh = createTextIndexCache(root);
    const result = await anchorAll(items, root, { budgetMs: Number.POSITIVE_INFINITY, cache: fresh });
    fresh.disconnect();
    return result;
  });
  rows.push({
    tool: 'ours: anchorAll, first pass (page)',
    measured: passages.length,
    ms: cold.median,
    agree: passages.filter((p, i) => agrees(p, cold.last.anchored[i]?.result.range)).length,
    note: `median of ${RUNS} runs (fastest ${cold.min.toFixed(1)} ms); builds the index once per page state`,
  });
  const index = timeRuns(RUNS, () => buildTextIndex(root));
  rows.push({
    tool: 'ours: index build alone',
    measured: 0,
    ms: index.median,
    agree: 0,
    note: `median of ${RUNS} runs (fastest ${index.min.toFixed(1)} ms); part of the first row, once per page state`,
  });

  const subset = passages.slice(0, PEER_SUBSET);
  const peer = async (tool: string, find: (p: Passage) => Promise<Range | null | undefined>) => {
    let agree = 0;
    const t = performance.now();
    for (const p of subset) if (agrees(p, await find(p))) agree++;
    const ms = ((performance.now() - t) * passages.length) / subset.length;
    rows.push({ tool, measured: subset.length, ms, agree, note: `timed on ${subset.length}, extrapolated to 500` });
  };
  await peer(
    '@apache-annotator/dom text-quote matcher',
    async (p) => (await apacheQuoteMatches(root, p.selectors[0]))[0],
  );
  await peer('dom-anchor-text-quote toRange', async (p) => domAnchorTextQuote(root, p.selectors[0]));

  const raw = root.textContent ?? '';
  const verbatim = subset.filter((p) => raw.includes(p.selectors[0].exact)).length;
  const base = rows[0]?.ms ?? 1;
  const table = [
    `Anchoring ${passages.length} highlights (20–300 characters) on ${reference.text.length.toLocaleString('en')} characters of reader's text from ${source}:`,
    'tool                                     |   total ms | ms/highlight | vs ours | agree     | note',
    ...rows.map(
      (r) =>
        `${r.tool.padEnd(40)} | ${r.ms.toFixed(1).padStart(10)} | ${(r.measured ? (r.ms / passages.length).toFixed(3) : '').padStart(12)} | ${`${(r.ms / base).toFixed(1)}×`.padStart(7)} | ${(r.measured ? `${r.agree}/${r.measured}` : '').padStart(9)} | ${r.note}`,
    ),
    'agree: same start and end as the described passage. The peers search raw text (textContent), where quotes that',
    `span block edges or collapsed whitespace do not occur verbatim: ${verbatim} of the ${subset.length} in their subset do.`,
  ].join('\n');
  console.info(table);
  expect(rows[0]?.agree).toBe(passages.length);
});

it('prints the fuzzy-anchoring rates', async () => {
  const repeated = await loadRepeatedPages();
  const sets = [
    { name: source, pages, highlights: 200 },
    { name: 'the pages with repeated passages (tests/fixtures/repeated)', pages: repeated, highlights: 150 },
  ];
  const all: FuzzOutcome[] = [];
  for (const set of sets) {
    // Several seeds: one seed's few hundred highlights say little about rare wrong anchors.
    const outcomes = [0.01, 0.05, 0.1].map((rate) =>
      mergeOutcomes(SEEDS.map((seed) => runFuzz(set.pages, rate, set.highlights, seed))),
    );
    all.push(...outcomes);
    console.info(
      `Fuzzy anchoring on ${set.name}, ${set.highlights} highlights per rate and seed, seeds ${SEEDS.join(', ')}:\n${formatFuzzTable(outcomes)}`,
    );
    for (const o of outcomes) for (const w of o.wrongCases) console.info('wrong:', w);
  }
  console.info('Goals: 0 wrong at 1% and 5%; ≥ 95% right at 5% and 10%; ≤ 1% wrong at 10%.');
  expect(all.filter((o) => o.rate <= 0.05).every((o) => o.wrong === 0)).toBe(true);
});

const SEEDS = [1234, 99, 2026];

function mergeOutcomes(outcomes: readonly FuzzOutcome[]): FuzzOutcome {
  const first = outcomes[0] as FuzzOutcome;
  const sum = (key: 'highlights' | 'right' | 'wrong' | 'orphan' | 'ambiguous') =>
    outcomes.reduce((total, o) => total + o[key], 0);
  return {
    rate: first.rate,
    highlights: sum('highlights'),
    right: sum('right'),
    wrong: sum('wrong'),
    orphan: sum('orphan'),
    ambiguous: sum('ambiguous'),
    wrongCases: outcomes.flatMap((o) => o.wrongCases),
  };
}
