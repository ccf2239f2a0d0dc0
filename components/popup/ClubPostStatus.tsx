import { i18n } from '#i18n';
import type { LocalizedText } from '../../utils/catalog/localized';
import { localize } from '../../utils/catalog/localized';
import type { Reply } from '../../utils/protocol/reply';
import { OpenAction } from './OpenAction';

interface ClubPostStatusProps {
  /** The title of the article the post discusses. */
  title: LocalizedText;
  language: string;
  /** Asks the background to open the article, with its panel, in a new tab. */
  onReadArticle: () => Promise<Reply<'opened' | 'no-club-post'>>;
  /** Closes the popup once the article's tab is open (it is in front). */
  onOpened: () => void;
}

/**
 * The popup on a club's post: which article the post discusses, and the way to read it with the club's
 * questions. The toolbar badge shows `POST` on such a page; the mark here repeats it.
 */
export function ClubPostStatus({ title, language, onReadArticle, onOpened }: ClubPostStatusProps) {
  return (
    <div class="status status--club">
      <span class="status__badge status__badge--club-post" aria-hidden="true">
        POST
      </span>
      <div class="status__text">
        <p class="status__title">{i18n.t('popup.clubPost', [localize(title, language)])}</p>
        <OpenAction
          label={i18n.t('popup.readArticle')}
          busyLabel={i18n.t('popup.openingArticle')}
          hint={{ id: 'read-article-hint', text: i18n.t('popup.readArticleHint') }}
          act={onReadArticle}
          done="opened"
          goneText={i18n.t('popup.postGone')}
          onOpened={onOpened}
        />
      </div>
    </div>
  );
}
