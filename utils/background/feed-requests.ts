import { bundledCatalog } from '../catalog/bundled';
import { parseFeedUrl } from '../feeds/feed-url';
import { clubNames, type FeedSubscribeAnswer, type FeedsOverview, summarizeFeed } from '../feeds/summary';
import type { Reply } from '../protocol/reply';
import type { BackgroundRequest } from '../protocol/requests';
import { fromStorage, ok } from './reply';
import type { BackgroundServices } from './services';

type FeedRequest = Extract<
  BackgroundRequest,
  { type: 'feeds' | 'feed-subscribe' | 'feed-refresh' | 'feed-unsubscribe' }
>;

const FEED_REQUESTS = new Set<string>(['feeds', 'feed-subscribe', 'feed-refresh', 'feed-unsubscribe']);

export const isFeedRequest = (request: BackgroundRequest): request is FeedRequest => FEED_REQUESTS.has(request.type);

/**
 * The options page's requests. Every answer carries the whole overview, so that the page always shows what is
 * stored rather than what it guessed. A URL is checked again here, because a message is not a form: whatever
 * arrives that `parseFeedUrl` refuses changes nothing.
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
  }
}

async function overview(services: BackgroundServices): Promise<Reply<FeedsOverview>> {
  const list = await services.feeds.list();
  if (!list.ok) return fromStorage(list);
  return ok({
    bundled: { entryCount: bundledCatalog.length, clubs: clubNames(bundledCatalog, services.language) },
    feeds: list.value.feeds.map((feed) => summarizeFeed(feed, services.language)),
    damaged: list.value.damaged.length,
  });
}
