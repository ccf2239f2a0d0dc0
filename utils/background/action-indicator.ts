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
 * the three cases this page is: not an article, an article the club has not discussed, or a club article.
 */
export function actionIndicatorFor(status: ArticleStatus | 'no-article', clubName?: string): ActionIndicator {
  switch (status) {
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
