import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ClubNode } from '../utils/club/threads';
import { previewQuote, quoteOpening } from '../utils/highlights/groups';
import { useAnnounce } from './Announcer';
import { ClubAnnotationActions } from './ClubAnnotationActions';
import { useClub, useWantedThread } from './ClubContext';
import { ClubNote } from './ClubNote';
import { LazyList } from './LazyList';

/**
 * One member's highlight or reply, with the replies to it nested below (the background flattens a chain deeper
 * than MAX_REPLY_DEPTH, so this nests at most that far). Everything a member wrote (name, quote, note) is drawn
 * as text. The quote is a button that asks the page to scroll to the passage, where the page painted it.
 */
export function ClubThread({ node }: { node: ClubNode }) {
  const club = useClub();
  const announce = useAnnounce();
  const wanted = useWantedThread();
  const card = useRef<HTMLElement>(null);
  const { annotation, replies } = node;
  // The reader clicked this annotation's passage on the page: its card comes into view with focus.
  const asked = club?.focus?.remoteId === annotation.remoteId ? club.focus.seq : undefined;
  useEffect(() => {
    if (asked === undefined) return;
    const element = card.current;
    if (typeof element?.scrollIntoView === 'function') element.scrollIntoView({ block: 'nearest' });
    element?.focus();
  }, [asked]);
  if (!club) return null;
  const quote = annotation.selectors.find((selector) => selector.type === 'TextQuoteSelector')?.exact ?? '';
  const preview = previewQuote(quote);
  const time = club.formatTime(annotation.createdAt);
  const name = annotation.author.name;
  const context = quote ? quoteOpening(quote) : i18n.t('clubPanel.replyContext', [name]);
  const edited = annotation.updatedAt > annotation.createdAt;
  const reveal = () => {
    club.reveal(annotation.remoteId);
    announce(i18n.t('clubPanel.revealing', [preview.text]));
  };
  return (
    <article
      ref={card}
      class={annotation.replyTo === null ? 'club-card' : 'club-card club-card--reply'}
      tabIndex={-1}
      aria-label={
        annotation.replyTo === null ? i18n.t('clubPanel.cardBy', [name, context]) : i18n.t('clubPanel.replyBy', [name])
      }
      data-remote-id={annotation.remoteId}
    >
      <p class="hl-card__meta">
        <span class="club-card__author">{name}</span>
        {annotation.mine && <span class="hl-tag">{i18n.t('clubPanel.you')}</span>}
        <span aria-hidden="true"> · </span>
        <time dateTime={annotation.createdAt} title={time.full}>
          {time.text}
        </time>
        {edited && <span class="hl-tag">{i18n.t('clubPanel.editedTag')}</span>}
      </p>
      {quote && (
        <button type="button" class="hl-card__quote club-card__quote" onClick={reveal}>
          <span class="visually-hidden">{i18n.t('highlights.revealPrefix')}</span>
          {preview.text}
        </button>
      )}
      <ClubNote text={annotation.note} />
      <ClubAnnotationActions annotation={annotation} context={context} />
      {replies.length > 0 && (
        <LazyList
          class="club-replies"
          label={i18n.t('clubPanel.repliesTo', [context])}
          items={replies}
          keyOf={(reply) => reply.annotation.remoteId}
          {...wanted}
          render={(reply) => <ClubThread node={reply} />}
        />
      )}
    </article>
  );
}
