import { useLayoutEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { QuestionDraft } from '../../utils/authoring/form';
import { type FieldIssue, issuesOf } from '../../utils/authoring/validate';
import { CATALOG_LIMITS } from '../../utils/catalog/schema';
import { TextField } from './TextField';

interface QuestionsEditorProps {
  questions: readonly QuestionDraft[];
  /** The id the next added question takes, to put keyboard focus in its box. */
  nextId: string;
  issues: readonly FieldIssue[];
  onEdit(id: string, change: Partial<Pick<QuestionDraft, 'en' | 'fr'>>): void;
  onAdd(): void;
  onMove(index: number, by: -1 | 1): void;
  /** Removes the question; the page offers Undo. */
  onRemove(index: number): void;
}

type Focus = { id: string; control: 'up' | 'down' | 'en' } | null;

/**
 * The club's questions, in the order the panel lists them. Each keeps its id for life (shown, so the organiser
 * knows highlights follow it). Moving and removing are buttons, so the keyboard does all of it; a moved
 * question keeps keyboard focus on the button that moved it, or on its other move button at either end.
 */
export function QuestionsEditor({ questions, nextId, issues, onEdit, onAdd, onMove, onRemove }: QuestionsEditorProps) {
  const [focus, setFocus] = useState<Focus>(null);
  // In the task of the click or key press that asked for it (a layout effect), so that what the organiser types
  // next lands in the new question's box, never on the button just pressed.
  useLayoutEffect(() => {
    if (!focus) return;
    const wanted = document.getElementById(controlId(focus.id, focus.control));
    const other = focus.control === 'up' ? 'down' : 'up';
    const target =
      wanted instanceof HTMLButtonElement && wanted.disabled
        ? document.getElementById(controlId(focus.id, other))
        : wanted;
    target?.focus();
    setFocus(null);
  }, [focus]);
  const listIssues = issuesOf(issues, 'questions');
  const full = questions.length >= CATALOG_LIMITS.questions;
  return (
    <fieldset class="author__group">
      <legend>{i18n.t('author.questions')}</legend>
      <p class="field__hint" id="questions-hint">
        {i18n.t('author.questionsHint')}
      </p>
      {listIssues.length > 0 && (
        <ul id="questions-issues" class="field__issues">
          {listIssues.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      )}
      <ol class="questions">
        {questions.map((question, index) => {
          const number = index + 1;
          return (
            <li key={question.id} class="question">
              <TextField
                name={`question-${question.id}-en`}
                label={i18n.t('author.question', [number, question.id])}
                value={question.en}
                rows={2}
                maxLength={CATALOG_LIMITS.questionLength}
                issues={issuesOf(issues, `question:${question.id}:en`)}
                onInput={(en) => onEdit(question.id, { en })}
              />
              <TextField
                name={`question-${question.id}-fr`}
                label={i18n.t('author.questionFrench', [number])}
                value={question.fr}
                rows={2}
                lang="fr"
                maxLength={CATALOG_LIMITS.questionLength}
                issues={issuesOf(issues, `question:${question.id}:fr`)}
                onInput={(fr) => onEdit(question.id, { fr })}
              />
              <div class="question__actions">
                <button
                  type="button"
                  class="button"
                  id={controlId(question.id, 'up')}
                  disabled={index === 0}
                  aria-label={i18n.t('author.moveUp', [number])}
                  onClick={() => {
                    onMove(index, -1);
                    setFocus({ id: question.id, control: 'up' });
                  }}
                >
                  {i18n.t('author.up')}
                </button>
                <button
                  type="button"
                  class="button"
                  id={controlId(question.id, 'down')}
                  disabled={index === questions.length - 1}
                  aria-label={i18n.t('author.moveDown', [number])}
                  onClick={() => {
                    onMove(index, 1);
                    setFocus({ id: question.id, control: 'down' });
                  }}
                >
                  {i18n.t('author.down')}
                </button>
                <button
                  type="button"
                  class="button button--danger"
                  aria-label={i18n.t('author.removeQuestion', [number])}
                  onClick={() => onRemove(index)}
                >
                  {i18n.t('author.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="button"
        disabled={full}
        onClick={() => {
          onAdd();
          setFocus({ id: nextId, control: 'en' });
        }}
      >
        {i18n.t('author.addQuestion')}
      </button>
    </fieldset>
  );
}

const controlId = (questionId: string, control: 'up' | 'down' | 'en') =>
  control === 'en' ? `field-question-${questionId}-en` : `question-${questionId}-${control}`;
