import { i18n } from '#i18n';
import type { ArticleInfo } from '../article/detect';
import { localize } from '../catalog/localized';
import { actionIndicatorFor } from './action-indicator';
import { articleDetected } from './article-requests';
import { ok, refused } from './reply';
import type { BackgroundServices, Handled } from './services';
import { articleFromShare, readShare, saveShared } from './share-requests';

/**
 * A page opened from a share link: the panel opens (built from the link alone when the catalog lacks the
 * article) with the shared highlights, or with the reason the link could not be read.
 */
export async function shareOpened(
  tabId: number,
  share: string,
  detected: ArticleInfo | null,
  pageUrl: string | null,
  services: BackgroundServices,
): Handled<'share-opened'> {
  const shared = await readShare(share, services.highlights);
  if (shared === null && detected) return articleDetected(tabId, detected, pageUrl, services).then(() => ok(null));
  if (shared === null) return ok(null);
  const article = detected ?? articleFromShare(shared, pageUrl ?? '');
  const entry = article ? (await services.catalog()).find(article.doi) : null;
  await services.tabs.set(tabId, {
    article,
    entryId: entry?.id ?? null,
    layout: 'open',
    shared,
    ...(pageUrl && { pageUrl }),
  });
  await Promise.all([
    services.injectPanel(tabId),
    services.showIndicator(
      tabId,
      entry
        ? actionIndicatorFor('club-article', localize(entry.club.name, services.language))
        : actionIndicatorFor(article ? 'not-in-catalog' : 'no-article'),
    ),
  ]);
  return ok(null);
}

export async function savedFromShare(
  tabId: number,
  index: number,
  services: BackgroundServices,
): Handled<'shared-save'> {
  const record = await services.tabs.get(tabId);
  const shared = record?.shared;
  const item = shared?.ok ? shared.items[index] : undefined;
  if (!record || !shared?.ok || !item) return refused(i18n.t('errors.noSharedHighlight'));
  const saved = await saveShared(item, {
    store: services.highlights,
    entryId: record.entryId,
    source: record.pageUrl ?? record.article?.canonicalUrl ?? 'https://doi.org/',
    now: services.now(),
  });
  if (saved.ok) {
    const flags = shared.saved.map((flag, i) => flag || i === index);
    await services.tabs.set(tabId, { ...record, shared: { ...shared, saved: flags } });
    await services.sendToTab(tabId, { type: 'highlights-changed' });
    services.notifyPanel(tabId, { type: 'highlights-changed' });
  }
  return saved;
}
