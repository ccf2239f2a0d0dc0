import { i18n } from '#i18n';
import type { Reply } from '../protocol/reply';
import type { PanelEvent } from '../protocol/tab-messages';
import { handleRequest } from './handle-request';
import type { BackgroundServices, RequestSender } from './services';

/**
 * What a panel frame is sent first when its port opens: the answers it would otherwise ask for as it loads
 * (`panel-state`, then `highlights`), read as if the panel had asked, so they are the same answers and the same
 * checks. One push instead of two round trips, on every load of the panel and after the service worker restarts.
 */
export async function panelSnapshot(tabId: number, services: BackgroundServices): Promise<PanelEvent> {
  // Only a port whose ticket was accepted gets here (entrypoints/background.ts).
  const panel: RequestSender = { tabId, frameId: null, fromExtensionPage: true, url: null, panelBound: true };
  const [state, highlights] = await Promise.all([
    handleRequest({ type: 'panel-state' }, panel, services).catch(failed),
    handleRequest({ type: 'highlights' }, panel, services).catch(failed),
  ]);
  return { type: 'state', state, highlights };
}

function failed(error: unknown): Reply<never> {
  return { ok: false, error: i18n.t('errors.extensionFailed', [String(error)]) };
}
