/**
 * The article's main column: the paragraphs that carry most of the page's reading text, found by where they lie
 * rather than by the publisher's markup (which differs on every site). Paragraphs sharing a left and right edge
 * are one column; the column with the most text is the article's body, not a sidebar's teasers or a footer's
 * small print. Hypothesis's side-by-side mode finds the content area the same way.
 */
export interface MainColumn {
  /** The column's paragraphs, in document order. */
  paragraphs: HTMLElement[];
  /** The innermost element holding every one of them: what is narrowed when the page as a whole cannot be. */
  element: HTMLElement;
  left: number;
  right: number;
}

/**
 * More paragraphs than any article has; past it, a page is read only this far, so that a page built to be huge
 * costs a bounded amount of work when the panel opens or the window is resized.
 */
const MAX_PARAGRAPHS = 4_000;

/** Finds the main column under `root`, or null when it holds no visible paragraph with text. */
export function findMainColumn(root: Element): MainColumn | null {
  const columns = new Map<string, { paragraphs: HTMLElement[]; chars: number; left: number; right: number }>();
  const paragraphs = root.querySelectorAll<HTMLElement>('p');
  const count = Math.min(paragraphs.length, MAX_PARAGRAPHS);
  for (let index = 0; index < count; index++) {
    const paragraph = paragraphs[index] as HTMLElement;
    const chars = paragraph.textContent?.trim().length ?? 0;
    if (chars === 0) continue;
    const box = paragraph.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const key = `${Math.round(box.left)}:${Math.round(box.right)}`;
    const column = columns.get(key) ?? { paragraphs: [], chars: 0, left: box.left, right: box.right };
    column.paragraphs.push(paragraph);
    column.chars += chars;
    columns.set(key, column);
  }
  let best: { paragraphs: HTMLElement[]; chars: number; left: number; right: number } | null = null;
  for (const column of columns.values()) if (!best || column.chars > best.chars) best = column;
  if (!best) return null;
  return { paragraphs: best.paragraphs, element: commonAncestor(best.paragraphs), left: best.left, right: best.right };
}

/** The innermost element that contains every one of `elements` (at worst the document element). */
function commonAncestor(elements: readonly HTMLElement[]): HTMLElement {
  let ancestor = (elements[0] as HTMLElement).parentElement ?? (elements[0] as HTMLElement);
  for (const element of elements) {
    while (!ancestor.contains(element) && ancestor.parentElement) ancestor = ancestor.parentElement;
  }
  return ancestor;
}
