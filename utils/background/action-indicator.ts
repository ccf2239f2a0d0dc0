import { i18n } from '#i18n';
import type { ArticleStatus } from '../protocol/detector-messages';

/** What the toolbar button shows for a tab. */
export interface ActionIndicator {
  badgeText: string;
  badgeColor: string;
  title: string;
}

/** A badge has room for about four characters; more than this many new annotations all read "99+". */
const MOST_COUNTED = 99;

/**
 * The toolbar button is the reader's only sign of the extension on pages without a panel, so it says which of
 * the four cases this page is: not an article, an article the club has not discussed, a club article, or the
 * club's post about one (whose popup and notice lead to the article). On a club article with annotations from
 * the club the reader has not seen (`clubNew`), the count takes the place of "JC": it is still a club article
 * (same colour, same title), and the number is the news.
 */
export function actionIndicatorFor(
  status: ArticleStatus | 'no-article' | 'club-post',
  clubName?: string,
  clubNew = 0,
): ActionIndicator {
  switch (status) {
    case 'club-post':
      return { badgeText: 'POST', badgeColor: '#1d4f91', title: i18n.t('action.clubPost') };
    case 'club-article': {
      const title = i18n.t('action.clubArticle', [clubName ?? i18n.t('action.yourClub')]);
      if (clubNew <= 0) return { badgeText: 'JC', badgeColor: '#1b6e3a', title };
      return {
        badgeText: clubNew > MOST_COUNTED ? `${MOST_COUNTED}+` : String(clubNew),
        badgeColor: '#1b6e3a',
        title: `${title} (${i18n.t('popup.clubNew', clubNew)})`,
      };
    }
    case 'not-in-catalog':
      return {
        badgeText: 'DOI',
        badgeColor: '#5f6368',
        title: i18n.t('action.notInCatalog'),
      };
    case 'no-article':
      return { badgeText: '', badgeColor: '#5f6368', title: i18n.t('action.noArticle') };
  }
}
