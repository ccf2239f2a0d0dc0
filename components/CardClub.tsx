import { i18n } from '#i18n';
import { useClubView, useWantedThread } from './ClubContext';
import { ClubThread } from './ClubThread';
import { LazyList } from './LazyList';
import { ShareVisibility } from './ShareVisibility';

/**
 * The club's part of one of the reader's own cards: who sees the highlight, and the members' replies to it once
 * shared. Nothing outside a club provider, or before the layer came.
 */
export function CardClub({ highlightId, context }: { highlightId: string; context: string }) {
  const club = useClubView();
  const wanted = useWantedThread();
  if (!club) return null;
  const replies = club.view.threads.onMine[highlightId] ?? [];
  return (
    <>
      <ShareVisibility highlightId={highlightId} context={context} />
      {replies.length > 0 && (
        <div class="club-list club-list--on-mine">
          <p class="club-list__heading">{i18n.t('clubPanel.repliesOnMine', replies.length)}</p>
          <LazyList
            class="club-replies"
            label={i18n.t('clubPanel.repliesTo', [context])}
            items={replies}
            keyOf={(node) => node.annotation.remoteId}
            {...wanted}
            render={(node) => <ClubThread node={node} />}
          />
        </div>
      )}
    </>
  );
}
