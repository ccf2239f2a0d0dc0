import { i18n } from '#i18n';
import type { FeedSummary } from '../../utils/feeds/summary';
import { formatCount } from '../../utils/options/format-count';
import { formatDateTime } from '../../utils/options/format-time';
import { isFailure, outcomeText } from '../../utils/options/outcome-text';
import { FeedErrors } from './FeedErrors';

interface FeedCardProps {
  feed: FeedSummary;
  language: string;
  refreshing: boolean;
  onRefresh: () => void;
  onUnsubscribe: () => void;
}

/** One subscribed feed: where it comes from, what it adds, how its last refresh went, and its two actions. */
export function FeedCard({ feed, language, refreshing, onRefresh, onUnsubscribe }: FeedCardProps) {
  const failed = isFailure(feed.outcome);
  const when = (iso: string | null) => (iso === null ? i18n.t('options.feed.never') : formatDateTime(iso, language));
  return (
    <li class="card feed">
      <h3 class="feed__url">{feed.url}</h3>
      <dl class="facts">
        <div>
          <dt>{i18n.t('options.feed.clubs', Math.max(1, feed.clubs.length))}</dt>
          <dd>{feed.clubs.length > 0 ? feed.clubs.join(', ') : i18n.t('options.feed.noClubs')}</dd>
        </div>
        <div>
          <dt>{i18n.t('options.feed.entriesLabel')}</dt>
          <dd class="feed__count">{formatCount('options.entries', feed.entryCount, language)}</dd>
        </div>
        <div>
          <dt>{i18n.t('options.feed.lastRefresh')}</dt>
          <dd>{when(feed.lastRefreshAt)}</dd>
        </div>
        {feed.lastAttemptAt !== feed.lastRefreshAt && (
          <div>
            <dt>{i18n.t('options.feed.lastAttempt')}</dt>
            <dd>{when(feed.lastAttemptAt)}</dd>
          </div>
        )}
        <div>
          <dt>{i18n.t('options.feed.status')}</dt>
          <dd class={failed ? 'feed__status feed__status--error' : 'feed__status'}>
            <span aria-hidden="true" class="feed__dot" />
            {outcomeText(feed.outcome)}
          </dd>
        </div>
      </dl>
      {failed && (
        <p class="note">
          {feed.hasCopy && feed.lastRefreshAt
            ? i18n.t('options.feed.keptCopy', [formatDateTime(feed.lastRefreshAt, language)])
            : i18n.t('options.feed.noCopy')}
        </p>
      )}
      <FeedErrors errors={feed.errors} language={language} />
      <div class="feed__actions">
        <button
          type="button"
          class="button"
          aria-label={i18n.t('options.feed.refreshLabel', [feed.url])}
          aria-disabled={refreshing ? 'true' : 'false'}
          onClick={() => {
            if (!refreshing) onRefresh();
          }}
        >
          {refreshing ? i18n.t('options.feeds.refreshing') : i18n.t('options.feed.refresh')}
        </button>
        <button
          type="button"
          class="button button--danger"
          aria-label={i18n.t('options.feed.unsubscribeLabel', [feed.url])}
          aria-describedby={`unsubscribe-note-${feed.url}`}
          onClick={onUnsubscribe}
        >
          {i18n.t('options.feed.unsubscribe')}
        </button>
      </div>
      <p class="note" id={`unsubscribe-note-${feed.url}`}>
        {i18n.t('options.feed.unsubscribeNote')}
      </p>
    </li>
  );
}
