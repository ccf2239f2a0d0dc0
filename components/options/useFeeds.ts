import { useCallback, useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { FeedsOverview } from '../../utils/feeds/summary';
import { outcomeText } from '../../utils/options/outcome-text';
import { sourceName } from '../../utils/options/source-name';
import { type SubscribeFlowResult, subscribeFlow } from '../../utils/options/subscribe-flow';
import type { BackgroundClient } from '../../utils/protocol/responses';

export interface FeedsState {
  overview: FeedsOverview | null;
  /** Why the overview could not be loaded, or null. */
  loadError: string | null;
  /** Feeds being refreshed (`*` for "Refresh all"), so their buttons say so and are not pressed twice. */
  busy: ReadonlySet<string>;
  /**
   * The latest result, for the live region; `serial` makes a repeated message announced again. `shown` is false
   * when the message is already on screen beside the field it is about, and is only spoken.
   */
  announcement: { text: string; serial: number; shown: boolean };
  subscribe(input: string): Promise<SubscribeFlowResult>;
  refresh(url: string | null): Promise<void>;
  unsubscribe(url: string): Promise<boolean>;
  /** Withdraws an approved feed site (a match pattern); `label` is how the page names it. */
  removeSite(site: string, label: string): Promise<void>;
  /** Makes `source` answer for an article more than one catalog claims. */
  choose(entryId: string, source: string): Promise<void>;
}

/**
 * The options page's state: the overview the background last answered with (every action answers the whole
 * overview, so the page never shows a guess), and the result of the reader's last action.
 */
export function useFeeds(send: BackgroundClient): FeedsState {
  const [overview, setOverview] = useState<FeedsOverview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState({ text: '', serial: 0, shown: true });
  const announce = useCallback(
    (text: string, shown = true) => setAnnouncement((last) => ({ text, serial: last.serial + 1, shown })),
    [],
  );
  const mark = (key: string, on: boolean) =>
    setBusy((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  useEffect(() => {
    void send({ type: 'feeds' }).then((reply) => {
      if (reply.ok) setOverview(reply.value);
      else setLoadError(reply.error);
    });
  }, [send]);

  const statusOf = (next: FeedsOverview, url: string) => {
    const feed = next.feeds.find((f) => f.url === url);
    return feed ? outcomeText(feed.outcome) : '';
  };

  return {
    overview,
    loadError,
    busy,
    announcement,
    subscribe: (input) =>
      subscribeFlow(input, { send }).then((result) => {
        if (result.ok) {
          setOverview(result.overview);
          const key =
            result.status === 'subscribed' ? 'options.announce.subscribed' : 'options.announce.alreadySubscribed';
          announce(i18n.t(key, [result.url, statusOf(result.overview, result.url)]));
        } else {
          announce(result.message, !result.field);
        }
        return result;
      }),
    refresh: async (url) => {
      const key = url ?? '*';
      mark(key, true);
      const reply = await send({ type: 'feed-refresh', url });
      mark(key, false);
      if (!reply.ok) return announce(i18n.t('options.announce.failed', [reply.error]));
      setOverview(reply.value);
      announce(
        url === null
          ? i18n.t('options.announce.refreshedAll', reply.value.feeds.length)
          : i18n.t('options.announce.refreshed', [url, statusOf(reply.value, url)]),
      );
    },
    unsubscribe: async (url) => {
      const reply = await send({ type: 'feed-unsubscribe', url });
      if (!reply.ok) {
        announce(i18n.t('options.announce.failed', [reply.error]));
        return false;
      }
      setOverview(reply.value);
      announce(i18n.t('options.announce.unsubscribed', [url]));
      return true;
    },
    removeSite: async (site, label) => {
      const reply = await send({ type: 'feed-site-remove', site });
      if (!reply.ok) return announce(i18n.t('options.announce.failed', [reply.error]));
      setOverview(reply.value);
      announce(i18n.t('options.announce.siteRemoved', [label]));
    },
    choose: async (entryId, source) => {
      const reply = await send({ type: 'catalog-choose', entryId, source });
      if (!reply.ok) return announce(i18n.t('options.announce.failed', [reply.error]));
      setOverview(reply.value);
      const conflict = reply.value.conflicts.find((found) => found.entryId === entryId);
      if (conflict) announce(i18n.t('options.announce.chosen', [conflict.title, sourceName(conflict.chosen)]));
    },
  };
}
