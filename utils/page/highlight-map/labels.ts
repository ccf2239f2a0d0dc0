import { i18n } from '#i18n';
import type { MapEntry } from './layout';

/** Long enough to recognise a passage when it is read out, short enough for a mark's name. */
const QUOTE_LENGTH = 60;

/**
 * A mark's accessible name for one highlight: its place among those the map shows, its question and the start
 * of its passage, so a screen-reader user knows where a step or a click lands without opening the panel.
 */
export function highlightLabel(entry: MapEntry, index: number, total: number, quote: string): string {
  const position = String(index + 1);
  const shown = shortQuote(quote);
  // Club highlights come to the page without their member's name, so the mark names the club.
  if (entry.club) {
    if (entry.questionIndex === null) return i18n.t('map.clubHighlightUntied', [position, String(total), shown]);
    return i18n.t('map.clubHighlight', [position, String(total), String(entry.questionIndex + 1), shown]);
  }
  if (entry.questionIndex === null) return i18n.t('map.highlightUntied', [position, String(total), shown]);
  return i18n.t('map.highlight', [position, String(total), String(entry.questionIndex + 1), shown]);
}

/** The name of a mark standing for the highlights `from` to `to - 1` (0-based). */
export function clusterLabel(from: number, to: number, total: number): string {
  return i18n.t('map.cluster', [String(from + 1), String(to), String(total)]);
}

export const aboveLabel = (count: number) => i18n.t('map.above', count);
export const belowLabel = (count: number) => i18n.t('map.below', count);

/** What the map shows now: one question's highlights (1-based `question`) or all of them. */
export function filterLabel(question: number | null, count: number): string {
  return question === null
    ? i18n.t('map.allQuestions', count)
    : i18n.t('map.onlyQuestion', count, [String(count), String(question)]);
}

/** The passage's opening, on one line, cut at a word where it is long. */
export function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_LENGTH) return flat;
  const cut = flat.slice(0, QUOTE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > QUOTE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
