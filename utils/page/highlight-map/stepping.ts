import { firstAtOrBelow, type MapEntry } from './layout';

export type StepDirection = 'next' | 'previous' | 'first' | 'last';

/** Where the reader is: the highlight they last went to (index in the entries), and the viewport. */
export interface StepOrigin {
  current: number | null;
  viewTop: number;
  viewHeight: number;
}

/**
 * Which highlight a step goes to, or null when there is none that way (steps do not wrap: a reader who reaches
 * the last highlight is told so rather than thrown back to the top of the article).
 *
 * Steps go on from the highlight the reader last went to while it is still in view. Once they have scrolled
 * away, they go from the reading position instead: "next" is the first highlight from the top of the view
 * down (one already in view counts, it has not been visited), "previous" the last one above the view.
 */
export function stepTarget(entries: readonly MapEntry[], direction: StepDirection, origin: StepOrigin): number | null {
  if (entries.length === 0) return null;
  if (direction === 'first') return 0;
  if (direction === 'last') return entries.length - 1;
  const { current, viewTop, viewHeight } = origin;
  const inView = (index: number) => {
    const top = entries[index]?.top;
    return top !== undefined && top >= viewTop && top < viewTop + viewHeight;
  };
  if (current !== null && inView(current)) {
    const target = direction === 'next' ? current + 1 : current - 1;
    return target >= 0 && target < entries.length ? target : null;
  }
  const firstInView = firstAtOrBelow(entries, viewTop);
  if (direction === 'next') return firstInView < entries.length ? firstInView : null;
  return firstInView > 0 ? firstInView - 1 : null;
}

/**
 * Which highlight a click on a mark of several goes to: the one after the reader's current highlight when that
 * is in the mark (so repeated clicks walk through a cluster), else the mark's first.
 */
export function clusterTarget(from: number, to: number, current: number | null): number {
  return current !== null && current >= from && current < to - 1 ? current + 1 : from;
}
