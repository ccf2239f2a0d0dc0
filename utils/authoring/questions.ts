import type { AuthoringForm, QuestionDraft } from './form';

/**
 * The question list's edits. A question's id is made once, from the form's counter, and never reused within
 * the entry: a highlight tied to `q2` stays tied when q2's wording changes, and a question removed and another
 * added never makes the old highlights answer the new question.
 */
export function addQuestion(form: AuthoringForm): AuthoringForm {
  const question: QuestionDraft = { id: `q${form.nextQuestion}`, en: '', fr: '' };
  return { ...form, questions: [...form.questions, question], nextQuestion: form.nextQuestion + 1 };
}

/** Moves the question at `index` by `by` places (−1 up, +1 down); out of bounds changes nothing. */
export function moveQuestion(form: AuthoringForm, index: number, by: -1 | 1): AuthoringForm {
  const target = index + by;
  const moving = form.questions[index];
  if (!moving || target < 0 || target >= form.questions.length) return form;
  const questions = form.questions.filter((_, i) => i !== index);
  questions.splice(target, 0, moving);
  return { ...form, questions };
}

/** Removes the question at `index`; what was removed comes back too, for the undo bar. */
export function removeQuestion(
  form: AuthoringForm,
  index: number,
): { form: AuthoringForm; removed: { question: QuestionDraft; index: number } | null } {
  const question = form.questions[index];
  if (!question) return { form, removed: null };
  return { form: { ...form, questions: form.questions.filter((_, i) => i !== index) }, removed: { question, index } };
}

/** Puts a removed question back where it was (or at the end, if the list has since shrunk). */
export function restoreQuestion(form: AuthoringForm, removed: { question: QuestionDraft; index: number }) {
  if (form.questions.some((question) => question.id === removed.question.id)) return form;
  const questions = [...form.questions];
  questions.splice(Math.min(removed.index, questions.length), 0, removed.question);
  return { ...form, questions };
}

export function editQuestion(form: AuthoringForm, id: string, change: Partial<Pick<QuestionDraft, 'en' | 'fr'>>) {
  return {
    ...form,
    questions: form.questions.map((question) => (question.id === id ? { ...question, ...change } : question)),
  };
}
