import { doiKey } from '../article/doi';
import { buildReadingList, localDay } from '../popup/reading-list';
import { tabStatusFor } from '../popup/tab-status';
import type { Reply } from '../protocol/reply';
import type { BackgroundRequest } from '../protocol/requests';
import type { BackgroundResponses } from '../protocol/responses';
import { newCountsFor } from './club-activity';
import { openAndFocusPanel } from './open-panel';
import { openInViewer, pdfTab } from './pdf-tab';
import { readFromPost } from './post-reading';
import type { BackgroundServices } from './services';
import { storageErrorText } from './storage-messages';

const POPUP_REQUESTS = ['tab-status', 'reading-list', 'panel-open', 'post-read', 'pdf-open'] as const;

/** The requests only the toolbar popup sends; none of them needs the sender to be in a tab. */
export type PopupRequest = Extract<BackgroundRequest, { type: (typeof POPUP_REQUESTS)[number] }>;

export const isPopupRequest = (request: BackgroundRequest): request is PopupRequest =>
  (POPUP_REQUESTS as readonly string[]).includes(request.type);

/** Answers the toolbar popup. */
export async function answerPopup(
  request: PopupRequest,
  services: BackgroundServices,
): Promise<Reply<BackgroundResponses[PopupRequest['type']]>> {
  switch (request.type) {
    case 'tab-status':
      return { ok: true, value: await tabStatus(request.tabId, services) };
    case 'reading-list':
      return { ok: true, value: await readingList(services) };
    case 'panel-open':
      return { ok: true, value: (await openAndFocusPanel(request.tabId, services)) ? 'opened' : 'no-club-article' };
    case 'post-read':
      return readFromPost(await services.tabAddress(request.tabId), request.tabId, services);
    case 'pdf-open':
      return { ok: true, value: await openInViewer(request.tabId, services, 'nothing') };
  }
}

/**
 * Asks the page's detector, not the tab registry, what the page shows now: the registry keeps the last report,
 * and a page without a DOI reports nothing, so after the tab moved on to such a page it would still name the
 * article. A tab the detector cannot reach (a browser page, a tab that does not exist) has no article. The tab's
 * address tells a club's post, which the detector knows nothing of.
 */
async function tabStatus(tabId: number, services: BackgroundServices): Promise<BackgroundResponses['tab-status']> {
  // The club's counts are read beside the page's question rather than after it: the popup waits for the slower.
  const [article, address, catalog, clubCounts] = await Promise.all([
    services.queryArticle(tabId),
    services.tabAddress(tabId),
    services.catalog(),
    services.catalog().then((all) => newCountsFor(services.club.core, all.entries)),
  ]);
  const entry = article ? catalog.find(article.doi) : null;
  const status = tabStatusFor(article, entry, address === null ? null : catalog.findByPost(address));
  if (status.kind === 'no-article') {
    const pdf = await pdfTab(tabId, services);
    if (pdf) return { kind: 'pdf', entryId: pdf.entry?.id ?? null, title: pdf.entry?.title ?? null };
  }
  if (status.kind !== 'club-article' || !entry) return status;
  return clubCounts.has(entry.id) ? { ...status, clubNew: clubCounts.get(entry.id) ?? null } : status;
}

/** Every catalog entry (bundled and subscribed), with the reader's highlight count, or why it is missing. */
async function readingList(services: BackgroundServices): Promise<BackgroundResponses['reading-list']> {
  const catalog = await services.catalog();
  // Read from the count kept per DOI key (one request), never counted: the popup stays quick for years of highlights.
  const keys = catalog.entries.flatMap((entry) => entry.dois.map(doiKey));
  const [highlights, counts] = await Promise.all([
    services.highlights.countPerDoiKey(keys),
    newCountsFor(services.club.core, catalog.entries),
  ]);
  const entries = buildReadingList(catalog.entries, highlights.ok ? highlights.value : null, localDay(services.now()));
  return {
    entries:
      counts.size === 0 ? entries : entries.map((entry) => ({ ...entry, clubNew: counts.get(entry.id) ?? null })),
    highlightsError: highlights.ok ? null : storageErrorText(highlights.error),
  };
}
