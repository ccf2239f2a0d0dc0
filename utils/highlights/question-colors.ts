/**
 * How each question's highlights look, on the page and in the panel's legend. Colours come from the Okabe–Ito
 * palette, chosen to stay apart for the common colour-vision deficiencies; each question also gets its own
 * underline style, so that no reader has to rely on colour alone. Untied highlights are a neutral grey.
 */
export interface QuestionStyle {
  /** The colour's name, for people who talk about "the orange ones". */
  name: string;
  /** Highlight background on a light page and on a dark page (translucent, so the text stays readable). */
  light: string;
  dark: string;
  /** Solid colour for underlines, legend chips and focus rings. */
  solid: string;
  line: 'solid' | 'dotted' | 'dashed' | 'double' | 'wavy';
}

export const QUESTION_STYLES: readonly QuestionStyle[] = [
  { name: 'orange', light: 'rgb(230 159 0 / 0.35)', dark: 'rgb(230 159 0 / 0.45)', solid: '#b77e00', line: 'solid' },
  {
    name: 'sky blue',
    light: 'rgb(86 180 233 / 0.35)',
    dark: 'rgb(86 180 233 / 0.45)',
    solid: '#2b87bd',
    line: 'dashed',
  },
  { name: 'green', light: 'rgb(0 158 115 / 0.30)', dark: 'rgb(0 158 115 / 0.50)', solid: '#007a59', line: 'dotted' },
  {
    name: 'purple',
    light: 'rgb(204 121 167 / 0.35)',
    dark: 'rgb(204 121 167 / 0.50)',
    solid: '#a8557f',
    line: 'double',
  },
  { name: 'vermillion', light: 'rgb(213 94 0 / 0.28)', dark: 'rgb(213 94 0 / 0.50)', solid: '#b54f00', line: 'wavy' },
  { name: 'blue', light: 'rgb(0 114 178 / 0.25)', dark: 'rgb(0 114 178 / 0.55)', solid: '#0072b2', line: 'solid' },
  { name: 'yellow', light: 'rgb(240 228 66 / 0.55)', dark: 'rgb(240 228 66 / 0.40)', solid: '#8a8200', line: 'dashed' },
];

/** Untied highlights ("Highlight" without a question). */
export const UNTIED_STYLE: QuestionStyle = {
  name: 'grey',
  light: 'rgb(120 120 120 / 0.25)',
  dark: 'rgb(200 200 200 / 0.30)',
  solid: '#6b6b6b',
  line: 'dotted',
};

/** The style of the question at `index` (0-based) in its entry, or the untied style for null. */
export function styleForQuestion(index: number | null): QuestionStyle {
  if (index === null || index < 0) return UNTIED_STYLE;
  return QUESTION_STYLES[index % QUESTION_STYLES.length] ?? UNTIED_STYLE;
}
