import { isGapCode } from '../../anchoring/text-model';
import { focusedField, isEditableNode } from './editable';

export type NotHighlightableReason = 'none' | 'collapsed' | 'editable' | 'excluded' | 'outside-article' | 'shadow';

export type HighlightableRange = { ok: true; range: Range } | { ok: false; reason: NotHighlightableReason };

/**
 * Whether the reader's selection is something to offer highlighting for, and if so its range: the first range of
 * the selection (a copy, which stays put when the selection later changes or is cleared).
 *
 * Refused, in this order, with the first reason that applies:
 * - `none`: no selection, or one without ranges;
 * - `shadow`: in a shadow root (a web component's text, the extension's own toolbar): a selection whose anchor,
 *   focus or range ends are not in the document itself. Anchoring reads the document's text only;
 * - `editable`: either end in a form field or editable content, or a form field has focus and the document
 *   range is collapsed (how Chromium reports text selected inside an `<input>` or `<textarea>`);
 * - `collapsed`: a caret, nothing selected;
 * - `excluded`: touches any of `excluded` (the panel's and toolbar's hosts), even if it only passes through;
 * - `outside-article`: either end outside `root`.
 * Empty, whitespace-only and overlong passages are for the anchoring's `describe` to refuse, with its messages.
 */
export function highlightableRange(
  selection: Selection | null,
  root: Element,
  excluded: readonly Node[],
): HighlightableRange {
  if (selection === null || selection.rangeCount === 0) return refuse('none');
  const range = selection.getRangeAt(0);
  const doc = root.ownerDocument;
  const ends = [selection.anchorNode, selection.focusNode, range.startContainer, range.endContainer];
  if (ends.some((node) => node !== null && node.getRootNode() !== doc)) return refuse('shadow');
  if (isEditableNode(range.startContainer) || isEditableNode(range.endContainer)) return refuse('editable');
  if (range.collapsed) return refuse(focusedField(doc) === null ? 'collapsed' : 'editable');
  if (excluded.some((node) => range.intersectsNode(node))) return refuse('excluded');
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return refuse('outside-article');
  return { ok: true, range: range.cloneRange() };
}

function refuse(reason: NotHighlightableReason): HighlightableRange {
  return { ok: false, reason };
}

/**
 * Where the selection is on screen, to place the toolbar by: the union of the range's boxes, in viewport
 * coordinates, or null when it has none (hidden text, a range detached by a page change).
 *
 * The union, not the last line's box: the toolbar goes above or below the whole selection, so that it covers no
 * line of it, and only the union says where the whole selection is. Horizontally the toolbar centres on it (for a
 * passage of several lines, the column's middle). Which end the reader finished on matters only when the passage
 * is too tall to leave room above or below; see `selectionFocusEnd`.
 */
export function selectionRect(range: Range): DOMRect | null {
  const boxes = Array.from(range.getClientRects()).filter((box) => box.width > 0 || box.height > 0);
  return boxes.length === 0 ? null : range.getBoundingClientRect();
}

/**
 * Which end of the selection the reader finished on (where the pointer or caret is): `end` for a selection made
 * forwards, `start` for one made backwards. Chromium and Firefox report `direction`; elsewhere the anchor and
 * focus are compared.
 */
export function selectionFocusEnd(selection: Selection): 'start' | 'end' {
  const direction = (selection as Selection & { direction?: string }).direction;
  if (direction === 'backward') return 'start';
  if (direction === 'forward' || direction === 'none') return 'end';
  const { anchorNode, focusNode } = selection;
  if (anchorNode === null || focusNode === null) return 'end';
  if (anchorNode === focusNode) return selection.focusOffset < selection.anchorOffset ? 'start' : 'end';
  return anchorNode.compareDocumentPosition(focusNode) & Node.DOCUMENT_POSITION_PRECEDING ? 'start' : 'end';
}

/** The first character of `text` that the reader's text keeps (see `text-model.ts`), or -1 for none. */
function firstKept(text: string): number {
  for (let i = 0; i < text.length; i++) if (!isGapCode(text.charCodeAt(i))) return i;
  return -1;
}

/**
 * The range without the whitespace (and invisible characters) at its ends, which the stored quote leaves out too:
 * a double-click takes the following space. A new highlight is drawn over this, so that it looks as it will when
 * found again on the next visit. A range with nothing but whitespace comes back as it was.
 */
export function trimmedRange(range: Range): Range {
  const pieces = textNodesIn(range).map((text) => {
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : text.length;
    return { text, from, covered: text.data.slice(from, to) };
  });
  const trimmed = range.cloneRange();
  const first = pieces.find((piece) => firstKept(piece.covered) >= 0);
  const last = pieces.findLast((piece) => firstKept(piece.covered) >= 0);
  if (first === undefined || last === undefined) return trimmed;
  trimmed.setStart(first.text, first.from + firstKept(first.covered));
  trimmed.setEnd(last.text, last.from + lastKept(last.covered));
  return trimmed;
}

/** Just after the last character of `text` that the reader's text keeps. */
function lastKept(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (!isGapCode(text.charCodeAt(i))) return i + 1;
  return 0;
}

/** The text nodes the range covers, in document order, from the one it starts in to the one it ends in. */
function textNodesIn(range: Range): Text[] {
  const start = range.startContainer;
  if (start === range.endContainer && start instanceof Text) return [start];
  const root = range.commonAncestorContainer;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  const out: Text[] = start instanceof Text ? [start] : [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (range.comparePoint(node, 0) > 0) break;
    if (range.intersectsNode(node)) out.push(node as Text);
  }
  return out;
}
