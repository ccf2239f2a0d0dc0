import { i18n } from '#i18n';
import type { ReadingListEntry } from '../../utils/popup/reading-list';
import { ReadingListItem } from './ReadingListItem';

export type ListLoad =
  | { status: 'loading' }
  | { status: 'ready'; entries: ReadingListEntry[]; highlightsError: string | null }
  | { status: 'failed'; error: string };

interface ReadingListProps {
  load: ListLoad;
  language: string;
  /** The catalog entry of the reader's current tab, marked in the list; null when the tab shows none. */
  currentEntryId: string | null;
}

/** Every article the club has discussed, newest post first, with the reader's highlights on each. */
export function ReadingList({ load, language, currentEntryId }: ReadingListProps) {
  return (
    <section class="reading-list" aria-labelledby="reading-list-heading">
      <div class="reading-list__header">
        <h2 id="reading-list-heading">{i18n.t('popup.readingList')}</h2>
        {load.status === 'ready' && load.entries.length > 0 && (
          <span class="reading-list__count">{i18n.t('popup.readingListCount', load.entries.length)}</span>
        )}
      </div>
      <ReadingListBody load={load} language={language} currentEntryId={currentEntryId} />
    </section>
  );
}

function ReadingListBody({ load, language, currentEntryId }: ReadingListProps) {
  if (load.status === 'loading') return <p class="reading-list__message">{i18n.t('popup.loading')}</p>;
  if (load.status === 'failed') {
    return (
      <p class="reading-list__message reading-list__message--error" role="alert">
        {i18n.t('popup.listFailed', [load.error])}
      </p>
    );
  }
  if (load.entries.length === 0) return <p class="reading-list__message">{i18n.t('popup.empty')}</p>;
  return (
    <>
      {load.highlightsError !== null && (
        <p class="reading-list__message reading-list__message--error" role="status">
          {i18n.t('popup.countsFailed', [load.highlightsError])}
        </p>
      )}
      <ul class="reading-list__items" aria-labelledby="reading-list-heading">
        {load.entries.map((entry) => (
          <ReadingListItem key={entry.id} entry={entry} language={language} current={entry.id === currentEntryId} />
        ))}
      </ul>
    </>
  );
}
