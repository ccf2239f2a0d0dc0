import { localize } from '../utils/catalog/localized';
import type { Question } from '../utils/catalog/schema';

/** The club's discussion questions, each in full: readers answer them, so none is shortened here. */
export function QuestionList({ questions, language }: { questions: readonly Question[]; language: string }) {
  return (
    <ol class="questions">
      {questions.map((question, index) => (
        <li key={question.id} class="question" data-question={index + 1}>
          {localize(question.text, language)}
        </li>
      ))}
    </ol>
  );
}
