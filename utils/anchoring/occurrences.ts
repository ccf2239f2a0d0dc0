import { type Candidate, exactMatches } from './fuzzy.ts';

/** Copies of one quote scored at most: context decides between them, and scoring each one costs an alignment. */
export const MAX_SCORED = 200;
/** Characters of stored context that must follow or precede a copy verbatim when there are too many to score. */
const KEY = 6;

export interface Occurrences {
  list: Candidate[];
  /** More copies than were kept: the quote alone says nothing, so it cannot be accepted for being unique. */
  truncated: boolean;
}

/**
 * The exact copies of a quote worth scoring. A common quote (a word, a one-letter share-link quote) can occur
 * thousands of times; then only the copies whose nearest context characters are the stored ones are kept, plus
 * the one at the stored position, found with a plain string search over the whole text (no alignment).
 */
export function occurrences(
  text: string,
  query: { exact: string; prefix: string; suffix: string; hint: { start: number } | null },
): Occurrences {
  const { exact, prefix, suffix, hint } = query;
  const all = exactMatches(text, exact, MAX_SCORED + 1);
  if (all.length <= MAX_SCORED) return { list: all, truncated: false };
  const kept = new Map<number, Candidate>();
  const keep = (start: number) => {
    if (kept.size < MAX_SCORED) kept.set(start, { start, end: start + exact.length, errors: 0 });
  };
  if (hint !== null && text.startsWith(exact, hint.start)) keep(hint.start);
  const before = prefix.slice(-KEY);
  const after = suffix.slice(0, KEY);
  if (before !== '') {
    for (const at of exactMatches(text, before + exact, MAX_SCORED)) keep(at.start + before.length);
  }
  if (after !== '') for (const at of exactMatches(text, exact + after, MAX_SCORED)) keep(at.start);
  return { list: [...kept.values()].sort((a, b) => a.start - b.start), truncated: true };
}
