import { localize } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';
import { type ActionIndicator, actionIndicatorFor } from './action-indicator';
import type { BackgroundServices } from './services';

/**
 * Called once a tab's page has loaded, and again when its address changes in place (`history.pushState`), with
 * the address it shows. On a club's post (the catalog's `postUrl` of an entry, found by `findByPost`) the toolbar
 * button says so and the post notice's script is injected; it asks `postNotice` what to offer. Only the
 * background holds the post addresses: the detector, which every page pays for, never learns them.
 *
 * A page the detector takes for a club article keeps its panel and `JC` badge: the article's panel is the
 * better offer. Leaving a post in place (the notice's script still answers) takes the notice and the badge away;
 * a new document needs neither, because the browser resets a tab's badge when it loads another page.
 */
export async function postPageChanged(tabId: number, address: string, services: BackgroundServices): Promise<void> {
  const catalog = await services.catalog();
  const entry = catalog.findByPost(address);
  if (!entry) {
    if ((await services.posts.shown(tabId)) === null) return;
    await services.posts.forgetShown(tabId);
    if (await services.hidePostNotice(tabId)) await services.showIndicator(tabId, await pageIndicator(tabId, services));
    return;
  }
  const article = await services.queryArticle(tabId);
  if (article && catalog.find(article.doi)) return;
  await services.posts.markShown(tabId, entry.id);
  await Promise.all([
    services.showIndicator(tabId, actionIndicatorFor('club-post')),
    // Injected even when dismissed: the notice then shows nothing, but its script tells a later in-place change
    // from a new document (above).
    services.injectPostNotice(tabId),
  ]);
}

/**
 * What the post notice offers on the sender's page: the article its post discusses, by the address of the
 * document that asks (never one the page could name), unless the reader dismissed that entry's notice.
 */
export async function postNotice(
  address: string | null,
  services: BackgroundServices,
): Promise<{ title: string } | null> {
  const entry = await postAt(address, services);
  if (!entry || (await services.posts.dismissed(entry.id))) return null;
  return { title: localize(entry.title, services.language) };
}

/** The reader dismissed the notice on this post: it is not offered again for that entry in this session. */
export async function dismissPostNotice(address: string | null, services: BackgroundServices): Promise<null> {
  const entry = await postAt(address, services);
  if (entry) await services.posts.dismiss(entry.id);
  return null;
}

/** The entry whose club post is at `address`, or null. */
export async function postAt(address: string | null, services: BackgroundServices): Promise<CatalogEntry | null> {
  return address === null ? null : (await services.catalog()).findByPost(address);
}

/** The toolbar button for what the page shows now, asked of its detector (the tab's record may be stale). */
async function pageIndicator(tabId: number, services: BackgroundServices): Promise<ActionIndicator> {
  const article = await services.queryArticle(tabId);
  if (!article) return actionIndicatorFor('no-article');
  const entry = (await services.catalog()).find(article.doi);
  return entry
    ? actionIndicatorFor('club-article', localize(entry.club.name, services.language))
    : actionIndicatorFor('not-in-catalog');
}
