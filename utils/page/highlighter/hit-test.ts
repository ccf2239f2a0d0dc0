/**
 * Which of many ranges lies under a point of the viewport, for clicks on painted highlights: the Custom Highlight
 * API paints without elements, so there is no event target to ask.
 *
 * Asking every range for its layout boxes costs a layout query each, too slow for a few hundred highlights on
 * every click. Instead the browser is asked where the caret would go at the point, which gives a place in the
 * text; only ranges containing that place (a cheap tree comparison) are candidates, and their boxes then confirm
 * the point is really on them (the caret snaps to the nearest text even from a margin or the gap between lines).
 *
 * A caret place is a boundary between two characters, so it cannot tell which of the two the point is on. In the
 * middle of a text node both characters are in the same node and any range holding either holds the boundary
 * too. At a node's edge the neighbouring character sits in another node (`un|<em>believ</em>`), and a range
 * starting there does not contain the boundary; in that case, or where no caret is found (an image, an old
 * browser), every range's boxes are checked.
 */
export function innermostAt<T extends { range: Range }>(
  doc: Document,
  items: readonly T[],
  x: number,
  y: number,
): T | null {
  if (items.length === 0) return null;
  const caret = caretAt(doc, x, y);
  if (caret !== null) {
    const hits = items.filter((item) => holdsPoint(item.range, caret) && coversPoint(item.range, x, y));
    if (hits.length > 0 || !atNodeEdge(caret)) return smallest(hits);
  }
  return smallest(items.filter((item) => coversPoint(item.range, x, y)));
}

interface Caret {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position === null ? null : { node: position.offsetNode, offset: position.offset };
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range === null ? null : { node: range.startContainer, offset: range.startOffset };
  }
  return null;
}

function atNodeEdge({ node, offset }: Caret): boolean {
  return node.nodeType !== Node.TEXT_NODE || offset === 0 || offset >= (node as Text).length;
}

function holdsPoint(range: Range, { node, offset }: Caret): boolean {
  try {
    return range.isPointInRange(node, offset);
  } catch {
    // A doctype or an offset the node no longer has (the page changed under the range).
    return false;
  }
}

function coversPoint(range: Range, x: number, y: number): boolean {
  for (const box of range.getClientRects()) {
    if (box.width === 0 && box.height === 0) continue;
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return true;
  }
  return false;
}

/**
 * The innermost of overlapping ranges: the one with the least text. A highlight inside a longer one is the one a
 * reader can only reach by clicking exactly there, so it wins; on a tie the one listed last (painted last) wins.
 */
function smallest<T extends { range: Range }>(hits: readonly T[]): T | null {
  let best: T | null = null;
  let bestLength = Number.POSITIVE_INFINITY;
  for (const hit of hits) {
    const length = hit.range.toString().length;
    if (length <= bestLength) {
      best = hit;
      bestLength = length;
    }
  }
  return best;
}
