import { i18n } from '#i18n';
import type { DescribeFailure } from '../anchoring';

/**
 * The toolbar's words for a selection anchoring refused: the one place a `describe` reason becomes text, so that
 * anchoring returns codes and the sentences live with the page that shows them.
 */

const MESSAGES: Record<Exclude<DescribeFailure['reason'], 'too-long'>, () => string> = {
  empty: () => i18n.t('selection.empty'),
  whitespace: () => i18n.t('selection.whitespace'),
  'outside-root': () => i18n.t('selection.outside'),
  'not-article-text': () => i18n.t('selection.noText'),
};

/** What the reader is told, with the numbers written the way `language` (a BCP 47 tag) writes them. */
export function selectionRefusal(failure: DescribeFailure, language: string): string {
  if (failure.reason !== 'too-long') return MESSAGES[failure.reason]();
  const count = new Intl.NumberFormat(language).format;
  return i18n.t('selection.tooLong', [count(failure.length), count(failure.limit)]);
}
