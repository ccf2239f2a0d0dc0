/**
 * How much room side by side makes, and when a window is too narrow for it.
 */

/**
 * Width kept free left of the panel's edge for a strip of marks (the map of the reader's highlights), so that the
 * strip, too, lies beside the article rather than over it.
 */
export const EDGE_STRIP_PX = 14;

/**
 * The narrowest the article may be left beside the panel. Below it, lines of a body text would hold fewer than
 * about 60 characters, and reading a squeezed article is worse than reading under a panel the reader can fold:
 * the panel lies over the article as it always did (at 900 px with the panel at its initial 400 px, for one).
 */
export const MIN_ARTICLE_WIDTH_PX = 600;

/** The width the article gives up for a panel covering `panelInset` pixels of the window's right edge. */
export function roomFor(panelInset: number): number {
  return panelInset + EDGE_STRIP_PX;
}

/** Whether a window (its width without the scroll bar) leaves the article enough width beside `room`. */
export function isWideEnough(viewportWidth: number, room: number): boolean {
  return viewportWidth - room >= MIN_ARTICLE_WIDTH_PX;
}
