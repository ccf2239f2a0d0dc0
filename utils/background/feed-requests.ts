import { bundledCatalog } from '../catalog/bundled';
import { localize } from '../catalog/localized';
import { parseFeedUrl } from '../feeds/feed-url';
import { clubNames, type FeedSubscribeAnswer, type FeedsOverview, summarizeFeed } from '../feeds/summary';
import type { Reply } from '../protocol/reply';
import type { BackgroundRequest } from '../protocol/requests';
import { fromStorage, ok } from './reply';
import type { BackgroundServices } from './services';

type FeedRequest = Extract<
  BackgroundRequest,
  { type: 'feeds' | 'feed-subscribe' | 'feed-refresh' | 'feed-unsubscribe' | 'feed-site-remove' | 'catalog-choose' }
>;

const FEED_REQUESTS = new Set<string>([
  'feeds',
  'feed-subscribe',
  'feed-refresh',
  'feed-unsubscribe',
  'feed-site-remove',
  'catalog-choose',
]);

export const isFeedRequest = (request: BackgroundRequest): request is FeedRequest => FEED_REQUESTS.has(request.type);

/**
 * The options page's requests. Every answer carries the whole overview, so that the page always shows what is
 * stored rather than what it guessed. A URL is checked again here, because a message is not a form: whatever
 * arrives that `parseFeedUrl` refuses changes nothing. Subscribing on the options page is the reader approving
 * the feed's site: only then is it added to the approved sites every fetch is checked against.
 */
export async function handleFeedRequest(
  request: FeedRequest,
  services: BackgroundServices,
): Promise<Reply<FeedsOverview | FeedSubscribeAnswer>> {
  switch (request.type) {
    case 'feeds':
      return overview(services);
    case 'feed-subscribe': {
      const parsed = parseFeedUrl(request.url);
      if (!parsed.ok) return ok({ status: 'refused', problem: parsed.problem });
      const sites = await services.feedTrust.approvedSites();
      if (!sites.includes(parsed.origin)) await services.feedTrust.setApprovedSites([...sites, parsed.origin]);
      const subscribed = await services.feeds.subscribe(parsed.url);
      if (!subscribed.ok) return fromStorage(subscribed);
      const answer = subscribed.value;
      if (answer.status === 'refused') return ok(answer);
      const all = await overview(services);
      return all.ok ? ok({ status: answer.status, url: parsed.url, overview: all.value }) : all;
    }
    case 'feed-refresh': {
      if (request.url === null) {
        const refreshed = await services.feeds.refreshAll();
        if (!refreshed.ok) return fromStorage(refreshed);
      } else {
        const refreshed = await services.feeds.refresh(request.url);
        if (!refreshed.ok) return fromStorage(refreshed);
      }
      return overview(services);
    }
    case 'feed-unsubscribe': {
      const removed = await services.feeds.unsubscribe(request.url);
      return removed.ok ? overview(services) : fromStorage(removed);
    }
    case 'feed-site-remove': {
      const sites = await services.feedTrust.approvedSites();
      await services.feedTrust.setApprovedSites(sites.filter((site) => site !== request.site));
      // Their cards say at once that the site is no longer approved; nothing is fetched to find that out.
      const list = await services.feeds.list();
      if (!list.ok) return fromStorage(list);
      const withdrawn = list.value.feeds.filter((feed) => siteOf(feed.url) === request.site);
      for (const feed of withdrawn) await services.feeds.refresh(feed.url);
      return overview(services);
    }
    case 'catalog-choose': {
      const choices = { ...(await services.feedTrust.choices()) };
      const conflict = (await services.catalog()).conflicts.find((found) => found.entryId === request.entryId);
      // A choice for no conflict, or of a source that does not claim the entry, changes nothing.
      if (!conflict?.sources.includes(request.source)) return overview(services);
      // The first claimant is the default: choosing it clears the choice rather than storing it.
      if (request.source === conflict.sources[0]) delete choices[request.entryId];
      else choices[request.entryId] = request.source;
      await services.feedTrust.setChoices(choices);
      return overview(services);
    }
  }
}

const siteOf = (url: string): string | null => {
  const parsed = parseFeedUrl(url);
  return parsed.ok ? parsed.origin : null;
};

async function overview(services: BackgroundServices): Promise<Reply<FeedsOverview>> {
  const list = await services.feeds.list();
  if (!list.ok) return fromStorage(list);
  const catalog = await services.catalog();
  return ok({
    bundled: { entryCount: bundledCatalog.length, clubs: clubNames(bundledCatalog, services.language) },
    feeds: list.value.feeds.map((feed) => summarizeFeed(feed, services.language)),
    damaged: list.value.damaged.length,
    approvedSites: await services.feedTrust.approvedSites(),
    conflicts: catalog.conflicts.map((conflict) => ({
      ...conflict,
      title: localize(conflict.title, services.language),
      sources: [...conflict.sources],
    })),
  });
}
