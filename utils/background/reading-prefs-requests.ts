import type { ReadingPrefs } from '../protocol/reading-prefs';
import type { BackgroundRequest } from '../protocol/requests';
import type { Settings } from '../protocol/responses';
import type { BackgroundServices, Handled, RequestSender } from './services';

/** The two settings the page's script may read (with the club's default visibility): never the rest. */
function readingPrefsOf(settings: Settings): ReadingPrefs {
  return { sideBySide: settings.sideBySide, panelWidth: settings.panelWidth };
}

export async function readingPrefs(services: BackgroundServices): Handled<'reading-prefs'> {
  const connection = await services.club.core.deps.storage.connection().catch(() => null);
  return {
    ok: true,
    value: { ...readingPrefsOf(await services.settings.get()), clubVisibility: connection?.defaultVisibility ?? null },
  };
}

/**
 * Stores what the reader changed, keeping the other settings. A switch made in the panel is passed on to the
 * page of its tab, which makes room or gives it back at once; a width comes from the page's own handle, which has
 * already applied it.
 */
export async function updateReadingPrefs(
  request: Extract<BackgroundRequest, { type: 'reading-prefs-update' }>,
  tabId: number,
  sender: RequestSender,
  services: BackgroundServices,
): Handled<'reading-prefs-update'> {
  const current = await services.settings.get();
  const saved = await services.settings.set({
    ...current,
    ...(request.sideBySide !== undefined && { sideBySide: request.sideBySide }),
    ...(request.panelWidth !== undefined && { panelWidth: request.panelWidth }),
  });
  const prefs = readingPrefsOf(saved);
  if (sender.fromExtensionPage) await services.sendToTab(tabId, { type: 'reading-prefs', prefs });
  return { ok: true, value: prefs };
}
