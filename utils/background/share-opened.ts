import { i18n } from '#i18n';
import type { ArticleInfo } from '../article/detect';
import { doiKey } from '../article/doi';
import { localize } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';
import type { SharedView } from '../protocol/responses';
import { highlightSource } from '../sharing/highlight-source';
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
  const read = await readShare(share, services.highlights);
  if (read === null && detected) return articleDetected(tabId, detected, pageUrl, services).then(() => ok(null));
  if (read === null) return ok(null);
  const article = detected ?? articleFromShare(read, pageUrl ?? '');
  const entry = article ? (await services.catalog()).find(article.doi) : null;
  // A page that names its article gets only links about that article: a link is not a way to paint another
  // article's passages, questions and notes there.
  const matches = !detected || !read.ok || read.items.every((item) => sameArticle(item.doi, detected.doi, entry));
  const shared: SharedView = matches ? read : { ok: false, error: i18n.t('errors.shareOtherArticle') };
  await services.tabs.set(tabId, {
    article,
    entryId: entry?.id ?? null,
    layout: 'open',
    shared,
    ...(pageUrl && { pageUrl }),
    report: crypto.randomUUID(),
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
  const entry = record.entryId ? (await services.catalog()).get(record.entryId) : null;
  if (record.article && !sameArticle(item.doi, record.article.doi, entry)) {
    return refused(i18n.t('errors.shareOtherArticle'));
  }
  // A question the entry does not have (another club's, or a forged id) is not kept: the passage is saved untied.
  const known = entry?.questions.some((question) => question.id === item.questionId) ?? false;
  const saved = await saveShared(item, {
    store: services.highlights,
    entryId: record.entryId,
    questionId: known ? item.questionId : null,
    source: highlightSource(record.pageUrl ?? record.article?.canonicalUrl ?? 'https://doi.org/'),
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

/** Whether a shared item's DOI is the page's article or one of its catalog entry's DOIs. */
function sameArticle(doi: string, pageDoi: string, entry: CatalogEntry | null | undefined): boolean {
  return [pageDoi, ...(entry?.dois ?? [])].some((known) => doiKey(known) === doiKey(doi));
}
