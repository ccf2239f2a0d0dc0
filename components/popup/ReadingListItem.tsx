import { i18n } from '#i18n';
import { localize } from '../../utils/catalog/localized';
import { formatMeetingDay, formatPartialDate } from '../../utils/catalog/partial-date';
import { localDay, type ReadingListEntry } from '../../utils/popup/reading-list';
import { ClubNewCount } from './ClubNewCount';

interface ReadingListItemProps {
  entry: ReadingListEntry;
  language: string;
  /** True for the entry of the article in the reader's current tab. */
  current: boolean;
}

/** One entry of the reading list: the article (linked to a copy the reader can open), when, who, and progress. */
export function ReadingListItem({ entry, language, current }: ReadingListItemProps) {
  const title = localize(entry.title, language);
  return (
    <li class={current ? 'entry entry--current' : 'entry'} aria-current={current ? 'true' : undefined}>
      {current && <span class="entry__current">{i18n.t('popup.currentPage')}</span>}
      <a class="entry__title" href={entry.articleUrl} target="_blank" rel="noopener noreferrer">
        {title}
        <span class="visually-hidden">
          {' '}
          ({entry.openAccessCopy ? i18n.t('popup.readOpenAccess') : i18n.t('popup.readViaDoi')})
        </span>
      </a>
      <p class="entry__meta">
        <span>{localize(entry.club.name, language)}</span>
        <span aria-hidden="true"> · </span>
        <EntryDate entry={entry} language={language} />
      </p>
      {entry.meeting !== null && <MeetingDay date={entry.meeting} language={language} />}
      <div class="entry__footer">
        {entry.highlights !== null && (
          <span class={entry.highlights > 0 ? 'entry__count entry__count--some' : 'entry__count'}>
            {i18n.t('popup.highlights', entry.highlights)}
          </span>
        )}
        <ClubNewCount count={entry.clubNew} class="entry__club-new" />
        <a
          class="entry__discussion"
          href={entry.postUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={i18n.t('popup.discussionOf', [title])}
        >
          {i18n.t('popup.discussion')}
        </a>
      </div>
    </li>
  );
}

/** When the club posted it, as precisely as known; the article's year when the post carries no date. */
function EntryDate({ entry, language }: { entry: ReadingListEntry; language: string }) {
  const posted = entry.published === null ? null : formatPartialDate(entry.published, language);
  if (!posted || entry.published === null) {
    return <span>{i18n.t('popup.articleYear', [String(entry.year)])}</span>;
  }
  const sentence =
    posted.precision === 'day'
      ? i18n.t('popup.postedDay', [posted.text])
      : posted.precision === 'month'
        ? i18n.t('popup.postedMonth', [posted.text])
        : i18n.t('popup.postedYear', [posted.text]);
  return <time dateTime={entry.published}>{sentence}</time>;
}

/** The club's discussion: "Discussion on 15 January" while it is to come, "Discussed on …" once it is past. */
function MeetingDay({ date, language }: { date: string; language: string }) {
  const today = localDay(new Date());
  const day = formatMeetingDay(date, today, language);
  if (day === null) return null;
  const coming = date >= today;
  return (
    <p class={coming ? 'entry__meeting entry__meeting--coming' : 'entry__meeting'}>
      <time dateTime={date}>{coming ? i18n.t('popup.meetingComing', [day]) : i18n.t('popup.meetingPast', [day])}</time>
    </p>
  );
}
