import { contextSimilarity, prefixSimilarity, suffixSimilarity } from './context.ts';
import { approximateMatches, type Candidate, exactMatches } from './fuzzy.ts';
import type { AnchorMethod } from './types.ts';

/**
 * Finding a stored quote in the reader's text. The policy, in order:
 *
 * 1. **Position.** If the text at the stored position is the quote and its context is not contradicted, that is
 *    the place (the common case: the page did not change).
 * 2. **Exact quote.** Every verbatim occurrence is scored. Without a stored position, one whose context is nearly
 *    intact settles it at once.
 * 3. **Fuzzy.** Otherwise the quote may have been edited: approximate matches (at most 15% of its length in edits)
 *    are looked for close to the stored position, then within a few paragraphs, then in the whole text, with what
 *    was already found masked out, because the matcher only reports its lowest-cost matches and an exact copy
 *    elsewhere would hide the edited original.
 * 4. **Choice.** A wrong place is worse than an orphan, and articles repeat phrases (headings, reference lists,
 *    author lists, figure legends). Only candidates in the right context compete: context similarity (edit
 *    distance over the 32 characters on each side) at least 0.5 (random text scores ~0.25), and at least 80% of
 *    prefix + quote + suffix agreeing, which asks more context of short quotes. Among them the best weighted score
 *    wins (quote 40, prefix 25, suffix 25, nearness to the stored position 20). Context outweighs the quote, so an
 *    exact copy in foreign context loses to an edited match in the right context, and nearness decides between
 *    identical copies.
 * 5. **No context anywhere.** If the surroundings were rewritten, a unique exact occurrence is still accepted when
 *    the quote is long enough (32+ characters) to be its own evidence and has no approximate copies (which would
 *    make it boilerplate); short quotes (a word, a number) are orphaned. Selectors stored without prefix and suffix
 *    have only the quote: a unique occurrence is accepted, several are told apart only by the stored position (or
 *    orphaned without one), and an approximate match needs a long quote and a single location.
 */
export interface QuoteQuery {
  exact: string;
  prefix: string;
  suffix: string;
  /** UTF-16 start/end of the stored position in the current text, when the selectors had one. */
  hint: { start: number; end: number } | null;
}

export interface QuoteMatch {
  start: number;
  end: number;
  method: AnchorMethod;
  quality: number;
}

export const MAX_ERROR_RATE = 0.15;
/** Context similarity below which a place does not count as "the right context" (random text scores ~0.3). */
export const MIN_CONTEXT = 0.5;
/** Context similarity at which an exact occurrence is taken without looking for edited ones. */
const STRONG_CONTEXT = 0.8;
/** Quotes at least this long may be accepted on their own, without context. */
const SELF_EVIDENT_LENGTH = 32;
const MAX_OCCURRENCES = 5000;
/**
 * How far around the stored position to look first, beyond the quote's own length: closely (small edits shift
 * text by a few characters), then within a few paragraphs. Two steps because boilerplate repeated every few lines
 * ("View author publications", "Google Scholar") can fill a wide window with copies that hide the original.
 */
const CLOSE = 256;
const NEAR = 2048;
/** Rounds of "mask what was found, search again" near the stored position and over the whole text. */
const NEAR_ROUNDS = 6;
const GLOBAL_ROUNDS = 3;
/**
 * Share of prefix + quote + suffix characters that must agree (edit distance) for a candidate to compete. It makes
 * the context needed depend on the quote's length: an 18-character quote in half-similar context (a parallel
 * sentence: "…on the WMT 2014 English-to-French…" for "…English-to-German…") is rejected, a long one is not.
 */
const MIN_AGREEMENT = 0.8;
/**
 * Distance from the stored position at which the position's share of the score is halved. The curve is flat near
 * the position, so that the drift of small edits does not count, and falls off within a few paragraphs: nearness
 * tells apart copies close to each other (a menu repeated for mobile, a legend shown twice); a passage that moved
 * further away is found by its quote and context alone.
 */
const POSITION_SCALE = 1000;
/** Context outweighs the quote: repeated phrases are identical, what surrounds them is not. */
const WEIGHT = { quote: 40, prefix: 25, suffix: 25, position: 20 };

interface Scored extends Candidate {
  context: number | null;
  /** Share of prefix, quote and suffix characters that agree. */
  agreement: number;
  /** Ranks candidates: quote, context and nearness to the stored position. */
  score: number;
  /** What the reader is told: how intact quote and context are, whether or not the passage moved. */
  quality: number;
}

