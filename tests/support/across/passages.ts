import type { Rng } from '../dom/prng';

/** A passage as offsets into a reader's text: `text.slice(start, end)`. */
export interface PassageSpan {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * `count` passages of `text[from, to)` the way readers select them: whole words, 20–200 characters, one from each
 * of `count` equal slices of the span, so the sample covers the whole article and not only its densest part.
 * Deterministic for a given `rng` seed. `usable` refuses a passage (one a reader cannot see); a slice with none
 * usable gives none, and the rest are drawn from anywhere in the span.
 */
export function samplePassages(
  text: string,
  from: number,
  to: number,
  count: number,
  rng: Rng,
  usable: (span: PassageSpan) => boolean = () => true,
): PassageSpan[] {
  const passages: PassageSpan[] = [];
  const slice = (to - from) / count;
  for (let k = 0; k < count; k++) {
    const sliceStart = Math.floor(from + k * slice);
    for (let attempt = 0; attempt < 20; attempt++) {
      const passage = wordPassage(text, rng.int(sliceStart, Math.floor(sliceStart + slice) - 1), rng.int(20, 200), to);
      if (passage && usable(passage)) {
        passages.push(passage);
        break;
      }
    }
  }
  // Slices of numbers or symbols (a table, a reference list) give none: the rest come from anywhere in the span.
  for (let attempt = 0; passages.length < count && attempt < count * 50; attempt++) {
    const passage = wordPassage(text, rng.int(from, to - 1), rng.int(20, 200), to);
    if (passage && usable(passage)) passages.push(passage);
  }
  return passages.sort((a, b) => a.start - b.start);
}

/** The passage starting at the word at or after `at`, ending at the word end nearest `length` characters on. */
function wordPassage(text: string, at: number, length: number, limit: number): PassageSpan | null {
  let start = at;
  while (start < limit && !(WORD_CHAR.test(text[start] ?? '') && !WORD_CHAR.test(text[start - 1] ?? ''))) start++;
  let end = Math.min(limit, start + length);
  while (end > start && WORD_CHAR.test(text[end] ?? '') && WORD_CHAR.test(text[end - 1] ?? '')) end--;
  while (end > start && text[end - 1] === ' ') end--;
  const passage = text.slice(start, end);
  if (end - start < 20 || end - start > 200) return null;
  // Mostly words: a run of reference numbers or punctuation is not what a reader highlights.
  const letters = passage.match(/\p{L}/gu)?.length ?? 0;
  return letters >= passage.length * 0.6 ? { start, end } : null;
}
