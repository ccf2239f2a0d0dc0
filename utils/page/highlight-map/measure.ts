import type { MapEntry } from './layout';

/** A drawn highlight, as the annotator holds it. */
export interface MapItem {
  id: string;
  questionIndex: number | null;
  range: Range;
  /** A club member's highlight (drawn lighter, named as the club's), not one of the reader's own. */
  club?: boolean;
}

/** A measurement under way: `run` reads ranges until its time is spent, and gives the entries once all are read. */
export interface Measurement {
  run(budgetMs: number, scrollY: number): MapEntry[] | null;
}

/**
 * The document height of each drawn highlight's first line, sorted top to bottom (document order breaks ties),
 * for `layoutMap`. These are the map's only layout reads: they run when the highlights are drawn, the window is
 * resized or the article's text moves, never on scroll. On a long article each read costs a fraction of a
 * millisecond, so the reads are spread over animation frames, a time budget each, rather than holding one frame
 * for all 500. Tops are taken with the scroll offset of their own read, so a scroll between two frames changes
 * nothing. Passages that are not rendered (detached, collapsed, in a hidden section: no boxes) get no entry, as
 * there is nowhere in the article to point at.
 */
export function startMeasurement(items: readonly MapItem[], now: () => number = () => performance.now()): Measurement {
  const found: (MapEntry & { order: number })[] = [];
  let next = 0;
  return {
    run(budgetMs, scrollY) {
      const deadline = now() + budgetMs;
      while (next < items.length) {
        const item = items[next] as MapItem;
        const top = firstLineTop(item.range);
        if (top !== null) {
          const club = item.club === true ? { club: true } : {};
          found.push({ id: item.id, questionIndex: item.questionIndex, top: top + scrollY, order: next, ...club });
        }
        next++;
        // The clock is read after every range: on a loaded machine one read can take a millisecond.
        if (now() > deadline) return next < items.length ? null : sorted(found);
      }
      return sorted(found);
    },
  };
}

function sorted(found: (MapEntry & { order: number })[]): MapEntry[] {
  found.sort((a, b) => a.top - b.top || a.order - b.order);
  return found.map(({ order: _order, ...entry }) => entry);
}

/**
 * Only the passage's first character is asked for its box: a range's boxes cost layout work per line it covers,
 * and a long passage's other lines are not needed. Where the first character has no box (the range starts at
 * the end of a block, or in an element), the whole range is asked.
 */
function firstLineTop(range: Range): number | null {
  const { startContainer, startOffset } = range;
  if (!startContainer.isConnected || range.collapsed) return null;
  if (startContainer.nodeType === Node.TEXT_NODE && startOffset < (startContainer as Text).length) {
    const first = (startContainer.ownerDocument as Document).createRange();
    first.setStart(startContainer, startOffset);
    first.setEnd(startContainer, startOffset + 1);
    const box = visibleBox(first);
    if (box !== null) return box.top;
  }
  return visibleBox(range)?.top ?? null;
}

function visibleBox(range: Range): DOMRect | null {
  for (const box of range.getClientRects()) if (box.width > 0 || box.height > 0) return box;
  return null;
}
