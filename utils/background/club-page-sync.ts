import { doiKey } from '../article/doi';
import type { CatalogEntry } from '../catalog/schema';
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
  for (const { tabId } of await tabsOfClubArticle(services, key)) {
    await services.sendToTab(tabId, { type: 'club-layer-changed' }).catch(() => undefined);
  }
}

/**
 * The tabs showing a club article whose club DOI key is `key` (null: every club article), with their entries:
 * the club layer is kept per DOI key, and each tab's article is keyed the same way here.
 */
export async function tabsOfClubArticle(
  services: Pick<BackgroundServices, 'tabs' | 'catalog'>,
  key: string | null,
): Promise<{ tabId: number; entry: CatalogEntry }[]> {
  const catalog = await services.catalog();
  return (await services.tabs.all()).flatMap(([tabId, record]) => {
    const entry = record.entryId ? catalog.get(record.entryId) : null;
    if (!record.article || !entry) return [];
    if (key !== null && doiKey(clubArticleOf(entry, record.article.doi).doi) !== key) return [];
    return [{ tabId, entry }];
  });
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
