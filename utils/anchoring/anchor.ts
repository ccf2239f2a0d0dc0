import { matchQuoteSteps, type QuoteMatch, type QuoteMiss, type QuoteQuery } from './match-quote.ts';
import { buildTextIndex, type TextIndex } from './text-index.ts';
import { normalizeText } from './text-model.ts';
import type { AnchorResult, OrphanReason, Selector } from './types.ts';

/** A highlight that was looked for and not placed, and why. */
export interface AnchorMiss {
  orphan: OrphanReason;
}

/** Anchors many highlights against one snapshot of the page's text. */
export interface Anchorer {
  /** The reader's text being searched: what selectors' quotes and positions refer to. */
  readonly text: string;
  /** The highlight's place now, or null for an orphan (also for selectors of the wrong shape: never throws). */
  anchor(selectors: readonly Selector[]): AnchorResult | null;
  /** Like `anchor`, but an orphan says why it was not placed. */
  locate(selectors: readonly Selector[]): AnchorResult | AnchorMiss;
  /** Re-reads the page, for when its text changed since the anchorer was made (late-loading sections). */
  refresh(): void;
}

/**
 * Indexes the root's text once, then anchors any number of highlights against it: building the index is the
 * costly part (one walk over the whole DOM), matching a highlight whose page did not change is a string compare.
 *
 * Ranges are built when a highlight is anchored. Painting highlights by wrapping text in elements splits Text
 * nodes; later ranges from the same anchorer follow those splits, but other changes to the text need `refresh()`.
 */
export function createAnchorer(root: Element, index: TextIndex = buildTextIndex(root)): Anchorer {
  let current = index;
  return {
    get text() {
      return current.text;
    },
    anchor: (selectors) => anchorWithIndex(selectors, current),
    locate: (selectors) => runToEnd(locateSteps(selectors, current)),
    refresh() {
      current = buildTextIndex(root);
    },
  };
}

/** One-off anchoring; for several highlights use `createAnchorer`, which reads the page only once. */
export function anchor(selectors: readonly Selector[], root: Element): Range | null {
  return anchorWithIndex(selectors, buildTextIndex(root))?.range ?? null;
}

export function anchorWithIndex(selectors: readonly Selector[], index: TextIndex): AnchorResult | null {
  const found = runToEnd(locateSteps(selectors, index));
  return 'orphan' in found ? null : found;
}

function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The search as a generator that pauses between steps, so `anchorAll` can yield to the page inside one highlight. */
export function* locateSteps(
  selectors: readonly Selector[],
  index: TextIndex,
): Generator<void, AnchorResult | AnchorMiss> {
  const query = readSelectors(selectors, index);
  if (query === null) return { orphan: 'not-found' };
  const match: QuoteMatch | QuoteMiss = yield* matchQuoteSteps(index.text, query);
  if ('miss' in match) return { orphan: match.miss };
  let { start, end } = match;
  // A fuzzy match may take in a neighbouring space; the highlight should start and end on characters.
  while (start < end && index.text.charCodeAt(start) === 32) start++;
  while (end > start && index.text.charCodeAt(end - 1) === 32) end--;
  if (end <= start) return { orphan: 'not-found' };
  return {
    range: index.toRange(start, end),
    method: match.method,
    quality: match.quality,
    text: index.text.slice(start, end),
  };
}

/**
 * The quote (required) and the position hint from stored selectors, tolerating anything storage may hand back.
 *
 * A position without a quote is not anchored: nothing could tell whether the page changed under it, and a
 * highlight on the wrong words is worse than a missing one. Quotes are brought to the reader's-text form, so
 * selectors made by other tools from raw `textContent` still match.
 */
function readSelectors(selectors: unknown, index: TextIndex): QuoteQuery | null {
  if (!Array.isArray(selectors)) return null;
  let quote: { exact: string; prefix: string; suffix: string } | undefined;
  let position: { start: number; end: number } | undefined;
  for (const s of selectors as unknown[]) {
    if (typeof s !== 'object' || s === null) continue;
    const sel = s as Record<string, unknown>;
    if (quote === undefined && sel.type === 'TextQuoteSelector' && typeof sel.exact === 'string') {
      quote = normalizeQuote(sel.exact, optionalString(sel.prefix), optionalString(sel.suffix));
    } else if (position === undefined && sel.type === 'TextPositionSelector') {
      const { start, end } = sel;
      if (typeof start === 'number' && typeof end === 'number' && Number.isSafeInteger(start)) {
        if (Number.isSafeInteger(end) && 0 <= start && start < end) position = { start, end };
      }
    }
  }
  if (quote === undefined || quote.exact === '') return null;
  const cp = index.codePoints;
  const hint = position && { start: cp.toUtf16(position.start), end: cp.toUtf16(position.end) };
  return { ...quote, hint: hint ?? null };
}

function optionalString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function normalizeQuote(exact: string, prefix: string, suffix: string) {
  const x = normalizeText(exact);
  const trimmed = x.trim();
  // Spaces moved out of the quote still separate it from its context.
  let p = normalizeText(prefix);
  let s = normalizeText(suffix);
  if (x.startsWith(' ') && !p.endsWith(' ')) p += ' ';
  if (x.endsWith(' ') && trimmed !== '' && !s.startsWith(' ')) s = ` ${s}`;
  return { exact: trimmed, prefix: p.trimStart(), suffix: s.trimEnd() };
}
