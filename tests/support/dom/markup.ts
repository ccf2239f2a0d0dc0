/**
 * Test pages written inline: `⟦` and `⟧` in the markup mark where the reader's selection starts and ends (they are
 * removed from the text), so a table row shows the page and the selection together.
 */
const OPEN = '⟦';
const CLOSE = '⟧';

const mounted: Element[] = [];

/** Mounts markup in the live document (so shadow roots and layout behave as on a page). */
export function mount(markup: string): HTMLElement {
  const root = document.createElement('article');
  root.innerHTML = markup;
  document.body.append(root);
  mounted.push(root);
  return root;
}

export function unmountAll(): void {
  for (const el of mounted.splice(0)) el.remove();
}

/** Mounts markup with a marked selection; the range is exactly between the markers. */
export function mountSelection(markup: string): { root: HTMLElement; range: Range } {
  const root = mount(markup);
  const range = document.createRange();
  const start = takeMarker(root, OPEN);
  const end = takeMarker(root, CLOSE);
  if (start === null || end === null) throw new Error(`markup needs ${OPEN} and ${CLOSE}: ${markup}`);
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1]);
  return { root, range };
}

function takeMarker(root: Node, marker: string): [Text, number] | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const text = n as Text;
    const at = text.data.indexOf(marker);
    if (at !== -1) {
      text.deleteData(at, marker.length);
      return [text, at];
    }
  }
  return null;
}

/** Same start and end boundary points. */
export function sameBoundaries(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/** Whether two ranges share at least one character. */
export function overlaps(a: Range, b: Range): boolean {
  return a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0;
}
