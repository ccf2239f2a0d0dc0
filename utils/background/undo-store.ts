import type { Highlight } from '../highlights/highlight';
import type { SessionArea } from './tab-registry';

/** How long the background keeps the last deleted highlight of a tab for a panel mounted again to undo. */
export const UNDO_KEPT_MS = 2 * 60_000;

interface Kept {
  highlight: Highlight;
  at: number;
}

/**
 * The last highlight deleted in each tab, kept outside the panel frame (review F1/F9): when the frame goes (a page
 * script removes it, the panel re-mounts after a catalog change, the reader reloads), the panel that comes back
 * still offers Undo for a while. Session storage, so a stopped service worker does not lose it either.
 */
export function createUndoStore(area: SessionArea, now: () => Date) {
  const key = (tabId: number) => `undo:${tabId}`;
  return {
    async keep(tabId: number, highlight: Highlight): Promise<void> {
      await area.set({ [key(tabId)]: { highlight, at: now().getTime() } satisfies Kept });
    },
    /** The tab's last deleted highlight, while it may still be undone. */
    async last(tabId: number): Promise<Highlight | null> {
      const kept = (await area.get(key(tabId)))[key(tabId)] as Kept | undefined;
      return kept && now().getTime() - kept.at < UNDO_KEPT_MS ? kept.highlight : null;
    },
    async forget(tabId: number): Promise<void> {
      await area.remove(key(tabId));
    },
  };
}

export type UndoStore = ReturnType<typeof createUndoStore>;
