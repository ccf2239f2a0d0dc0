import type { SessionArea } from './tab-registry';

/** How long a tab opened from a club's post waits for its article: a doi.org redirect and a slow publisher. */
export const ARRIVAL_KEPT_MS = 2 * 60_000;

const DISMISSED = 'post-dismissed';

interface Arrival {
  entryId: string;
  at: number;
}

/**
 * What the way in from a club's post remembers for the browser session, in session storage beside the tab
 * records (a stopped MV3 service worker must still know when the article arrives): the entries whose post notice
 * the reader dismissed, the tabs whose toolbar button says "club post", and the tabs opened from a post that are
 * to show their article's panel, unfolded, when the article is detected there.
 */
export function createPostMemory(area: SessionArea) {
  const shownKey = (tabId: number) => `post:${tabId}`;
  const arrivalKey = (tabId: number) => `arrival:${tabId}`;
  const dismissedIds = async () => {
    const stored = (await area.get(DISMISSED))[DISMISSED];
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  };
  return {
    async dismissed(entryId: string): Promise<boolean> {
      return (await dismissedIds()).includes(entryId);
    },
    async dismiss(entryId: string): Promise<void> {
      const ids = await dismissedIds();
      if (!ids.includes(entryId)) await area.set({ [DISMISSED]: [...ids, entryId] });
    },
    /** The entry whose post the tab's toolbar button names, or null. */
    async shown(tabId: number): Promise<string | null> {
      const stored = (await area.get(shownKey(tabId)))[shownKey(tabId)];
      return typeof stored === 'string' ? stored : null;
    },
    async markShown(tabId: number, entryId: string): Promise<void> {
      await area.set({ [shownKey(tabId)]: entryId });
    },
    async forgetShown(tabId: number): Promise<void> {
      await area.remove(shownKey(tabId));
    },
    /** The tab was opened to read `entryId`'s article from its post, at `at` (ms). */
    async expectArrival(tabId: number, entryId: string, at: number): Promise<void> {
      await area.set({ [arrivalKey(tabId)]: { entryId, at } satisfies Arrival });
    },
    /**
     * Whether the tab was opened from `entryId`'s post less than {@link ARRIVAL_KEPT_MS} ago; it answers true
     * once. Another article on the way (a publisher's landing page) leaves the mark for the right one.
     */
    async takeArrival(tabId: number, entryId: string, now: number): Promise<boolean> {
      const arrival = (await area.get(arrivalKey(tabId)))[arrivalKey(tabId)] as Arrival | undefined;
      if (!arrival) return false;
      const fresh = now - arrival.at < ARRIVAL_KEPT_MS;
      if (fresh && arrival.entryId !== entryId) return false;
      await area.remove(arrivalKey(tabId));
      return fresh;
    },
    async forget(tabId: number): Promise<void> {
      await Promise.all([area.remove(shownKey(tabId)), area.remove(arrivalKey(tabId))]);
    },
  };
}

export type PostMemory = ReturnType<typeof createPostMemory>;
