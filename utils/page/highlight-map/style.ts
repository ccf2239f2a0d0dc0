import { type QuestionStyle, styleForQuestion } from '../../highlights/question-colors';

/** The strip's width, and the heights the layout works with (see `layoutMap`). */
export const STRIP_PX = 14;
export const MARK_PX = 12;
export const BUCKET_PX = 26;

/**
 * Each underline style of the highlights has a fill pattern on the marks, so that, as on the page, questions are
 * told apart by more than colour: solid, horizontal dashes, dots, two bars, diagonal waves.
 */
const PATTERNS: Record<QuestionStyle['line'], string> = {
  solid: 'var(--solid)',
  dashed: 'repeating-linear-gradient(180deg, var(--solid) 0 2px, var(--bg) 2px 4px)',
  dotted: 'radial-gradient(circle, var(--solid) 1.4px, var(--bg) 1.8px) 0 0 / 4px 4px',
  double: 'linear-gradient(90deg, var(--solid) 0 3px, var(--bg) 3px 6px, var(--solid) 6px)',
  wavy: 'repeating-linear-gradient(45deg, var(--solid) 0 2px, var(--bg) 2px 4px)',
};

/** Inline custom properties giving a mark its question's colour and pattern (null: untied; 'mixed': a cluster of several). */
export function markLook(questionIndex: number | null | 'mixed'): string {
  if (questionIndex === 'mixed') return '--solid: var(--fg); --fill: var(--bg)';
  const style = styleForQuestion(questionIndex);
  return `--solid: ${style.solid}; --fill: ${PATTERNS[style.line]}`;
}

/**
 * The map's styles, adopted by its closed shadow root. The host is pinned with `all: initial`, so nothing comes
 * from the page; colours follow the reader's scheme, and the strip has its own background so that marks read on
 * any article. Counts are dark on light (light on dark) for contrast; marks are filled with their pattern.
 */
export const HIGHLIGHT_MAP_CSS = `
.strip {
  --bg: #ffffff;
  --fg: #1d1f23;
  --track: rgb(238 241 245 / 0.92);
  --edge: #b9bfc9;
  --focus: #0b5cad;
  color-scheme: light dark;
  position: absolute;
  inset: 0;
  box-sizing: border-box;
  border-left: 1px solid var(--edge);
  background: var(--track);
  font: 700 9px / 1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg);
}
@media (prefers-color-scheme: dark) {
  .strip {
    --bg: #1b1d22;
    --fg: #e8eaee;
    --track: rgb(27 29 34 / 0.92);
    --edge: #4a505b;
    --focus: #8cc4ff;
  }
}
button {
  all: unset;
  position: absolute;
  right: 1px;
  box-sizing: border-box;
  min-width: ${MARK_PX}px;
  height: ${MARK_PX}px;
  cursor: pointer;
  text-align: center;
  will-change: transform;
}
button[hidden] { display: none; }
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.mark { top: 0; border: 1px solid var(--solid); border-radius: 2px; background: var(--fill); }
.mark.cluster {
  padding: 0 2px;
  border-width: 2px;
  background: var(--bg);
  line-height: ${MARK_PX - 4}px;
}
.mark.current { box-shadow: 0 0 0 2px var(--fg); }
/* The club's marks: the question's colour and pattern, faded and narrower, under the reader's own. */
.mark.club { opacity: 0.55; right: 3px; min-width: ${MARK_PX - 4}px; border-style: dashed; }
.bucket {
  display: flex;
  flex-direction: column;
  align-items: center;
  justify-content: center;
  gap: 2px;
  height: ${BUCKET_PX}px;
  border-radius: 3px;
  background: var(--bg);
  border: 1px solid var(--edge);
}
.up { top: 1px; }
.down { bottom: 1px; flex-direction: column-reverse; }
.arrow { width: 0; height: 0; border-left: 4px solid transparent; border-right: 4px solid transparent; }
.up .arrow { border-bottom: 5px solid var(--fg); }
.down .arrow { border-top: 5px solid var(--fg); }
.status {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
`;
