/**
 * Converts between UTF-16 offsets (how JavaScript indexes strings) and code point offsets (how the W3C
 * TextPositionSelector counts). Articles rarely contain astral characters, so when there are none both units are
 * the same and conversion is free; otherwise a sorted list of where the surrogate pairs sit keeps it O(log n).
 */
export interface CodePointMap {
  /** Code points before UTF-16 offset `unit`. */
  toCodePoint(unit: number): number;
  /** UTF-16 offset of code point `cp`; clamps past the end. */
  toUtf16(cp: number): number;
  /** Length of the text in code points. */
  readonly length: number;
}

const SURROGATE = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

export function codePointMap(text: string): CodePointMap {
  // UTF-16 offsets of each pair's first unit, ascending.
  const pairs: number[] = [];
  SURROGATE.lastIndex = 0;
  for (let m = SURROGATE.exec(text); m !== null; m = SURROGATE.exec(text)) pairs.push(m.index);
  if (pairs.length === 0) {
    return { toCodePoint: (u) => u, toUtf16: (cp) => Math.min(cp, text.length), length: text.length };
  }
  const length = text.length - pairs.length;
  return {
    length,
    toCodePoint(unit) {
      // Each pair that ends at or before `unit` was counted twice.
      return unit - countBelow(pairs, (p) => p + 2 <= unit);
    },
    toUtf16(cp) {
      if (cp >= length) return text.length;
      // The pair at index i starts at code point pairs[i] - i.
      return cp + countBelow(pairs, (p, i) => p - i < cp);
    },
  };
}

/** Number of leading items of the ascending `items` for which `pred` holds (pred must be monotone). */
function countBelow(items: readonly number[], pred: (item: number, index: number) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(items[mid] as number, mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Length in code points, for limits told to the reader in characters. */
export function codePointLength(text: string): number {
  let pairs = 0;
  SURROGATE.lastIndex = 0;
  while (SURROGATE.exec(text) !== null) pairs++;
  return text.length - pairs;
}
