import { describe, type TextPositionSelector, type TextQuoteSelector } from '../../../utils/anchoring/index.ts';

/** The selectors `describe` makes for a range; fails the test if it refuses. */
export function selectorsOf(root: Element, range: Range): [TextQuoteSelector, TextPositionSelector] {
  const result = describe(range, root);
  if (!result.ok) throw new Error(`describe failed: ${result.reason}`);
  return result.selectors;
}

/** A quote selector written by hand. */
export function quote(exact: string, prefix = '', suffix = ''): TextQuoteSelector {
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}
