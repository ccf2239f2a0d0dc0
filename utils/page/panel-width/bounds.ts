import { PANEL_WIDTH_PX } from '../../protocol/reading-prefs';

/** What the handle's keys move the panel's edge by: a step, and a bigger one with Shift. */
export const KEY_STEP_PX = 16;
export const BIG_KEY_STEP_PX = 64;

/** The narrowest and widest the panel may be in a window this wide. */
export interface WidthBounds {
  min: number;
  max: number;
}

/**
 * The panel never takes more than half the window, so the article keeps the other half; but it never gets
 * narrower than its minimum, where its controls would wrap, even in a window too small for both (it then lies
 * over the article, as it always did).
 */
export function widthBounds(windowWidth: number): WidthBounds {
  const half = Math.floor(windowWidth / 2);
  return { min: PANEL_WIDTH_PX.min, max: Math.max(PANEL_WIDTH_PX.min, Math.min(PANEL_WIDTH_PX.max, half)) };
}

export function clampWidth(width: number, bounds: WidthBounds): number {
  return Math.round(Math.min(bounds.max, Math.max(bounds.min, width)));
}

/**
 * The width after a key on the handle, or null for a key the handle leaves alone. The handle is the panel's
 * left edge: ArrowLeft moves it left (a wider panel), ArrowRight narrows it; Home and End go to the narrowest
 * and the widest, as on any separator.
 */
export function widthAfterKey(key: string, shift: boolean, width: number, bounds: WidthBounds): number | null {
  const step = shift ? BIG_KEY_STEP_PX : KEY_STEP_PX;
  switch (key) {
    case 'ArrowLeft':
      return clampWidth(width + step, bounds);
    case 'ArrowRight':
      return clampWidth(width - step, bounds);
    case 'Home':
      return bounds.min;
    case 'End':
      return bounds.max;
    default:
      return null;
  }
}
