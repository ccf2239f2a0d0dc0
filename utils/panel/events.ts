import type { Runtime } from 'webextension-polyfill';
import type { PanelEvent } from '../protocol/tab-messages';

/**
 * Subscribes the panel frame to the background's pushes over a port. The port is reopened when it drops,
 * because Chromium stops an idle MV3 service worker and takes its ports with it; the next event wakes a new one.
 * A port the background refuses (a stale ticket) is retried ever more slowly, up to every 10 s.
 */
export function panelEvents(connect: () => Runtime.Port) {
  return (listener: (event: PanelEvent) => void): (() => void) => {
    let closed = false;
    let port: Runtime.Port;
    let delay = 100;
    const open = () => {
      port = connect();
      port.onMessage.addListener((message: unknown) => {
        delay = 100;
        listener(message as PanelEvent);
      });
      port.onDisconnect.addListener(() => {
        if (closed) return;
        setTimeout(open, delay);
        delay = Math.min(delay * 2, 10_000);
      });
    };
    open();
    return () => {
      closed = true;
      port.disconnect();
    };
  };
}
