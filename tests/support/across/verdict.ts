import type { AnchorAllResult } from '../../../utils/anchoring';

/** How one passage fared in the other format. */
export type Verdict = 'exact' | 'approximate' | 'not found' | 'wrong';

/**
 * The passage's letters as both formats must agree on them: compatibility forms read as their letters (ﬁ),
 * whitespace and hyphens left out (a line-end hyphen in the PDF, a word break or a compound in the HTML).
 */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00AD\u2010\u2011-]/g, '');
}

/** Edit distance, for the short strings a passage is (≤ 200 characters: 40,000 steps at most). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = row;
  }
  return previous[b.length] as number;
}

/** Share of a passage's letters that an approximate match may differ by and still be the passage. */
const SAME_PASSAGE = 0.2;

/**
 * The verdict on one passage. Found text that agrees letter for letter is the passage (exact when the matcher
 * found the quote verbatim, approximate when it needed fuzzy matching); found text that differs by more than a
 * fifth of its letters is a WRONG place, whatever the matcher said.
 */
export function verdictOf(passage: string, found: { text: string; method: string } | null): Verdict {
  if (found === null) return 'not found';
  const want = comparable(passage);
  const got = comparable(found.text);
  if (want === got) return found.method === 'fuzzy' ? 'approximate' : 'exact';
  if (editDistance(want, got) <= want.length * SAME_PASSAGE) return 'approximate';
  return sameWords(passage, found.text) ? 'approximate' : 'wrong';
}

/**
 * Whether the found text is the passage with some words missing on one side (an image's label, a list's number, a
 * superscript the other format leaves out or prints elsewhere): three quarters of the words of the longer of the
 * two are the other's words, in order (letters and digits compared, punctuation left out).
 */
function sameWords(passage: string, found: string): boolean {
  const a = comparableWords(passage);
  const b = comparableWords(found);
  const common = commonInOrder(a, b);
  return common >= 0.75 * Math.max(a.length, b.length);
}

function comparableWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word !== '');
}

/** Longest common subsequence of two word lists. */
function commonInOrder(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) {
      row.push(
        a[i - 1] === b[j - 1] ? (previous[j - 1] as number) + 1 : Math.max(previous[j] as number, row[j - 1] as number),
      );
    }
    previous = row;
  }
  return previous[b.length] as number;
}

/** Misses printed per page and direction. */
const EXAMPLES = 30;

export interface Tally {
  passages: number;
  exact: number;
  approximate: number;
  'not found': number;
  wrong: number;
  /** Passages not found or found at a wrong place, for reading what went on. */
  examples: string[];
}

/** Every passage's verdict after one `anchorAll` over items made from `passages` (same order). */
export function tallyOf<T extends { passage: string }>(items: readonly T[], result: AnchorAllResult<T>): Tally {
  const tally: Tally = { passages: items.length, exact: 0, approximate: 0, 'not found': 0, wrong: 0, examples: [] };
  const found = new Map(result.anchored.map(({ item, result: r }) => [item, r]));
  for (const item of items) {
    const hit = found.get(item);
    const verdict = verdictOf(item.passage, hit ?? null);
    tally[verdict]++;
    if ((verdict === 'wrong' || verdict === 'not found') && tally.examples.length < EXAMPLES) {
      const why = hit ? `→ ${JSON.stringify(hit.text)}` : `(${result.orphanReasons.get(item) ?? 'unfinished'})`;
      tally.examples.push(`${verdict}: ${JSON.stringify(item.passage)} ${why}`);
    }
  }
  return tally;
}
