import { buildTextIndex, createAnchorer, describe, type Selector } from '../../../utils/anchoring/index.ts';
import { overlaps } from './markup.ts';
import { createRng, type Rng } from './prng.ts';
import { selectableTextNodes } from './selectable.ts';

/**
 * The fuzzy-anchoring experiment shared by the tests and the benchmark: make highlights on pages, edit the pages'
 * text at random (insertions, deletions, substitutions at a given rate of characters, by editing Text nodes), then
 * anchor again and classify each highlight:
 * - right: the new range overlaps where the original passage is now (tracked by a live Range, which the browser
 *   moves along with every edit);
 * - wrong: anchored anywhere else;
 * - orphan: not anchored; `ambiguous` counts those of them refused because several places matched about equally.
 */
export interface FuzzOutcome {
  rate: number;
  highlights: number;
  right: number;
  wrong: number;
  orphan: number;
  /** Orphans that were refused as ambiguous (part of `orphan`). */
  ambiguous: number;
  /** For diagnosing a wrong anchor: what was stored and what was found. */
  wrongCases: { page: string; exact: string; found: string; method: string }[];
}

interface Highlight {
  page: string;
  selectors: Selector[];
  original: Range;
  exact: string;
}

export function runFuzz(
  pages: readonly { name: string; html: string }[],
  rate: number,
  highlights: number,
  seed: number,
) {
  const rng = createRng(seed);
  const docs = pages.map((p) => ({ name: p.name, doc: new DOMParser().parseFromString(p.html, 'text/html') }));
  const sizes = docs.map(({ doc }) => buildTextIndex(doc.body).text.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const outcome: FuzzOutcome = { rate, highlights: 0, right: 0, wrong: 0, orphan: 0, ambiguous: 0, wrongCases: [] };
  docs.forEach(({ name, doc }, i) => {
    const share = Math.max(5, Math.round((highlights * (sizes[i] as number)) / total));
    const made = makeHighlights(rng, doc.body, name, share);
    editText(rng, doc.body, rate);
    const anchorer = createAnchorer(doc.body);
    for (const h of made) {
      outcome.highlights++;
      const found = anchorer.locate(h.selectors);
      if ('orphan' in found) {
        outcome.orphan++;
        if (found.orphan === 'ambiguous') outcome.ambiguous++;
      } else if (overlaps(found.range, h.original)) outcome.right++;
      else {
        outcome.wrong++;
        outcome.wrongCases.push({ page: h.page, exact: h.exact, found: found.text, method: found.method });
      }
    }
  });
  return outcome;
}

/** Passages of 20–300 characters at random places, described as the extension would store them. */
export function makeHighlights(rng: Rng, root: Element, page: string, count: number): Highlight[] {
  const index = buildTextIndex(root);
  const text = index.text;
  const out: Highlight[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const length = rng.pick([20, 40, 80, 150, 300]) + rng.int(-10, 10);
    let start = rng.int(0, Math.max(0, text.length - length));
    let end = Math.min(text.length, start + length);
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    if (end - start < 10) continue;
    const range = index.toRange(start, end);
    const result = describe(range, root);
    if (!result.ok) continue;
    out.push({ page, selectors: result.selectors, original: range, exact: result.selectors[0].exact });
  }
  return out;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Random edits to a share `rate` of the reader's text characters, spread over the selectable Text nodes by length.
 * Targets are drawn first and applied from the last to the first, so each edit leaves the offsets of those still
 * to come unchanged.
 */
export function editText(rng: Rng, root: Element, rate: number): void {
  const nodes = selectableTextNodes(root);
  const starts: number[] = [];
  const ends: number[] = [];
  let total = 0;
  for (const n of nodes) {
    starts.push(total);
    total += n.length;
    ends.push(total);
  }
  const count = Math.round(buildTextIndex(root).text.length * rate);
  const targets = Array.from({ length: count }, () => rng.int(0, total - 1)).sort((a, b) => b - a);
  for (const target of targets) {
    const i = firstAbove(ends, target);
    const node = nodes[i] as Text;
    const at = target - (starts[i] as number);
    const letter = LETTERS.charAt(rng.int(0, LETTERS.length - 1));
    const op = rng.int(0, 2);
    if (op === 0) node.insertData(at, letter);
    else if (op === 1) node.deleteData(at, 1);
    else node.replaceData(at, 1, letter);
  }
}

function firstAbove(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function formatFuzzTable(outcomes: readonly FuzzOutcome[]): string {
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`.padStart(7);
  const rows = outcomes.map(
    (o) =>
      `${`${(o.rate * 100).toFixed(0)}%`.padStart(5)} | ${String(o.highlights).padStart(10)} | ${pct(o.right, o.highlights)} | ${pct(o.wrong, o.highlights)} | ${pct(o.orphan, o.highlights)} | ${pct(o.ambiguous, o.highlights)}`,
  );
  return [' edit | highlights |   right |   wrong |  orphan | of which ambiguous', ...rows].join('\n');
}
