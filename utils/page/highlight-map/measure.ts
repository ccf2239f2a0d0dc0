import type { MapEntry } from './layout';

/** A drawn highlight, as the annotator holds it. */
export interface MapItem {
  id: string;
  questionIndex: number | null;
  range: Range;
}

/**
 * The document height of each drawn highlight's first line, sorted top to bottom (document order breaks ties),
 * for `layoutMap`. These are the map's only layout reads: they run when the highlights are drawn, the window is
 * resized or the article's text moves, never on scroll. Passages that are not rendered (detached, collapsed, in a
 * hidden section: no boxes) get no entry, as there is nowhere in the article to point at.
 */
export function measureEntries(items: readonly MapItem[], scrollY: number): MapEntry[] {
  const entries: (MapEntry & { order: number })[] = [];
  items.forEach((item, order) => {
    const top = firstLineTop(item.range);
    if (top !== null) entries.push({ id: item.id, questionIndex: item.questionIndex, top: top + scrollY, order });
  });
  entries.sort((a, b) => a.top - b.top || a.order - b.order);
  return entries.map(({ id, questionIndex, top }) => ({ id, questionIndex, top }));
}

function firstLineTop(range: Range): number | null {
  if (!range.startContainer.isConnected || range.collapsed) return null;
  for (const box of range.getClientRects()) if (box.width > 0 || box.height > 0) return box.top;
  return null;
}
