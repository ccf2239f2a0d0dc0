import type { ArticleStatus } from '../messages';

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
        title: `Discussed by ${clubName ?? 'your journal club'}: click to open the panel`,
      };
    case 'not-in-catalog':
      return {
        badgeText: 'DOI',
        badgeColor: '#5f6368',
        title: 'Article detected; your journal club has not discussed it',
      };
    case 'no-article':
      return { badgeText: '', badgeColor: '#5f6368', title: 'Journal Club Reader: no article detected on this page' };
  }
}
