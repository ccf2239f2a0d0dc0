import { styleForQuestion } from '../utils/highlights/question-colors';

/**
 * A swatch that looks like the highlight on the page: tinted, underlined in the question's colour and line
 * style, so the line style still tells questions apart for readers who cannot tell the colours apart.
 * Decorative: the text beside it always names the question.
 */
export function QuestionChip({ index }: { index: number | null }) {
  const style = styleForQuestion(index);
  return (
    <span
      class="hl-chip"
      aria-hidden="true"
      data-line={style.line}
      style={{ '--hl-solid': style.solid, '--hl-line': style.line }}
    >
      {'\u00a0\u00a0\u00a0\u00a0'}
    </span>
  );
}
