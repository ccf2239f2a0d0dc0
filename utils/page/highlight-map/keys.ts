import type { StepDirection } from './stepping';

/** What a key does while focus is in the map. */
export type MapKeyAction =
  | { type: 'step'; direction: StepDirection }
  /** Show only this question's highlights (1-based), or all of them (null). */
  | { type: 'filter'; question: number | null };

/**
 * The map's keys, read only while keyboard focus is on one of its marks (a vertical toolbar), so they never meet
 * the page's own shortcuts or the reader's typing: Up and Down step to the previous and next highlight, Home and
 * End to the first and last, 1–9 keep one question's highlights (digits with no question are left alone) (pressing the same digit again shows all), 0 and
 * Escape show all again. Enter and Space are the buttons' own: they open the focused mark's highlight.
 * Keys with Ctrl, Alt or Meta are left to the browser; Shift is allowed, as some layouts (AZERTY) need it for
 * digits.
 */
export function mapKeyAction(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>,
  filter: number | null,
  questionCount: number,
): MapKeyAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowDown':
      return { type: 'step', direction: 'next' };
    case 'ArrowUp':
      return { type: 'step', direction: 'previous' };
    case 'Home':
      return { type: 'step', direction: 'first' };
    case 'End':
      return { type: 'step', direction: 'last' };
    case '0':
      return { type: 'filter', question: null };
    case 'Escape':
      return filter === null ? null : { type: 'filter', question: null };
  }
  if (!/^[1-9]$/.test(event.key)) return null;
  const question = Number(event.key);
  if (question > questionCount) return null;
  return { type: 'filter', question: question === filter ? null : question };
}
