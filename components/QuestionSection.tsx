import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type ClubQuestion, countLabel, questionHeading, shortenText } from '../utils/highlights/groups';
import type { Highlight } from '../utils/highlights/highlight';
import { GUARDED } from '../utils/panel/click-guard';
import { useAnnounce } from './Announcer';
import { ClubQuestionThreads, useClubThreadsFor } from './ClubThreads';
import { QuestionChip } from './QuestionChip';

/** What tying the article's selection to a question came to: the new highlight, or why there is none. */
export type TieResult = { ok: true; value: Highlight } | { ok: false; error: string };

interface QuestionSectionProps {
  question: ClubQuestion;
  /** 0-based, in the entry's order. */
  index: number;
  /** How many of the reader's highlights are listed under it (the children). */
  count: number;
  /** Whether those highlights are shown. */
  open: boolean;
  onToggle(): void;
  /** Ties the passage the reader selected in the article; absent where the panel cannot reach the article. */
  onTie?(questionId: string): Promise<TieResult>;
  /** Why the reader's last try at tying to this question saved nothing, until they try again or move on. */
  message: string | null;
  children: ComponentChildren;
}

/**
 * One of the club's questions, as the reader needs it while reading: the question in full, how many passages
 * they tied to it (which also shows or hides those passages' cards, listed right below), and a button that ties
 * the passage now selected in the article to it. The selection stays in the article while the reader clicks
 * here: the panel is another document, with a selection of its own. Below the reader's own highlights come the
 * club's (when connected to one), folded with them.
 */
export function QuestionSection(props: QuestionSectionProps) {
  const { question, index, count, open, onToggle, onTie, message, children } = props;
  const headingId = useId();
  const listId = useId();
  const clubId = useId();
  const club = useClubThreadsFor(question.id);
  const [tying, setTying] = useState(false);
  const announce = useAnnounce();
  const number = String(index + 1);

  const tie = async () => {
    if (!onTie || tying) return;
    setTying(true);
    const result = await onTie(question.id);
    setTying(false);
    announce(
      result.ok
        ? i18n.t('announce.tied', [number, shortenText(result.value.target.selectors[0].exact, 80)])
        : result.error,
    );
  };

  return (
    <section class="q-section" aria-labelledby={headingId} data-question={number}>
      <h2 id={headingId} class="q-section__heading">
        <QuestionChip index={index} />
        {questionHeading(index)}
      </h2>
      <p class="question">{question.text}</p>
      <div class="q-section__actions">
        {count + club.length > 0 ? (
          <button
            type="button"
            class="q-count"
            aria-expanded={open}
            aria-controls={[count > 0 && listId, club.length > 0 && clubId].filter(Boolean).join(' ')}
            onClick={onToggle}
          >
            <span class="q-count__arrow" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            {club.length > 0 ? i18n.t('clubPanel.counts', [String(count), String(club.length)]) : countLabel(count)}
          </button>
        ) : (
          <span class="q-count q-count--none">{countLabel(0)}</span>
        )}
        {onTie && (
          <button
            {...GUARDED}
            type="button"
            class="button q-tie"
            aria-label={i18n.t('highlights.tieLabel', [number])}
            aria-disabled={tying || undefined}
            onClick={() => void tie()}
          >
            {i18n.t('highlights.tie')}
          </button>
        )}
      </div>
      {message && <p class="q-section__message">{message}</p>}
      {count > 0 && (
        <ul id={listId} class="hl-list" hidden={!open}>
          {children}
        </ul>
      )}
      <ClubQuestionThreads threads={club} id={clubId} hidden={!open} />
    </section>
  );
}
