import type { TextPositionSelector } from '../anchoring/types';

/**
 * A highlight always stores a position after its quote, but one imported from another tool may have come with a
 * quote alone (the W3C model does not require a position). It then stores an empty span at 0: anchoring reads
 * a position only when `start < end`, so it finds the passage by its quote and context, as it does for any
 * quote-only selector, and never takes a guessed offset for evidence. Keeping the stored pair means the record,
 * the share link and every reader of `selectors[1]` keep one shape; the W3C export leaves the empty span out.
 */
export const UNKNOWN_POSITION: TextPositionSelector = Object.freeze({ type: 'TextPositionSelector', start: 0, end: 0 });

/** Whether the stored position says where the passage is (a passage is never empty, so an empty span says nothing). */
export function isKnownPosition(position: TextPositionSelector): boolean {
  return position.start < position.end;
}
