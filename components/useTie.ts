import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { TieResult } from './QuestionSection';

/**
 * The questions' "Tie my selection", with why the last try saved nothing. One refusal is shown at a time, beside
 * the question it was for: a new try, or a highlight made some other way (the list changes), makes it old news.
 * `run` is undefined where the panel offers no tie.
 */
export function useTie(onTie: ((questionId: string) => Promise<TieResult>) | undefined, highlights: unknown) {
  const [refusal, setRefusal] = useState<{ questionId: string; error: string } | null>(null);
  useEffect(() => setRefusal(null), [highlights]);
  const run = async (questionId: string): Promise<TieResult> => {
    setRefusal(null);
    let result: TieResult;
    try {
      result = onTie ? await onTie(questionId) : { ok: false, error: i18n.t('highlights.changeFailed') };
    } catch {
      result = { ok: false, error: i18n.t('highlights.changeFailed') };
    }
    if (!result.ok) setRefusal({ questionId, error: result.error });
    return result;
  };
  return {
    run: onTie ? run : undefined,
    refusalFor: (questionId: string): string | null => (refusal?.questionId === questionId ? refusal.error : null),
  };
}
