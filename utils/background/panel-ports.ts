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
 *
 * With `first`, a port that connects is sent what `first` reads for its tab before anything else (the panel's
 * state and highlights, so the panel need not ask for them): events for it wait meanwhile, then follow in order.
 * Each event says all there is about its subject (the anchors, the layout), so one that the first read already
 * saw does no harm coming after it.
 */
export function createPanelPorts(first?: (tabId: number) => Promise<PanelEvent>) {
  const ports = new Map<number, Set<PanelPort>>();
  const pendingFocus = new Map<number, PanelEvent>();
  /** Ports whose first event is still being read, with the events held for them. */
  const waiting = new Map<PanelPort, PanelEvent[]>();
  const send = (port: PanelPort, event: PanelEvent) => {
    const held = waiting.get(port);
    if (held) held.push(event);
    else port.postMessage(event);
  };
  return {
    /** Registers a panel frame's port; returns what removes it when the port disconnects. */
    connect(tabId: number, port: PanelPort): () => void {
      const tabPorts = ports.get(tabId) ?? new Set();
      tabPorts.add(port);
      ports.set(tabId, tabPorts);
      const pending = pendingFocus.get(tabId);
      pendingFocus.delete(tabId);
      if (first) {
        waiting.set(port, pending ? [pending] : []);
        const release = (opening: PanelEvent | null) => {
          const held = waiting.get(port) ?? [];
          waiting.delete(port);
          if (!tabPorts.has(port)) return;
          for (const event of opening ? [opening, ...held] : held) port.postMessage(event);
        };
        void first(tabId).then(release, () => release(null));
      } else if (pending) port.postMessage(pending);
      return () => {
        tabPorts.delete(port);
        waiting.delete(port);
      };
    },
    notify(tabId: number, event: PanelEvent): void {
      const tabPorts = ports.get(tabId);
      if (tabPorts?.size) for (const port of tabPorts) send(port, event);
      else if (event.type === 'focus-highlight' || event.type === 'focus-club-highlight')
        pendingFocus.set(tabId, event);
    },
    /** The tab is gone: nothing is kept for it. */
    forget(tabId: number): void {
      pendingFocus.delete(tabId);
      ports.delete(tabId);
    },
  };
}
