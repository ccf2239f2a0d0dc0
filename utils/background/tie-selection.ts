import { i18n } from '#i18n';
import type { Highlight } from '../highlights/highlight';
import type { Reply } from '../protocol/reply';
import type { TieOutcome } from '../protocol/tab-messages';
import { articleHighlight, type HighlightContext } from './highlight-requests';
import { refused } from './reply';

/** A refusal the page words is shown in the panel as it came; longer than this, it is not the page script's. */
const REFUSAL_MAX_LENGTH = 500;

/**
 * The panel's "Tie my selection" for one question. The selection lives in the article's document, which only the
 * page's script can read, so the page ties it there the way its toolbar does (refusing a selection the page's own
 * script made) and answers with what happened; the panel is answered with the saved highlight, or told plainly
 * why nothing was saved. `askPage` returns the page's answer unchecked (null when it did not answer).
 */
export async function tieSelection(
  questionId: string,
  context: HighlightContext,
  askPage: (questionId: string) => Promise<unknown>,
): Promise<Reply<Highlight>> {
  if (!context.entry.questions.some((question) => question.id === questionId)) {
    return refused(i18n.t('errors.notClubQuestion'));
  }
  const outcome = parseTieOutcome(await askPage(questionId));
  if (outcome === null) return refused(i18n.t('errors.pageNoAnswer'));
  if (outcome.status === 'no-selection') return refused(i18n.t('errors.selectFirst'));
  if (outcome.status === 'refused') return refused(outcome.error);
  return articleHighlight(outcome.id, context);
}

/** The page's answer, if it is one: it crossed a message boundary, so its shape is checked, not assumed. */
export function parseTieOutcome(answer: unknown): TieOutcome | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const { status, id, error } = answer as Record<string, unknown>;
  if (status === 'no-selection') return { status };
  if (status === 'tied' && typeof id === 'string' && id !== '') return { status, id };
  if (status === 'refused' && typeof error === 'string' && error !== '' && error.length <= REFUSAL_MAX_LENGTH) {
    return { status, error };
  }
  return null;
}
