import { i18n } from '#i18n';
import { articleLinkFor } from '../popup/reading-list';
import { postAt } from './post-page';
import { refused } from './reply';
import type { BackgroundServices, Handled } from './services';

/**
 * "Read the article with the club's questions", from the post notice or the toolbar popup on a club's post: opens
 * the entry's open-access copy (else the DOI through doi.org) in a new tab, marked so that the article's panel
 * opens there, unfolded and focused, once the page reports the article (`articleDetected`). The entry is the one
 * whose post is at `address`, the address the background itself read for the tab or the sending document, so a
 * page cannot choose what is opened.
 */
export async function readFromPost(
  address: string | null,
  postTabId: number,
  services: BackgroundServices,
): Handled<'post-read'> {
  const entry = await postAt(address, services);
  if (!entry) return { ok: true, value: 'no-club-post' };
  const opened = await services.openTab(articleLinkFor(entry).url, postTabId, (tabId) =>
    services.posts.expectArrival(tabId, entry.id, services.now().getTime()),
  );
  return opened === null ? refused(i18n.t('errors.articleTabRefused')) : { ok: true, value: 'opened' };
}
