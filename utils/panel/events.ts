import type { Runtime } from 'webextension-polyfill';
import { PANEL_PORT, type PanelEvent } from '../protocol/tab-messages';

/**
 * Subscribes the panel frame to the background's pushes over a port. The port is reopened when it drops,
 * because Chromium stops an idle MV3 service worker and takes its ports with it; the next event wakes a new one.
 */
export function panelEvents(connect: (info: { name: string }) => Runtime.Port) {
  return (listener: (event: PanelEvent) => void): (() => void) => {
    let closed = false;
    let port: Runtime.Port;
    const open = () => {
      port = connect({ name: PANEL_PORT });
      port.onMessage.addListener((message: unknown) => listener(message as PanelEvent));
      port.onDisconnect.addListener(() => {
        if (!closed) setTimeout(open, 100);
      });
    };
    open();
    return () => {
      closed = true;
      port.disconnect();
    };
  };
}
