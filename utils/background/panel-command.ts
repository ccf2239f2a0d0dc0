import { NEXT_HIGHLIGHT_COMMAND, OPEN_PANEL_COMMAND, PREVIOUS_HIGHLIGHT_COMMAND } from '../protocol/commands';
import { openAndFocusPanel } from './open-panel';
import type { BackgroundServices } from './services';

/**
 * The shortcuts' work on the active tab. The highlight steps go to the page, which moves to the next or previous
 * highlight (and ignores them while the reader is typing). Opening the panel: on a club article, the panel opens (or unfolds) with keyboard focus in
 * it. Anywhere else the toolbar popup opens instead, where the browser allows an extension to open it, so the
 * reader learns why there is no panel (no article, or one the club has not discussed) and finds the reading list,
 * rather than pressing keys that seem to do nothing. Where it is not allowed, nothing happens; the toolbar badge
 * already tells the page's case.
 */
export async function runCommand(
  command: string,
  tabId: number | undefined,
  services: BackgroundServices,
  openPopup: () => Promise<void>,
): Promise<void> {
  if (command === NEXT_HIGHLIGHT_COMMAND || command === PREVIOUS_HIGHLIGHT_COMMAND) {
    // Only a club article's panel script listens; on any other page the message finds no one and nothing happens.
    if (tabId !== undefined) {
      const direction = command === NEXT_HIGHLIGHT_COMMAND ? 'next' : 'previous';
      await services.sendToTab(tabId, { type: 'highlight-step', direction });
    }
    return;
  }
  if (command !== OPEN_PANEL_COMMAND) return;
  if (tabId !== undefined && (await openAndFocusPanel(tabId, services))) return;
  await openPopup().catch(() => undefined);
}
