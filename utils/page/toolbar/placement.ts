export interface Size {
  width: number;
  height: number;
}

export interface ToolbarPlacement {
  /** Viewport coordinates of the toolbar's top-left corner, for `position: fixed`. */
  left: number;
  top: number;
  /** Where the toolbar went: next to the selection, or pinned to a viewport edge because neither side had room. */
  side: 'above' | 'below' | 'top-edge' | 'bottom-edge';
  /** Which way its tooltips open: away from the selection when there is room for them there. */
  tips: 'up' | 'down';
}

/** Space between the selection and the toolbar. */
export const GAP_PX = 8;
/** Least space between the toolbar and the viewport's edges. */
export const MARGIN_PX = 4;
/** Room a tooltip (two or three lines of a question) needs to open upwards or downwards. */
const TIP_ROOM_PX = 72;

/**
 * Where the selection toolbar goes, given the selection's box (see `selectionRect`), the toolbar's size and the
 * viewport's. It must never cover what the reader selected:
 * - above the selection when there is room (the toolbar's height, the gap and the viewport margin), as most
 *   reading tools do, since the reader's eyes and pointer usually sit on the selection's last line;
 * - otherwise below it when there is room there;
 * - otherwise (a passage about as tall as the viewport, or taller) covering some of it cannot be avoided; the
 *   toolbar is pinned to the viewport's edge away from where the reader finished selecting (`focusEnd`), top edge
 *   for a selection made downwards, so it is out of the way of the pointer and of the text just read.
 * Horizontally it is centred on the selection, then moved inside the viewport. A selection scrolled out of view
 * leaves the toolbar at the viewport edge nearest to it.
 */
export function placeToolbar(
  selection: DOMRectReadOnly,
  toolbar: Size,
  viewport: Size,
  focusEnd: 'start' | 'end' = 'end',
): ToolbarPlacement {
  const { width, height } = toolbar;
  const left = clamp(selection.left + selection.width / 2 - width / 2, MARGIN_PX, viewport.width - width - MARGIN_PX);
  const lowest = viewport.height - height - MARGIN_PX;

  let side: ToolbarPlacement['side'];
  let top: number;
  if (selection.top >= MARGIN_PX + height + GAP_PX) {
    side = 'above';
    top = selection.top - GAP_PX - height;
  } else if (selection.bottom + GAP_PX + height + MARGIN_PX <= viewport.height) {
    side = 'below';
    top = selection.bottom + GAP_PX;
  } else {
    side = focusEnd === 'end' ? 'top-edge' : 'bottom-edge';
    top = side === 'top-edge' ? MARGIN_PX : lowest;
  }
  top = clamp(top, MARGIN_PX, lowest);

  const roomAbove = top;
  const roomBelow = viewport.height - top - height;
  const away = side === 'above' || side === 'bottom-edge' ? 'up' : 'down';
  const roomAway = away === 'up' ? roomAbove : roomBelow;
  const tips = roomAway >= TIP_ROOM_PX ? away : away === 'up' ? 'down' : 'up';
  return { left, top, side, tips };
}

/** `value` moved into [min, max]; when the range is empty (a toolbar wider than the viewport), `min` wins. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
