import type { PanelEvent } from '../protocol/tab-messages';

/** The one method the registry needs of a `runtime.Port`, so tests can pass plain objects. */
export interface PanelPort {
  postMessage(event: PanelEvent): void;
}

/**
 * The open panel frames of each tab, which hear about changes made elsewhere (a new highlight on the page) over
 * their port. A panel still loading (just injected, or reopened) has no port yet: the reader's last request to
 * show a highlight is kept for it and delivered when its port connects, so "Show in panel" never falls between
 * the injection and the frame's first script.
 */
export function createPanelPorts() {
  const ports = new Map<number, Set<PanelPort>>();
  const pendingFocus = new Map<number, PanelEvent>();
  return {
    /** Registers a panel frame's port; returns what removes it when the port disconnects. */
    connect(tabId: number, port: PanelPort): () => void {
      const tabPorts = ports.get(tabId) ?? new Set();
      tabPorts.add(port);
      ports.set(tabId, tabPorts);
      const pending = pendingFocus.get(tabId);
      pendingFocus.delete(tabId);
      if (pending) port.postMessage(pending);
      return () => tabPorts.delete(port);
    },
    notify(tabId: number, event: PanelEvent): void {
      const tabPorts = ports.get(tabId);
      if (tabPorts?.size) for (const port of tabPorts) port.postMessage(event);
      else if (event.type === 'focus-highlight') pendingFocus.set(tabId, event);
    },
    /** The tab is gone: nothing is kept for it. */
    forget(tabId: number): void {
      pendingFocus.delete(tabId);
      ports.delete(tabId);
    },
  };
}
