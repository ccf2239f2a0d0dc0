/** The slice of `browser.tabs` the popup needs; neither call needs the "tabs" permission for a tab's id. */
export interface PopupTabs {
  query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
  get(tabId: number): Promise<{ id?: number }>;
}

/**
 * The tab the toolbar popup reports on: the active tab of its window, as the reader expects. `?tab=<id>` in the
 * popup's address names another tab instead, which is how the browser tests (which open the popup in a tab of
 * its own) point it at an article; it is honoured only when it names a tab that exists. Null when there is none.
 */
export async function popupTargetTab(search: string, tabs: PopupTabs): Promise<number | null> {
  const named = new URLSearchParams(search).get('tab');
  if (named !== null && /^\d{1,10}$/.test(named)) {
    const tab = await tabs.get(Number(named)).catch(() => null);
    if (tab?.id !== undefined) return tab.id;
  }
  const [active] = await tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return active?.id ?? null;
}
