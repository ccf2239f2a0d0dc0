import { settled } from './ambiguity.ts';
import { approximateMatchesInChunks, type Candidate } from './fuzzy.ts';
import { matchWords } from './match-words.ts';
import { occurrences } from './occurrences.ts';
import { best, type Scored, type ScoreQuery, scoreCandidate } from './score.ts';
import type { AnchorMethod, OrphanReason } from './types.ts';
import { OverBudget, WorkBudget } from './work-budget.ts';

/**
 * Finding a stored quote in the reader's text. The policy, in order:
 *
 * 1. **Position.** If the text at the stored position is the quote and its context is not contradicted, that is
 *    the place (the common case: the page did not change).
 * 2. **Exact quote.** Verbatim occurrences are scored (at most `MAX_SCORED`, see `occurrences.ts`). Without a
 *    stored position, one whose context is nearly intact and has no rival settles it at once.
 * 3. **Fuzzy.** Otherwise the quote may have been edited: approximate matches (at most 15% of its length in edits)
 *    are looked for close to the stored position, then within a few paragraphs, then in the whole text, with what
 *    was already found masked out, because the matcher only reports its lowest-cost matches and an exact copy
 *    elsewhere would hide the edited original.
 * 4. **Choice.** A wrong place is worse than an orphan, and articles repeat phrases (headings, reference lists,
 *    author lists, figure legends). Only candidates in the right context compete: context similarity (edit
 *    distance over up to 64 characters on each side) at least 0.5 (random text scores ~0.25), and at least 80% of
 *    prefix + quote + suffix agreeing, which asks more context of short quotes. Among them the best weighted score
 *    wins (quote 40, prefix 25, suffix 25, nearness to the stored position 20). Context outweighs the quote, so an
 *    exact copy in foreign context loses to an edited match in the right context. When another place scores
 *    nearly as well, only the stored position may decide (`ambiguity.ts`); otherwise the result is `ambiguous`.
 * 5. **No context anywhere.** If the surroundings were rewritten, a unique exact occurrence is still accepted when
 *    the quote is long enough (32+ characters) to be its own evidence and has no approximate copies (which would
 *    make it boilerplate); short quotes (a word, a number) are orphaned. Selectors stored without prefix and suffix
 *    have only the quote: a unique occurrence is accepted, several are told apart only by the stored position (or
 *    orphaned as ambiguous without one), and an approximate match needs a long quote and a single location.
 * 6. **Words.** When nothing matches even approximately, a quote of eight words or more may still be found by its
 *    words in order (`match-words.ts`): the article in its other format, HTML or PDF.
 *
 * All of it runs under a work budget (`work-budget.ts`) and as a generator that pauses between steps, so a caller
 * anchoring many highlights (`anchorAll`) can yield to the page even inside one hard highlight.
 */
export type QuoteQuery = ScoreQuery;

export interface QuoteMatch {
  start: number;
  end: number;
  method: AnchorMethod;
  quality: number;
}

/** Why a quote was not placed: a code; the page or panel words it for the reader. */
export interface QuoteMiss {
  miss: OrphanReason;
}

export const MAX_ERROR_RATE = 0.15;
/**
 * Close to the stored position a quote may have twice the edits: the position is evidence of its own, so an
 * approximate match there is safe where the same match elsewhere would be a guess. Without it, a passage edited a
 * little more than `MAX_ERROR_RATE` would lose to an intact copy of it elsewhere (an affiliation printed twice).
 */
const NEAR_ERROR_RATE = 0.3;
/** Context similarity below which a place does not count as "the right context" (random text scores ~0.3). */
export const MIN_CONTEXT = 0.5;
/**
 * Characters of stored context scored on each side. `describe` stores 32; other tools store more, and a crafted
 * share link stored a thousand, which made every candidate's alignment a million steps. Twice ours is plenty.
 */
export const SCORED_CONTEXT = 64;
/** Context similarity at which an exact occurrence is taken without looking for edited ones. */
const STRONG_CONTEXT = 0.8;
/** Quotes at least this long may be accepted on their own, without context. */
const SELF_EVIDENT_LENGTH = 32;
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
/** Candidates scored between pauses. */
const SCORE_BATCH = 50;
/**
 * Share of prefix + quote + suffix characters that must agree (edit distance) for a candidate to compete. It makes
 * the context needed depend on the quote's length: an 18-character quote in half-similar context (a parallel
 * sentence: "…on the WMT 2014 English-to-French…" for "…English-to-German…") is rejected, a long one is not.
 */
const MIN_AGREEMENT = 0.8;

