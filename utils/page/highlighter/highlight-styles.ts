import { QUESTION_STYLES, type QuestionStyle, UNTIED_STYLE } from '../../highlights/question-colors';

/**
 * Names of the highlights registered in `CSS.highlights`. The registry is shared with the page, so the names carry
 * a prefix no article is likely to use. There is one highlight per question *style*, not per question: questions
 * whose index wraps around the palette (index 7 looks like index 0) share a name, and painting costs one registry
 * entry per style however many highlights the reader has.
 */
export const UNTIED_HIGHLIGHT = 'jc-untied';
/** The passage the reader just jumped to, drawn over its usual style for a moment. */
export const FLASH_HIGHLIGHT = 'jc-flash';
/** Reserved for highlights shared by other members of the club; nothing paints it yet. */
export const SHARED_HIGHLIGHT = 'jc-shared';

export const QUESTION_HIGHLIGHTS: readonly string[] = QUESTION_STYLES.map((_, index) => `jc-q${index}`);

/** The highlight name for a question index (0-based), or the untied one for null (and, like the colours, < 0). */
export function highlightName(questionIndex: number | null): string {
  if (questionIndex === null || questionIndex < 0) return UNTIED_HIGHLIGHT;
  return QUESTION_HIGHLIGHTS[questionIndex % QUESTION_HIGHLIGHTS.length] ?? UNTIED_HIGHLIGHT;
}

/**
 * The rules for every name. `::highlight()` takes only a few properties (colour, background, text decoration,
 * text shadow), so the underline is what tells styles apart without colour; it skips no ink so that dotted and
 * dashed lines stay visible under descenders. The flash inverts the text, which no question style does.
 */
export function highlightCss(): string {
  const rules = [
    ...QUESTION_HIGHLIGHTS.map((name, index) => rule(name, QUESTION_STYLES[index] ?? UNTIED_STYLE)),
    rule(UNTIED_HIGHLIGHT, UNTIED_STYLE),
    // A passage shared with the reader: violet and wavy, unlike any question's style, so it reads as someone else's.
    `::highlight(${SHARED_HIGHLIGHT}) { background-color: rgb(148 87 235 / 0.25); ${underline('wavy', '#7445c4', 2)} }`,
    `::highlight(${FLASH_HIGHLIGHT}) { background-color: #1d1f23; color: #ffffff; ${underline('solid', '#1d1f23', 3)} }`,
  ];
  const dark = [
    ...QUESTION_HIGHLIGHTS.map((name, index) => darkRule(name, QUESTION_STYLES[index] ?? UNTIED_STYLE)),
    darkRule(UNTIED_HIGHLIGHT, UNTIED_STYLE),
    `::highlight(${SHARED_HIGHLIGHT}) { background-color: rgb(168 120 255 / 0.40); ${underline('wavy', '#c3a6ff', 2)} }`,
    `::highlight(${FLASH_HIGHLIGHT}) { background-color: #f3f5f8; color: #111318; ${underline('solid', '#f3f5f8', 3)} }`,
  ];
  return `${rules.join('\n')}\n@media (prefers-color-scheme: dark) {\n${dark.map((r) => `  ${r}`).join('\n')}\n}\n`;
}

function rule(name: string, style: QuestionStyle): string {
  // A double line needs some thickness to show as two lines.
  const thickness = style.line === 'double' ? 3 : 2;
  return `::highlight(${name}) { background-color: ${style.light}; ${underline(style.line, style.solid, thickness)} }`;
}

function darkRule(name: string, style: QuestionStyle): string {
  return `::highlight(${name}) { background-color: ${style.dark}; }`;
}

function underline(line: string, colour: string, thicknessPx: number): string {
  return `text-decoration: underline ${line} ${colour} ${thicknessPx}px; text-decoration-skip-ink: none;`;
}
