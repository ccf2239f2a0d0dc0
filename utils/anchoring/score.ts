import { contextSimilarity, prefixSimilarity, suffixSimilarity } from './context.ts';
import type { Candidate } from './fuzzy.ts';
import type { WorkBudget } from './work-budget.ts';

/** What a candidate is scored against: the stored quote and context, and where the quote was. */
export interface ScoreQuery {
  exact: string;
  prefix: string;
  suffix: string;
  /** UTF-16 start/end of the stored position in the current text, when the selectors had one. */
  hint: { start: number; end: number } | null;
}

export interface Scored extends Candidate {
  context: number | null;
  /** Share of prefix, quote and suffix characters that agree. */
  agreement: number;
  /** Ranks candidates: quote, context and nearness to the stored position. */
  score: number;
  /** How intact quote and context are, whether or not the passage moved; also what tells copies apart. */
  quality: number;
}

/**
 * Distance from the stored position at which the position's share of the score is halved. The curve is flat near
 * the position, so that the drift of small edits does not count, and falls off within a few paragraphs: nearness
 * tells apart copies close to each other (a menu repeated for mobile, a legend shown twice); a passage that moved
 * further away is found by its quote and context alone.
 */
const POSITION_SCALE = 1000;
/** Context outweighs the quote: repeated phrases are identical, what surrounds them is not. */
const WEIGHT = { quote: 40, prefix: 25, suffix: 25, position: 20 };

export function scoreCandidate(text: string, query: ScoreQuery, c: Candidate, budget: WorkBudget): Scored {
  const { exact, prefix, suffix, hint } = query;
  const before = sameOrSimilar(text, c.start, prefix, 'prefix', budget);
  const after = sameOrSimilar(text, c.end, suffix, 'suffix', budget);
  let total = WEIGHT.quote * (1 - c.errors / exact.length);
  let weight = WEIGHT.quote;
  let errors = c.errors;
  let length = exact.length;
  if (before !== null) {
    total += WEIGHT.prefix * before;
    weight += WEIGHT.prefix;
    errors += (1 - before) * prefix.length;
    length += prefix.length;
  }
  if (after !== null) {
    total += WEIGHT.suffix * after;
    weight += WEIGHT.suffix;
    errors += (1 - after) * suffix.length;
    length += suffix.length;
  }
  const quality = total / weight;
  if (hint !== null) {
    const distance = (c.start - hint.start) / POSITION_SCALE;
    total += WEIGHT.position / (1 + distance * distance);
    weight += WEIGHT.position;
  }
  return {
    ...c,
    context: contextSimilarity(before, after),
    agreement: 1 - errors / length,
    score: total / weight,
    quality,
  };
}

/** Unchanged context is the common case and needs no alignment. */
function sameOrSimilar(
  text: string,
  at: number,
  context: string,
  side: 'prefix' | 'suffix',
  budget: WorkBudget,
): number | null {
  if (context === '') return null;
  if (side === 'prefix') {
    if (text.endsWith(context, at)) return 1;
    budget.spend(context.length * context.length);
    return prefixSimilarity(text, at, context);
  }
  if (text.startsWith(context, at)) return 1;
  budget.spend(context.length * context.length);
  return suffixSimilarity(text, at, context);
}

/** Highest score; ties go to the earlier place, so results do not depend on search order. */
export function best(cs: readonly Scored[]): Scored | undefined {
  let top: Scored | undefined;
  for (const c of cs) {
    if (top === undefined || c.score > top.score || (c.score === top.score && c.start < top.start)) top = c;
  }
  return top;
}
