import { i18n } from '#i18n';
import { type ClubQuestion, questionOptionLabel, unknownQuestionLabel } from '../utils/highlights/groups';

export interface QuestionSelectProps {
  questions: readonly ClubQuestion[];
  /** A question id, or '' for none. */
  value: string;
  /** The highlight's question id when the club's list no longer has it, so the select can still show it. */
  unknownId: string | null;
  disabled: boolean;
  /** Names the highlight, since every card has a "Question" select. */
  context: string;
  onChange(value: string): void;
}

/** Re-ties a highlight: every question by number and opening words, or none. */
export function QuestionSelect({ questions, value, unknownId, disabled, context, onChange }: QuestionSelectProps) {
  return (
    <label class="hl-card__retie">
      {i18n.t('highlights.retie')}
      <span class="visually-hidden">{i18n.t('highlights.retieFor', [context])}</span>
      <select
        class="button hl-select"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {questions.map((question, index) => (
          <option key={question.id} value={question.id}>
            {questionOptionLabel(index, question.text)}
          </option>
        ))}
        {unknownId !== null && (
          <option value={unknownId} disabled>
            {unknownQuestionLabel()}
          </option>
        )}
        <option value="">{i18n.t('highlights.noQuestion')}</option>
      </select>
    </label>
  );
}
