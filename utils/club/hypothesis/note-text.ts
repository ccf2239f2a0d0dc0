/**
 * An annotation's text on Hypothesis: the reader's note, then the question it answers on a line of its own, so
 * that members who read the group in the official Hypothesis client see which question the highlight is for.
 * Our panel shows the question itself, so the line is taken off again on reading.
 */

/** A sign, not a word: the members of one club may read in different languages. */
const QUESTION_LINE_START = '❓ ';

/** The note with the question's line added; a question's words are put on one line, so the line can be found. */
export function composeText(note: string, questionText: string | null): string {
  if (questionText === null) return note;
  const line = `${QUESTION_LINE_START}${questionText.replace(/\s+/g, ' ').trim()}`;
  return note === '' ? line : `${note}\n\n${line}`;
}

/**
 * The note without the question's line. Only annotations tagged with a question carry one, and it is always
 * the last line, so a note that happens to contain the same sign elsewhere keeps it.
 */
export function noteFromText(text: string, tiedToQuestion: boolean): string {
  if (!tiedToQuestion) return text;
  const at = text.lastIndexOf(`\n\n${QUESTION_LINE_START}`);
  if (at >= 0 && !text.includes('\n', at + 2)) return text.slice(0, at);
  if (text.startsWith(QUESTION_LINE_START) && !text.includes('\n')) return '';
  return text;
}
