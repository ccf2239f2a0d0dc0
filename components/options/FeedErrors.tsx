import { i18n } from '#i18n';
import type { FeedEntryError } from '../../utils/db/feed-record';
import { describeEntryError } from '../../utils/options/entry-error';
import { formatCount } from '../../utils/options/format-count';

/** The entries a feed's copy has that the catalog leaves out, each named by entry and field; folded by default. */
export function FeedErrors({ errors, language }: { errors: readonly FeedEntryError[]; language: string }) {
  if (errors.length === 0) return null;
  return (
    <details class="feed-errors">
      <summary>{formatCount('options.feed.errorsHeading', errors.length, language)}</summary>
      <p class="note">{i18n.t('options.feed.errorsIntro')}</p>
      <ul>
        {errors.map((error, i) => {
          const { where, problem } = describeEntryError(error);
          return (
            <li key={i}>
              <strong>{where}</strong> <code lang="en">{problem}</code>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
