import type { TextQuoteSelector } from '../anchoring/types';

/**
 * Context kept around a quote for matching: twice what `describe` stores (32 characters a side), so our own
 * selectors never change. Matching compares each side with the text at every occurrence of the quote, at a cost
 * that grows with the square of the context's length: a share link or file carrying 1,000 characters of
 * context around a one-letter quote froze the tab for seconds per item (review F3). Past this length context
 * adds no evidence, only cost.
 */
export const SCORED_CONTEXT_LENGTH = 64;

/**
 * The selector with its prefix cut to the characters nearest the quote, its suffix likewise. Applied wherever a
 * highlight is read, stored records included: a record saved with longer context still loads, and keeps it on
 * disk; only what matching sees is cut.
 */
export function boundContext<T extends TextQuoteSelector>(selector: T): T {
  const { prefix, suffix } = selector;
  if (prefix.length <= SCORED_CONTEXT_LENGTH && suffix.length <= SCORED_CONTEXT_LENGTH) return selector;
  return { ...selector, prefix: lastChars(prefix), suffix: firstChars(suffix) };
}

function lastChars(text: string): string {
  if (text.length <= SCORED_CONTEXT_LENGTH) return text;
  const start = text.length - SCORED_CONTEXT_LENGTH;
  // Never keep half of a surrogate pair (an emoji): the cut moves one unit inwards instead.
  return text.slice(isLowSurrogate(text.charCodeAt(start)) ? start + 1 : start);
}

function firstChars(text: string): string {
  if (text.length <= SCORED_CONTEXT_LENGTH) return text;
  const end = SCORED_CONTEXT_LENGTH;
  return text.slice(0, isLowSurrogate(text.charCodeAt(end)) ? end - 1 : end);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
