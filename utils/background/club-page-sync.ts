import { doiKey } from '../article/doi';
import { clubArticleOf } from '../club/draft';
import type { PanelEvent } from '../protocol/tab-messages';
import type { BackgroundServices } from './services';

/**
 * Tells the pages showing an article that what they may paint of the club changed, so they ask `club-page-layer`
 * again: only the tabs whose club article has this DOI key (null: every club article's tab, after connecting,
 * disconnecting or switching "Show the club's highlights"). A tab of another article is not told, so one fetch
 * never makes other tabs fetch their own articles.
 */
export async function tellClubPages(
  services: Pick<BackgroundServices, 'tabs' | 'catalog' | 'sendToTab'>,
  key: string | null,
): Promise<void> {
  const catalog = await services.catalog();
  for (const [tabId, record] of await services.tabs.all()) {
    const entry = record.entryId ? catalog.get(record.entryId) : null;
    if (!record.article || !entry) continue;
    if (key !== null && doiKey(clubArticleOf(entry, record.article.doi).doi) !== key) continue;
    await services.sendToTab(tabId, { type: 'club-layer-changed' }).catch(() => undefined);
  }
}

/**
 * Tells every open panel that a card's club state changed (a share recorded, the outbox's answers), so it asks
 * for the club layer again rather than showing the state it had when it last asked. A tab without a panel port
 * is skipped by `notify`.
 */
export async function tellClubPanels(
  services: Pick<BackgroundServices, 'tabs'>,
  notify: (tabId: number, event: PanelEvent) => void,
): Promise<void> {
  for (const [tabId] of await services.tabs.all()) notify(tabId, { type: 'club-changed' });
}
