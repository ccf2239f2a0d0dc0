import { OPEN_PANEL_COMMAND } from '../protocol/commands';
import { openAndFocusPanel } from './open-panel';
import type { BackgroundServices } from './services';

/**
 * The shortcut's work on the active tab: on a club article, the panel opens (or unfolds) with keyboard focus in
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
  if (command !== OPEN_PANEL_COMMAND) return;
  if (tabId !== undefined && (await openAndFocusPanel(tabId, services))) return;
  await openPopup().catch(() => undefined);
}
