import type { ClubPageHighlight } from './views';

/**
 * At most this many club highlights are anchored and painted on one page. A club of twenty reading closely makes
 * a few hundred; a member (or a broken server) sending ten thousand must not make the page anchor them all.
 */
export const MAX_PAINTED_CLUB_HIGHLIGHTS = 1_000;

/**
 * The club highlights the page anchors, in the article's order: those with a stored position first, by where they
 * start (so the cap keeps the first passages of the article, not whichever the service listed first), then those
 * without one in the service's order; at most `max`.
 */
export function paintOrder(
  highlights: readonly ClubPageHighlight[],
  max: number = MAX_PAINTED_CLUB_HIGHLIGHTS,
): ClubPageHighlight[] {
  const startOf = (highlight: ClubPageHighlight) => {
    const position = highlight.selectors.find((selector) => selector.type === 'TextPositionSelector');
    return position && Number.isFinite(position.start) ? position.start : Number.POSITIVE_INFINITY;
  };
  return highlights
    .map((highlight, order) => ({ highlight, order, start: startOf(highlight) }))
    .sort((a, b) => a.start - b.start || a.order - b.order)
    .slice(0, Math.max(0, max))
    .map(({ highlight }) => highlight);
}
