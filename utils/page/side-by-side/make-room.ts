import type { MainColumn } from './main-column';
import type { StyleLedger } from './style-ledger';

/** How the room was made, or that it could not be without breaking the page. */
export type RoomMade = 'already-clear' | 'page-narrowed' | 'column-narrowed' | 'not-possible';

/** A main column is not narrowed below this: past it, reading under a panel that folds is better. */
const MIN_COLUMN_PX = 400;
/** Column narrowing converges in a step or two; a layout that keeps moving the column is not followed further. */
const MAX_COLUMN_STEPS = 4;

/** How the room was made, and what the page was like before, for a later change of room to start from. */
export interface RoomOutcome {
  made: RoomMade;
  /** How far the page scrolled sideways in its own layout. */
  overflow: number;
  /** The root element's own right padding, which narrowing the page adds to. */
  padding: number;
}

/**
 * Makes `room` pixels free on the window's right edge, so that no paragraph of the main column lies there, by
 * inline styles recorded in `ledger` (the caller restores them). Each way is checked by measuring the page after
 * it, and dropped when the column still reaches under the panel or the page would scroll further sideways:
 * 1. Nothing, when the column already ends left of the room (a narrow column in a wide window).
 * 2. Narrowing the page: padding on the root element, which every fluid layout follows; a centred column keeps
 *    its width and moves left into the margin it had, where narrowing the column itself would halve it.
 * 3. Narrowing the column: a maximum width on the element that holds its paragraphs, for pages whose fixed-width
 *    containers do not follow the root element.
 * The page must be in its own layout (nothing in `ledger`) when this is called.
 */
export function makeRoom(doc: Document, room: number, column: MainColumn | null, ledger: StyleLedger): RoomOutcome {
  const root = doc.documentElement;
  const limit = root.clientWidth - room;
  const paragraphs = column?.paragraphs ?? [];
  const padding = Number.parseFloat(doc.defaultView?.getComputedStyle(root).paddingRight ?? '') || 0;
  const overflow = sidewaysOverflow(doc);
  const outcome = (made: RoomMade): RoomOutcome => ({ made, overflow, padding });
  if (column && rightmost(paragraphs) <= limit) return outcome('already-clear');

  if (resizePageRoom(doc, room, column, ledger, outcome('page-narrowed'))) return outcome('page-narrowed');
  ledger.restore();

  if (column && column.element !== doc.body && column.element !== root) {
    narrowColumn(column, limit, ledger);
    if (rightmost(paragraphs) <= limit && sidewaysOverflow(doc) <= overflow) return outcome('column-narrowed');
    ledger.restore();
  }
  return outcome('not-possible');
}

/**
 * Narrows the page to leave `room`, from how it was before (`before`, as `makeRoom` measured it), and says whether
 * the column then clears the room without the page scrolling further sideways. A page already narrowed for
 * another width of panel or window is changed in one step, without first laying the whole page out again as it
 * was: on a long article, that layout is most of the cost.
 */
export function resizePageRoom(
  doc: Document,
  room: number,
  column: MainColumn | null,
  ledger: StyleLedger,
  before: RoomOutcome,
): boolean {
  const root = doc.documentElement;
  ledger.set(root, 'padding-right', `${Math.ceil(before.padding + room)}px`);
  return rightmost(column?.paragraphs ?? []) <= root.clientWidth - room && sidewaysOverflow(doc) <= before.overflow;
}

/**
 * Gives the column's element a maximum width that brings its paragraphs left of `limit`. A left-aligned column
 * ends where its width ends; a centred one moves half as far: the first step measures which, the next ones
 * allow for it.
 */
function narrowColumn(column: MainColumn, limit: number, ledger: StyleLedger): void {
  const { element, paragraphs } = column;
  let right = rightmost(paragraphs);
  let moves = 1;
  for (let step = 0; step < MAX_COLUMN_STEPS && right > limit; step++) {
    const reduction = (right - limit) / moves;
    const width = element.getBoundingClientRect().width - reduction;
    if (width < MIN_COLUMN_PX) return;
    ledger.set(element, 'box-sizing', 'border-box');
    ledger.set(element, 'max-width', `${Math.floor(width)}px`);
    const now = rightmost(paragraphs);
    moves = Math.min(1, Math.max(0.25, (right - now) / reduction));
    right = now;
  }
}

/** The right edge of the rightmost visible paragraph. */
function rightmost(paragraphs: readonly HTMLElement[]): number {
  let right = Number.NEGATIVE_INFINITY;
  for (const paragraph of paragraphs) {
    const box = paragraph.getBoundingClientRect();
    if (box.width > 0 && box.right > right) right = box.right;
  }
  return right;
}

/** How far the page scrolls sideways: side by side must not add to it. */
function sidewaysOverflow(doc: Document): number {
  const scroller = doc.scrollingElement ?? doc.documentElement;
  return scroller.scrollWidth - scroller.clientWidth;
}
