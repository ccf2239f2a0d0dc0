import type { RefObject } from 'preact';
import { i18n } from '#i18n';
import type { FeedsOverview } from '../../utils/feeds/summary';
import { FeedCard } from './FeedCard';

interface FeedListProps {
  overview: FeedsOverview;
  language: string;
  busy: ReadonlySet<string>;
  headingRef: RefObject<HTMLHeadingElement>;
  onRefresh: (url: string | null) => void;
  onUnsubscribe: (url: string) => void;
}

/** The reader's subscriptions, oldest first, with "Refresh all". */
export function FeedList({ overview, language, busy, headingRef, onRefresh, onUnsubscribe }: FeedListProps) {
  const refreshingAll = busy.has('*');
  return (
    <section aria-labelledby="feeds-heading">
      <div class="section-header">
        <h2 id="feeds-heading" ref={headingRef} tabIndex={-1}>
          {i18n.t('options.feeds.heading')}
        </h2>
        {overview.feeds.length > 0 && (
          <button
            type="button"
            class="button"
            aria-disabled={refreshingAll ? 'true' : 'false'}
            onClick={() => {
              if (!refreshingAll) onRefresh(null);
            }}
          >
            {refreshingAll ? i18n.t('options.feeds.refreshing') : i18n.t('options.feeds.refreshAll')}
          </button>
        )}
      </div>
      {overview.damaged > 0 && <p class="note">{i18n.t('options.feeds.damaged', overview.damaged)}</p>}
      {overview.feeds.length === 0 ? (
        <p class="empty">{i18n.t('options.feeds.none')}</p>
      ) : (
        <ul class="feeds">
          {overview.feeds.map((feed) => (
            <FeedCard
              key={feed.url}
              feed={feed}
              language={language}
              refreshing={refreshingAll || busy.has(feed.url)}
              onRefresh={() => onRefresh(feed.url)}
              onUnsubscribe={() => onUnsubscribe(feed.url)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
