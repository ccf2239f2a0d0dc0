/**
 * How well a candidate's surroundings match the stored prefix and suffix, 0..1.
 *
 * Uses edit distance rather than "how many characters match from the edge": a single edited character right next
 * to the quote would otherwise count the whole context as lost. The alignment is pinned at the quote and free at
 * the far end, so an insertion in the context shifts it without being charged twice.
 */

/** Extra text characters the alignment may consume, so a few insertions in the context still align. */
const SLACK = 8;
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Similarity of `prefix` to the text just before `at`; null when there is no prefix to compare. */
export function prefixSimilarity(text: string, at: number, prefix: string): number | null {
  if (prefix.length === 0) return null;
  const p = prefix.length;
  const n = Math.min(at, p + SLACK);
  return (
    1 -
    pinnedDistance(
      p,
      n,
      (i) => prefix.charCodeAt(p - 1 - i),
      (j) => text.charCodeAt(at - 1 - j),
    ) /
      p
  );
}

/** Similarity of `suffix` to the text just after `at`; null when there is no suffix to compare. */
export function suffixSimilarity(text: string, at: number, suffix: string): number | null {
  if (suffix.length === 0) return null;
  const p = suffix.length;
  const n = Math.min(text.length - at, p + SLACK);
  return (
    1 -
    pinnedDistance(
      p,
      n,
      (i) => suffix.charCodeAt(i),
      (j) => text.charCodeAt(at + j),
    ) /
      p
  );
}

/**
 * Edit distance between the whole pattern (length `p`) and the best-fitting start of the text (length `n`): both
 * start at the quote; the text's far end is free.
 */
function pinnedDistance(p: number, n: number, pat: (i: number) => number, txt: (j: number) => number): number {
  if (rowA.length <= n) {
    rowA = new Int32Array(n * 2 + 1);
    rowB = new Int32Array(n * 2 + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= p; i++) {
    cur[0] = i;
    const a = pat(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = (prev[j - 1] as number) + (a === txt(j - 1) ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = Math.min(sub, del, ins);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = p;
  for (let j = 0; j <= n; j++) if ((prev[j] as number) < best) best = prev[j] as number;
  return best;
}

/** Mean of the sides that were stored; null when the selector carries no context at all. */
export function contextSimilarity(prefix: number | null, suffix: number | null): number | null {
  if (prefix === null) return suffix;
  if (suffix === null) return prefix;
  return (prefix + suffix) / 2;
}
