import { i18n } from '#i18n';
import { issueText } from '../../utils/authoring/issue-words';
import { type FieldIssue, issuesOf } from '../../utils/authoring/validate';
import { formatDateTime } from '../../utils/options/format-time';
import type { DraftState, SaveState } from './useAuthoring';

interface SaveBarProps {
  issues: readonly FieldIssue[];
  draft: DraftState;
  save: SaveState;
  language: string;
}

/**
 * Save, with what stands in its way: the count of issues left (each is beside its field), issues the form has
 * no field for, and whether the draft is kept. Save is disabled while any issue remains; the background refuses
 * such an entry as well.
 */
export function SaveBar({ issues, draft, save, language }: SaveBarProps) {
  const blocked = issues.length > 0;
  const general = issuesOf(issues, 'form');
  return (
    <div class="author__save">
      <p id="save-issues" class={blocked ? 'author__blocked' : 'author__ready'}>
        {blocked ? i18n.t('author.issuesLeft', issues.length) : i18n.t('author.ready')}
      </p>
      {general.length > 0 && (
        <ul class="field__issues">
          {general.map((issue, i) => (
            <li key={i}>{issueText(issue)}</li>
          ))}
        </ul>
      )}
      <button
        type="submit"
        class="button button--primary"
        disabled={blocked || save.status === 'saving'}
        aria-describedby="save-issues"
      >
        {save.status === 'saving' ? i18n.t('author.saving') : i18n.t('author.save')}
      </button>
      <p class="author__draft">
        {draft.status === 'kept' && i18n.t('author.draftKept', [formatDateTime(draft.at, language)])}
        {draft.status === 'failed' && i18n.t('author.draftFailed', [draft.error])}
      </p>
      <div role="status" class="author__saved">
        {save.status === 'saved' && i18n.t('author.saved', [save.id])}
      </div>
      {save.status === 'refused' && (
        <p class="author__problem" role="alert">
          {i18n.t('author.saveFailed', [save.error])}
        </p>
      )}
    </div>
  );
}
