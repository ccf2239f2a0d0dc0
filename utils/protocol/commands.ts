/**
 * The keyboard command that opens the panel, declared in wxt.config.ts (suggested Alt+Shift+J), handled by the
 * background and shown by the popup with the shortcut the reader has set.
 */
export const OPEN_PANEL_COMMAND = 'open-panel';

/**
 * The keyboard commands that step through the highlights on a club article (suggested Alt+Shift+Period and
 * Alt+Shift+Comma): browser-wide keys the reader can change, so they never meet the page's own shortcuts. The
 * background passes them to the tab; the page ignores them while the reader is typing.
 */
export const NEXT_HIGHLIGHT_COMMAND = 'next-highlight';
export const PREVIOUS_HIGHLIGHT_COMMAND = 'previous-highlight';
