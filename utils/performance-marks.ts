/** Performance marks the extension sets so that `npm run bench` can time what the reader waits for. */

/** Set in the panel frame when the loaded panel is first painted. */
export const PANEL_VISIBLE_MARK = 'journal-club:panel-visible';

/** Measured in the page around saving a highlight: content script → background → IndexedDB → reply. */
export const SAVE_HIGHLIGHT_MEASURE = 'journal-club:save-highlight';

/** Measured in the page from the club layer's reply to its highlights painted (anchored, drawn, handed to the map). */
export const CLUB_PAINT_MEASURE = 'journal-club:club-paint';
