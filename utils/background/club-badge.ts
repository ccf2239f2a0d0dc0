import { localize } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';
import { actionIndicatorFor } from './action-indicator';
import { newCountsFor } from './club-activity';
import { tabsOfClubArticle } from './club-page-sync';
import type { BackgroundServices } from './services';

/**
 * Marks the toolbar button of a tab showing a club article, with what is new from the club there since the
 * reader last opened its club layer (as the last fetch counted it). The count is a nicety: if the club's storage
 * cannot be read, the button still says "club article".
 */
export async function showClubArticleIndicator(
  tabId: number,
  entry: CatalogEntry,
  services: BackgroundServices,
): Promise<void> {
  const counts = await newCountsFor(services.club.core, [entry]).catch(() => new Map<string, number | null>());
  const name = localize(entry.club.name, services.language);
  await services.showIndicator(tabId, actionIndicatorFor('club-article', name, counts.get(entry.id) ?? 0));
}

/**
 * Marks again the toolbar button of each tab showing the article with this DOI key, once its count was stored
 * again: a fetch by the feeds alarm or by another tab's panel, or the reader seeing the layer, changes what every
 * such tab's badge should say.
 */
export async function refreshClubBadges(services: BackgroundServices, key: string): Promise<void> {
  for (const { tabId, entry } of await tabsOfClubArticle(services, key)) {
    await showClubArticleIndicator(tabId, entry, services).catch(() => undefined);
  }
}