export function matchQuote(text: string, query: QuoteQuery): QuoteMatch | null {
  const { exact, hint } = query;
  if (exact.length === 0) return null;
  const score = (c: Candidate) => scoreCandidate(text, query, c);
  const result = (c: Scored, method: AnchorMethod): QuoteMatch => ({
    start: c.start,
    end: c.end,
    method,
    quality: c.quality,
  });

  if (hint !== null && hint.end - hint.start === exact.length && text.startsWith(exact, hint.start)) {
    const c = score({ start: hint.start, end: hint.end, errors: 0 });
    if (c.context === null || c.context >= MIN_CONTEXT) return result(c, 'position');
  }

  const exacts = exactMatches(text, exact, MAX_OCCURRENCES).map(score);
  const bestExact = best(exacts);
  if (bestExact !== undefined && bestExact.context === null) {
    // Only the quote was stored: its uniqueness, or else the stored position, is all there is to go on.
    return exacts.length === 1 || hint !== null ? result(bestExact, 'quote') : null;
  }
  // With a stored position, an edited copy near it may be the real place even if an exact one exists elsewhere
  // (duplicated menus, figure legends shown twice), so only without one does an exact match settle it at once.
  if (hint === null && bestExact !== undefined && (bestExact.context ?? 0) >= STRONG_CONTEXT) {
    return result(bestExact, 'quote');
  }

  const fuzzy = fuzzyCandidates(text, query, exacts).map(score);
  const contextual = [...exacts, ...fuzzy].filter(
    (c) => c.context !== null && c.context >= MIN_CONTEXT && c.agreement >= MIN_AGREEMENT,
  );
  const winner = best(contextual);
  if (winner !== undefined) return result(winner, winner.errors === 0 ? 'quote' : 'fuzzy');

  // Approximate copies elsewhere mean the quote is boilerplate, not evidence on its own.
  if (exacts.length === 1 && fuzzy.length === 0 && bestExact !== undefined && exact.length >= SELF_EVIDENT_LENGTH) {
    return result(bestExact, 'quote');
  }
  if (exacts.length === 0 && query.prefix === '' && query.suffix === '' && exact.length >= SELF_EVIDENT_LENGTH) {
    const only = best(fuzzy);
    if (only !== undefined && fuzzy.every((c) => c.start < only.end && c.end > only.start)) {
      return result(only, 'fuzzy');
    }
  }
  return null;
}

/**
 * Approximate candidates: every one near the stored position (a few rounds, since near-identical copies there
 * must all be seen for the position to choose), then over the whole text until one has convincing context.
 */
function fuzzyCandidates(text: string, query: QuoteQuery, exacts: readonly Scored[]): Candidate[] {
  const { exact, hint } = query;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  const convincing = (c: Candidate) => (scoreCandidate(text, query, c).context ?? 0) >= STRONG_CONTEXT;
  const seen: Candidate[] = [...exacts];
  const found: Candidate[] = [];
  const rounds = (from: number, to: number, count: number, stopWhenConvincing: boolean) => {
    for (let round = 0; round < count; round++) {
      const more = approximateMatches(text, exact, maxErrors, from, to, seen);
      if (more.length === 0) return;
      found.push(...more);
      seen.push(...more);
      if (stopWhenConvincing && more.some(convincing)) return;
    }
  };
  if (maxErrors < 1) return found;
  if (hint !== null) {
    rounds(hint.start - CLOSE, hint.end + CLOSE, NEAR_ROUNDS, false);
    rounds(hint.start - NEAR, hint.end + NEAR, NEAR_ROUNDS, false);
  }
  if (!found.some(convincing) && !exacts.some(convincing)) rounds(0, text.length, GLOBAL_ROUNDS, true);
  return found;
}

function scoreCandidate(text: string, query: QuoteQuery, c: Candidate): Scored {
  const { exact, prefix, suffix, hint } = query;
  const before = sameOrSimilar(text, c.start, prefix, 'prefix');
  const after = sameOrSimilar(text, c.end, suffix, 'suffix');
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
function sameOrSimilar(text: string, at: number, context: string, side: 'prefix' | 'suffix'): number | null {
  if (context === '') return null;
  if (side === 'prefix') {
    return text.endsWith(context, at) ? 1 : prefixSimilarity(text, at, context);
  }
  return text.startsWith(context, at) ? 1 : suffixSimilarity(text, at, context);
}

/** Highest score; ties go to the earlier place, so results do not depend on search order. */
function best(cs: readonly Scored[]): Scored | undefined {
  let top: Scored | undefined;
  for (const c of cs) {
    if (top === undefined || c.score > top.score || (c.score === top.score && c.start < top.start)) top = c;
  }
  return top;
}
