/**
 * How the reader likes the panel laid out beside the article: whether it makes room for itself (side by side)
 * and how wide it is. Kept with the reader's settings in the background; the page's script reads them when it
 * mounts the panel, which is why they are a type of their own: the page is told these two values and nothing else
 * of the settings.
 */
export interface ReadingPrefs {
  /** Whether the open panel makes room beside the article (when the window is wide enough) or lies over it. */
  sideBySide: boolean;
  /** The open panel's width in CSS pixels, as the reader last dragged it. */
  panelWidth: number;
  /**
   * Who a new highlight will be visible to, for the selection toolbar to say: the club connection's default, or
   * null when not connected. Not a secret (it names no club, no account); only the `reading-prefs` answer has it.
   */
  clubVisibility?: 'only-me' | 'club' | null;
}

/**
 * The widths a stored or requested panel width may take. The page narrows it further to half its window; the
 * bounds here only keep a damaged or hostile value from making the panel vanish or cover a wide screen.
 */
export const PANEL_WIDTH_PX = { min: 320, max: 720, initial: 400 } as const;

export const DEFAULT_READING_PREFS: ReadingPrefs = { sideBySide: true, panelWidth: PANEL_WIDTH_PX.initial };

/** A panel width as stored, or the initial width when it is not a whole number of pixels within the bounds. */
export function parsePanelWidth(value: unknown): number {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= PANEL_WIDTH_PX.min &&
    value <= PANEL_WIDTH_PX.max
    ? value
    : PANEL_WIDTH_PX.initial;
}
