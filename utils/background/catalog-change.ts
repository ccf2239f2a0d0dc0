import { articleDetected } from './article-requests';
import type { BackgroundServices } from './services';

/**
 * Brings the tabs already open in line with a changed catalog (a feed subscribed, refreshed with new entries, or
 * removed): an article the club has now discussed gets its panel and `JC` badge without a reload, and one whose
 * entry went away loses them. Each page is asked what it shows now before anything is injected, because a tab
 * that moved on to a page without a DOI reported nothing and its record is stale. Pages opened from a share link
 * keep what the link brought. `changed` names entries whose content changed under the same id (the reader chose
 * another catalog for them), whose panels are refreshed too.
 */
export async function followCatalogChange(
  services: BackgroundServices,
  changed: ReadonlySet<string> = new Set(),
): Promise<void> {
  const catalog = await services.catalog();
  for (const [tabId, record] of await services.tabs.all()) {
    if (!record.article || record.shared) continue;
    const entryId = catalog.find(record.article.doi)?.id ?? null;
    if (entryId === record.entryId && !(entryId !== null && changed.has(entryId))) continue;
    const now = await services.queryArticle(tabId);
    if (!now || now.doi.toLowerCase() !== record.article.doi.toLowerCase()) continue;
    await articleDetected(tabId, now, record.pageUrl ?? null, services);
  }
}
