import type { MainColumn } from './main-column';
import type { StyleLedger } from './style-ledger';

/** How the room was made, or that it could not be without breaking the page. */
export type RoomMade = 'already-clear' | 'page-narrowed' | 'column-narrowed' | 'not-possible';

/** A main column is not narrowed below this: past it, reading under a panel that folds is better. */
const MIN_COLUMN_PX = 400;
/** Column narrowing converges in a step or two; a layout that keeps moving the column is not followed further. */
const MAX_COLUMN_STEPS = 4;

/**
 * Makes `room` pixels free on the window's right edge, so that no paragraph of the main column lies there, by
 * inline styles recorded in `ledger` (the caller restores them). Each way is checked by measuring the page after
 * it, and dropped when the column still reaches under the panel or the page would scroll further sideways:
 * 1. Nothing, when the column already ends left of the room (a narrow column in a wide window).
 * 2. Narrowing the page: padding on the root element, which every fluid layout follows; a centred column keeps
 *    its width and moves left into the margin it had, where narrowing the column itself would halve it.
 * 3. Narrowing the column: a maximum width on the element that holds its paragraphs, for pages whose fixed-width
 *    containers do not follow the root element.
 */
export function makeRoom(doc: Document, room: number, column: MainColumn | null, ledger: StyleLedger): RoomMade {
  const root = doc.documentElement;
  const limit = root.clientWidth - room;
  const paragraphs = column?.paragraphs ?? [];
  if (column && rightmost(paragraphs) <= limit) return 'already-clear';
  const overflow = sidewaysOverflow(doc);
  const fits = () => rightmost(paragraphs) <= limit && sidewaysOverflow(doc) <= overflow;

  const padding = Number.parseFloat(doc.defaultView?.getComputedStyle(root).paddingRight ?? '') || 0;
  ledger.set(root, 'padding-right', `${Math.ceil(padding + room)}px`);
  if (fits()) return 'page-narrowed';
  ledger.restore();

  if (column && column.element !== doc.body && column.element !== root) {
    narrowColumn(column, limit, ledger);
    if (fits()) return 'column-narrowed';
    ledger.restore();
  }
  return 'not-possible';
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
