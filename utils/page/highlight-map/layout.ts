/**
 * Where the map's marks go for one scroll position: a pure function of the highlights' document heights and the
 * viewport, so that scrolling costs arithmetic over the highlights near the view and no layout reads. The model
 * is the bucket bar's: highlights in view get a mark at their height in the viewport, merged into one mark when
 * closer than a mark's height; those above or below the view are counted in a bucket at the strip's top or bottom.
 */

/** A highlight as the map knows it: measured once, then only shifted by the scroll offset. */
export interface MapEntry {
  id: string;
  /** 0-based question index in the catalog entry (for its colour and pattern); null when untied. */
  questionIndex: number | null;
  /** Top of the passage's first line, in document pixels (viewport top plus the scroll offset when measured). */
  top: number;
  /** A club member's highlight rather than the reader's own. */
  club?: boolean;
}

/** A mark: the entries `from` (inclusive) to `to` (exclusive) of the sorted list, drawn at `top` in the strip. */
export interface MapMark {
  top: number;
  from: number;
  to: number;
}

/** Highlights above the view are `0 … above-1`, those below are `below … length-1`. */
export interface MapLayout {
  above: number;
  below: number;
  marks: MapMark[];
}

export interface MapGeometry {
  /** Height of one mark; two closer than this merge. */
  markPx: number;
  /** Height kept at the strip's top and bottom for the buckets. */
  bucketPx: number;
}

/** Index of the first entry whose top is at or below `y` (entries sorted by top). */
export function firstAtOrBelow(entries: readonly MapEntry[], y: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid] as MapEntry).top < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The marks for entries sorted by `top`, seen from a viewport starting at `viewTop` (the scroll offset) and
 * `viewHeight` tall. Entries whose first line is in view get marks, clamped between the buckets; two binary
 * searches find them, so the cost follows the marks drawn, not the highlights on the page.
 */
export function layoutMap(
  entries: readonly MapEntry[],
  viewTop: number,
  viewHeight: number,
  geometry: MapGeometry,
): MapLayout {
  const above = firstAtOrBelow(entries, viewTop);
  const below = firstAtOrBelow(entries, viewTop + viewHeight);
  const lowest = Math.max(geometry.bucketPx, viewHeight - geometry.bucketPx - geometry.markPx);
  const marks: MapMark[] = [];
  let open: MapMark | null = null;
  for (let index = above; index < below; index++) {
    const y = (entries[index] as MapEntry).top - viewTop - geometry.markPx / 2;
    const top = Math.min(lowest, Math.max(geometry.bucketPx, y));
    if (open !== null && top - open.top < geometry.markPx) {
      open.to = index + 1;
      continue;
    }
    open = { top, from: index, to: index + 1 };
    marks.push(open);
  }
  return { above, below, marks };
}
