import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { LocalizedText } from '../../utils/catalog/localized';
import { localize } from '../../utils/catalog/localized';
import type { Reply } from '../../utils/protocol/reply';

interface ClubPostStatusProps {
  /** The title of the article the post discusses. */
  title: LocalizedText;
  language: string;
  /** Asks the background to open the article, with its panel, in a new tab. */
  onReadArticle: () => Promise<Reply<'opened' | 'no-club-post'>>;
  /** Closes the popup once the article's tab is open (it is in front). */
  onOpened: () => void;
}

type Opening = { status: 'idle' } | { status: 'opening' } | { status: 'gone' } | { status: 'failed'; error: string };

/**
 * The popup on a club's post: which article the post discusses, and the way to read it with the club's
 * questions. The toolbar badge shows `POST` on such a page; the mark here repeats it.
 */
export function ClubPostStatus({ title, language, onReadArticle, onOpened }: ClubPostStatusProps) {
  const [opening, setOpening] = useState<Opening>({ status: 'idle' });
  const read = async () => {
    setOpening({ status: 'opening' });
    const reply = await onReadArticle();
    if (reply.ok && reply.value === 'opened') return onOpened();
    setOpening(reply.ok ? { status: 'gone' } : { status: 'failed', error: reply.error });
  };
  return (
    <div class="status status--club">
      <span class="status__badge status__badge--club-post" aria-hidden="true">
        POST
      </span>
      <div class="status__text">
        <p class="status__title">{i18n.t('popup.clubPost', [localize(title, language)])}</p>
        <div class="status__actions">
          <button
            type="button"
            class="button button--primary"
            onClick={read}
            disabled={opening.status === 'opening'}
            aria-describedby="read-article-hint"
          >
            {opening.status === 'opening' ? i18n.t('popup.openingArticle') : i18n.t('popup.readArticle')}
          </button>
          <span id="read-article-hint" class="status__hint">
            {i18n.t('popup.readArticleHint')}
          </span>
        </div>
        {opening.status === 'gone' && (
          <p class="status__problem" role="alert">
            {i18n.t('popup.postGone')}
          </p>
        )}
        {opening.status === 'failed' && (
          <p class="status__problem" role="alert">
            {i18n.t('popup.statusFailed', [opening.error])}
          </p>
        )}
      </div>
    </div>
  );
}
