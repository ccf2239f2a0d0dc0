import { i18n } from '#i18n';
import type { ArticleStatus } from '../protocol/detector-messages';

/** What the toolbar button shows for a tab. */
export interface ActionIndicator {
  badgeText: string;
  badgeColor: string;
  title: string;
}

/**
 * The toolbar button is the reader's only sign of the extension on pages without a panel, so it says which of
 * the four cases this page is: not an article, an article the club has not discussed, a club article, or the
 * club's post about one (whose popup and notice lead to the article).
 */
export function actionIndicatorFor(
  status: ArticleStatus | 'no-article' | 'club-post',
  clubName?: string,
): ActionIndicator {
  switch (status) {
    case 'club-post':
      return { badgeText: 'POST', badgeColor: '#1d4f91', title: i18n.t('action.clubPost') };
    case 'club-article':
      return {
        badgeText: 'JC',
        badgeColor: '#1b6e3a',
        title: i18n.t('action.clubArticle', [clubName ?? i18n.t('action.yourClub')]),
      };
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
