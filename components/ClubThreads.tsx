import { useId } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ClubNode } from '../utils/club/threads';
import { useClubView, useWantedThread } from './ClubContext';
import { ClubThread } from './ClubThread';
import { LazyList } from './LazyList';

/** The club's highlights tied to one question, oldest first ([] without a club or before the layer came). */
export function useClubThreadsFor(questionId: string): readonly ClubNode[] {
  const club = useClubView();
  return club?.view.threads.questions.find((group) => group.questionId === questionId)?.threads ?? [];
}

/** The club's highlights under one of the questions, after the reader's own: drawn a step at a time. */
export function ClubQuestionThreads({
  threads,
  id,
  hidden,
}: {
  threads: readonly ClubNode[];
  id: string;
  hidden: boolean;
}) {
  const headingId = useId();
  if (threads.length === 0) return null;
  return (
    <div id={id} class="club-list" hidden={hidden}>
      <h3 id={headingId} class="club-list__heading">
        {i18n.t('clubPanel.fromClub')}
      </h3>
      <ClubThreadList threads={threads} />
    </div>
  );
}

/**
 * The club's highlights tied to no question, or to one the catalog no longer lists: after the questions, so that
 * nothing a member shared is hidden because its question changed.
 */
export function ClubOtherThreads({ questionIds }: { questionIds: readonly string[] }) {
  const club = useClubView();
  const headingId = useId();
  const threads = (club?.view.threads.questions ?? [])
    .filter((group) => group.questionId === null || !questionIds.includes(group.questionId))
    .flatMap((group) => group.threads);
  if (threads.length === 0) return null;
  return (
    <section class="club-list club-list--other" aria-labelledby={headingId}>
      <h2 id={headingId} class="hl-group__heading">
        {i18n.t('clubPanel.untied')}
      </h2>
      <ClubThreadList threads={threads} />
    </section>
  );
}

/** Club threads drawn a step at a time, showing more when the reader asked for one further down (a click on the page). */
function ClubThreadList({ threads }: { threads: readonly ClubNode[] }) {
  const wanted = useWantedThread();
  return (
    <LazyList
      class="club-threads"
      items={threads}
      keyOf={(node) => node.annotation.remoteId}
      {...wanted}
      render={(node) => <ClubThread node={node} />}
    />
  );
}
