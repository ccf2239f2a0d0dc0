import { codePointLength } from './code-points.ts';
import { buildTextIndex, type TextIndex } from './text-index.ts';
import type { DescribeFailureReason, DescribeResult } from './types.ts';

/**
 * Longest quote we store, in characters. A highlight is a passage, not a page: beyond a few paragraphs the quote
 * is slow to match after edits and the reader most likely selected everything by accident (Ctrl+A).
 */
export const MAX_QUOTE_LENGTH = 4000;
/** Characters of context kept on each side; 32 is what Hypothesis and others store, enough to tell repeats apart. */
export const CONTEXT_LENGTH = 32;

function fail(reason: Exclude<DescribeFailureReason, 'too-long'>): DescribeResult {
  return { ok: false, reason };
}

function tooLong(length: number): DescribeResult {
  return { ok: false, reason: 'too-long', length, limit: MAX_QUOTE_LENGTH };
}

/**
 * Selectors for what the reader selected. Never throws: every way a selection can be unusable comes back as a
 * reason, which the page turns into words for the reader. `index` hands over the page's current index when the
 * caller keeps one (`index-cache.ts`), so a selection does not cost a walk over the whole page.
 */
export function describe(range: Range, root: Element, index?: () => TextIndex): DescribeResult {
  const inside = clipToRoot(range, root);
  if (inside === null) return fail('outside-root');
  if (inside.collapsed) return fail(range.collapsed ? 'empty' : 'outside-root');
  return describeWithIndex(inside, index?.() ?? buildTextIndex(root));
}

export function describeWithIndex(range: Range, index: TextIndex): DescribeResult {
  const { text } = index;
  let start = index.offsetOf(range.startContainer, range.startOffset);
  let end = index.offsetOf(range.endContainer, range.endOffset);
  // Selections by double-click or drag often take a neighbouring space; it is not part of the passage.
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (end <= start) return fail(/\S/.test(range.toString()) ? 'not-article-text' : 'whitespace');
  const exact = text.slice(start, end);
  if (exact.length > MAX_QUOTE_LENGTH) {
    const length = codePointLength(exact);
    if (length > MAX_QUOTE_LENGTH) return tooLong(length);
  }
  const prefixStart = avoidSplitPair(text, Math.max(0, start - CONTEXT_LENGTH), 1);
  const suffixEnd = avoidSplitPair(text, Math.min(text.length, end + CONTEXT_LENGTH), -1);
  const cp = index.codePoints;
  return {
    ok: true,
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
      { type: 'TextPositionSelector', start: cp.toCodePoint(start), end: cp.toCodePoint(end) },
    ],
  };
}

/** Keeps a context cut from landing between the two halves of an emoji, which would store a broken character. */
function avoidSplitPair(text: string, at: number, direction: 1 | -1): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at + direction : at;
}

/**
 * The part of the range inside the root, or null when they do not overlap. A range that spills over (the whole
 * page selected, or a drag starting in a sidebar) keeps its part in the article, so the reader gets the right
 * message ("too long") or the highlight they meant. Text in shadow trees or other documents is not part of the
 * indexed text: such ranges have another root node and never overlap.
 */
function clipToRoot(range: Range, root: Element): Range | null {
  const tree = root.getRootNode();
  if (range.startContainer.getRootNode() !== tree || range.endContainer.getRootNode() !== tree) return null;
  if (root.contains(range.startContainer) && root.contains(range.endContainer)) return range;
  const whole = root.ownerDocument.createRange();
  whole.selectNodeContents(root);
  if (
    range.compareBoundaryPoints(Range.START_TO_END, whole) <= 0 ||
    range.compareBoundaryPoints(Range.END_TO_START, whole) >= 0
  ) {
    return null;
  }
  const clipped = range.cloneRange();
  if (clipped.compareBoundaryPoints(Range.START_TO_START, whole) < 0) clipped.setStart(root, 0);
  if (clipped.compareBoundaryPoints(Range.END_TO_END, whole) > 0) clipped.setEnd(root, root.childNodes.length);
  return clipped;
}
