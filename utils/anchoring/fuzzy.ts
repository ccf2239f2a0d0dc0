import search from 'approx-string-match';

/** A place in the text where the quote occurs, exactly (`errors` 0) or approximately. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Stands in for text that must not match; it never occurs in reader's text (control characters are rare). */
const MASK = '\u0000';
/** Candidates kept per search; more means the quote is so common that context must decide anyway. */
const MAX_PER_SEARCH = 64;

/**
 * Approximate occurrences of `pattern` in `text[from, to)` with at most `maxErrors` edits, skipping `masked`.
 *
 * approx-string-match reports only the *lowest-cost* matches. That is why masking exists: an exact copy of the
 * quote elsewhere (a reference list, a heading) would otherwise hide the edited original in its right context, and
 * a close look-alike would hide a slightly worse match. The caller masks what it has seen and searches again.
 */
export function approximateMatches(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  masked: readonly Candidate[],
): Candidate[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo < pattern.length - maxErrors) return [];
  const haystack = maskRegions(text, lo, hi, masked);
  const found = search(haystack, pattern, maxErrors);
  const out: Candidate[] = [];
  for (const m of found) {
    if (out.length >= MAX_PER_SEARCH) break;
    if (m.end > m.start) out.push({ start: m.start + lo, end: m.end + lo, errors: m.errors });
  }
  return out;
}

/** Characters of text searched between pauses: a few milliseconds of the bit-parallel search. */
const CHUNK = 65_536;

/**
 * `approximateMatches` over a long stretch in chunks, pausing between them so a caller can yield to the page. The
 * chunks overlap by a match's longest length, and only the lowest-cost matches over all chunks are kept, so the
 * result is that of one search over the whole stretch.
 */
export function* approximateMatchesInChunks(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  masked: readonly Candidate[],
): Generator<void, Candidate[]> {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo <= CHUNK) return approximateMatches(text, pattern, maxErrors, lo, hi, masked);
  const overlap = pattern.length + maxErrors;
  const found = new Map<string, Candidate>();
  for (let start = lo; start < hi; start += CHUNK) {
    for (const m of approximateMatches(
      text,
      pattern,
      maxErrors,
      start,
      Math.min(hi, start + CHUNK + overlap),
      masked,
    )) {
      found.set(`${m.start}:${m.end}`, m);
    }
    yield;
  }
  const all = [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  const least = Math.min(...all.map((m) => m.errors));
  return all.filter((m) => m.errors === least).slice(0, MAX_PER_SEARCH);
}

function maskRegions(text: string, lo: number, hi: number, masked: readonly Candidate[]): string {
  const inside = masked.filter((m) => m.end > lo && m.start < hi).sort((a, b) => a.start - b.start);
  if (inside.length === 0) return text.slice(lo, hi);
  const parts: string[] = [];
  let pos = lo;
  for (const m of inside) {
    const s = Math.max(m.start, pos);
    const e = Math.min(m.end, hi);
    if (e <= s) continue;
    parts.push(text.slice(pos, s), MASK.repeat(e - s));
    pos = e;
  }
  parts.push(text.slice(pos, hi));
  return parts.join('');
}

/** Every exact occurrence, up to `limit`; overlapping ones included (`aaa` in `aaaa` twice). */
export function exactMatches(text: string, pattern: string, limit: number): Candidate[] {
  const out: Candidate[] = [];
  for (let i = text.indexOf(pattern); i !== -1 && out.length < limit; i = text.indexOf(pattern, i + 1)) {
    out.push({ start: i, end: i + pattern.length, errors: 0 });
  }
  return out;
}