/** The whole search at once, for callers that do not need to pause. */
export function matchQuote(text: string, query: QuoteQuery): QuoteMatch | QuoteMiss {
  const steps = matchQuoteSteps(text, query);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export function* matchQuoteSteps(text: string, stored: QuoteQuery): Generator<void, QuoteMatch | QuoteMiss> {
  const query = {
    ...stored,
    prefix: stored.prefix.slice(-SCORED_CONTEXT),
    suffix: stored.suffix.slice(0, SCORED_CONTEXT),
  };
  if (query.exact.length === 0) return { miss: 'not-found' };
  try {
    return yield* search(text, query, new WorkBudget());
  } catch (error) {
    if (error instanceof OverBudget) return { miss: 'over-budget' };
    throw error;
  }
}

function* search(text: string, query: QuoteQuery, budget: WorkBudget): Generator<void, QuoteMatch | QuoteMiss> {
  const { exact, hint } = query;
  const score = (c: Candidate) => scoreCandidate(text, query, c, budget);
  const result = (c: Scored, method: AnchorMethod): QuoteMatch => ({
    start: c.start,
    end: c.end,
    method,
    quality: c.quality,
  });
  const notFound: QuoteMiss = { miss: 'not-found' };
  const ambiguous: QuoteMiss = { miss: 'ambiguous' };

  if (hint !== null && hint.end - hint.start === exact.length && text.startsWith(exact, hint.start)) {
    const c = score({ start: hint.start, end: hint.end, errors: 0 });
    if (c.context === null || c.context >= MIN_CONTEXT) return result(c, 'position');
  }

  const found = occurrences(text, query);
  const exacts: Scored[] = [];
  for (let i = 0; i < found.list.length; i += SCORE_BATCH) {
    exacts.push(...found.list.slice(i, i + SCORE_BATCH).map(score));
    yield;
  }
  const bestExact = best(exacts);
  const unique = exacts.length === 1 && !found.truncated;
  if (bestExact !== undefined && bestExact.context === null) {
    // Only the quote was stored: its uniqueness, or else the stored position, is all there is to go on.
    if (unique || (hint !== null && settled(bestExact, exacts, hint))) return result(bestExact, 'quote');
    return ambiguous;
  }
  // With a stored position, an edited copy near it may be the real place even if an exact one exists elsewhere
  // (duplicated menus, figure legends shown twice), so only without one does an exact match settle it at once.
  // Copies that match quote and context alike cannot be told apart by an edited match either: it would only add
  // a rival, so without a position they are ambiguous at once.
  if (hint === null && bestExact !== undefined && (bestExact.context ?? 0) >= STRONG_CONTEXT) {
    return settled(bestExact, exacts, hint) ? result(bestExact, 'quote') : ambiguous;
  }

  const fuzzy = (yield* fuzzyCandidates(text, query, exacts, budget)).map(score);
  const contextual = [...exacts, ...fuzzy].filter(
    (c) => c.context !== null && c.context >= MIN_CONTEXT && c.agreement >= MIN_AGREEMENT,
  );
  const winner = best(contextual);
  if (winner !== undefined) {
    if (!settled(winner, contextual, hint)) return ambiguous;
    return result(winner, winner.errors === 0 ? 'quote' : 'fuzzy');
  }

  // Approximate copies elsewhere mean the quote is boilerplate, not evidence on its own.
  if (unique && fuzzy.length === 0 && bestExact !== undefined && exact.length >= SELF_EVIDENT_LENGTH) {
    return result(bestExact, 'quote');
  }
  if (exacts.length === 0 && query.prefix === '' && query.suffix === '' && exact.length >= SELF_EVIDENT_LENGTH) {
    const only = best(fuzzy);
    if (only !== undefined && fuzzy.every((c) => c.start < only.end && c.end > only.start)) {
      return result(only, 'fuzzy');
    }
  }
  // Nothing lines up character by character: the same words in order may still (the article in another format).
  return matchWords(text, query, budget) ?? notFound;
}

/**
 * Approximate candidates: every one near the stored position (a few rounds, since near-identical copies there
 * must all be seen for the position to choose), then over the whole text until one has convincing context.
 */
function* fuzzyCandidates(
  text: string,
  query: QuoteQuery,
  exacts: readonly Scored[],
  budget: WorkBudget,
): Generator<void, Candidate[]> {
  const { exact, hint } = query;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  const closeErrors = Math.floor(exact.length * NEAR_ERROR_RATE);
  const convincing = (c: Candidate) => (scoreCandidate(text, query, c, budget).context ?? 0) >= STRONG_CONTEXT;
  const seen: Candidate[] = [...exacts];
  const found: Candidate[] = [];
  // The bit-parallel search costs one step per text character per 32 characters of quote.
  const words = Math.ceil(exact.length / 32);
  function* rounds(
    from: number,
    to: number,
    count: number,
    stopWhenConvincing: boolean,
    errors = maxErrors,
  ): Generator<void, void> {
    for (let round = 0; round < count; round++) {
      budget.spend((Math.min(text.length, to) - Math.max(0, from)) * words);
      const more = yield* approximateMatchesInChunks(text, exact, errors, from, to, seen);
      yield;
      if (more.length === 0) return;
      found.push(...more);
      seen.push(...more);
      if (stopWhenConvincing && more.some(convincing)) return;
    }
  }
  if (hint !== null && closeErrors >= 1) {
    yield* rounds(hint.start - CLOSE, hint.end + CLOSE, NEAR_ROUNDS, false, closeErrors);
  }
  if (maxErrors < 1) return found;
  if (hint !== null) {
    yield* rounds(hint.start - NEAR, hint.end + NEAR, NEAR_ROUNDS, false);
  }
  if (!found.some(convincing) && !exacts.some(convincing)) yield* rounds(0, text.length, GLOBAL_ROUNDS, true);
  return found;
}
