import { QUESTION_STYLES, type QuestionStyle, UNTIED_STYLE } from '../../highlights/question-colors';

/**
 * Names and rules of the club's highlights in `CSS.highlights`: one per question style, apart from the reader's
 * own (`jc-q…`), so that painting the club never replaces or disturbs the reader's highlights.
 */
export const CLUB_QUESTION_HIGHLIGHTS: readonly string[] = QUESTION_STYLES.map((_, index) => `jc-club-q${index}`);
export const CLUB_UNTIED_HIGHLIGHT = 'jc-club-untied';

/** The club's highlight name for a question index (0-based), wrapping round the palette as the reader's do. */
export function clubHighlightName(questionIndex: number | null): string {
  if (questionIndex === null || questionIndex < 0) return CLUB_UNTIED_HIGHLIGHT;
  return CLUB_QUESTION_HIGHLIGHTS[questionIndex % CLUB_QUESTION_HIGHLIGHTS.length] ?? CLUB_UNTIED_HIGHLIGHT;
}

/**
 * A lighter version of each question's style: a faint wash of its colour and its underline pattern drawn thin,
 * so a club highlight reads as the same question (by colour and by pattern, never colour alone) and as someone
 * else's (lighter than the reader's own 2–3 px line and stronger wash). Where both overlap the reader's own is on
 * top (the club's highlights have a lower priority).
 */
export function clubHighlightCss(): string {
  const named = [
    ...CLUB_QUESTION_HIGHLIGHTS.map((name, index) => [name, QUESTION_STYLES[index] ?? UNTIED_STYLE] as const),
    [CLUB_UNTIED_HIGHLIGHT, UNTIED_STYLE] as const,
  ];
  const light = named.map(([name, style]) => rule(name, style, 14));
  const dark = named.map(([name, style]) => rule(name, style, 24));
  return `${light.join('\n')}\n@media (prefers-color-scheme: dark) {\n${dark.map((r) => `  ${r}`).join('\n')}\n}\n`;
}

function rule(name: string, style: QuestionStyle, washPercent: number): string {
  const wash = `color-mix(in srgb, ${style.solid} ${washPercent}%, transparent)`;
  // A double line needs 2 px to show as two; the others are drawn at 1 px.
  const thickness = style.line === 'double' ? 2 : 1;
  return (
    `::highlight(${name}) { background-color: ${wash}; ` +
    `text-decoration: underline ${style.line} ${style.solid} ${thickness}px; text-decoration-skip-ink: none; }`
  );
}
