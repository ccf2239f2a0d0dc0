import type { Scored } from './score.ts';

/**
 * How close two places' quote-and-context scores (0..1) must be for neither to be evidence against the other.
 * Identical copies score the same; one lost or edited word of context is some 0.01–0.03.
 */
const MARGIN = 0.04;
/** Beyond this distance from the stored position, a place is not "where the passage was". */
const NEAR = 2048;
/** Within this distance, a place is where the passage was, give or take the drift of edits above it. */
const CLOSE = 256;
/**
 * How much nearer to the stored position the chosen place must be than any rival: at least twice as near, and by
 * this many characters, so that the drift of edits above the passage cannot make the choice.
 */
const SEPARATION = 16;

/**
 * Guards the choice between near-identical places (hashtags repeated in an embedded feed, an affiliation printed
 * twice, a caption repeated in a lightbox). The best-scoring place is kept only when no other place scores within
 * `MARGIN` of it, or when the stored position settles it: the chosen place is near the old position and clearly
 * nearer than its rivals. Otherwise the choice would be a guess, and a highlight on the wrong copy is worse than
 * an orphan, so the caller reports it as ambiguous.
 */
export function settled(winner: Scored, pool: readonly Scored[], hint: { start: number } | null): boolean {
  if (hint !== null && Math.abs(winner.start - hint.start) > NEAR) {
    // Something in the right context is still where the passage was: it was edited, not moved, and the far
    // place that scored better is a copy.
    if (pool.some((c) => c !== winner && Math.abs(c.start - hint.start) <= CLOSE)) return false;
  }
  const rivals = pool.filter(
    (c) => (c.end <= winner.start || c.start >= winner.end) && c.quality >= winner.quality - MARGIN,
  );
  if (rivals.length === 0) return true;
  if (hint === null) return false;
  const distance = (c: Scored) => Math.abs(c.start - hint.start);
  const own = distance(winner);
  return own <= NEAR && rivals.every((r) => distance(r) >= 2 * own + SEPARATION);
}
