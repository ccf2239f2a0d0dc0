/**
 * The keyboard command that opens the panel, declared in wxt.config.ts (suggested Alt+Shift+J), handled by the
 * background and shown by the popup with the shortcut the reader has set.
 */
export const OPEN_PANEL_COMMAND = 'open-panel';
