/**
 * Finding readers' highlights again on a page that may have changed, or on another copy of the article.
 * Selectors follow the W3C Web Annotation model over the reader's text (see `text-model.ts`).
 */

export { type Anchorer, type AnchorMiss, anchor, createAnchorer } from './anchor.ts';
export { type AnchorAllOptions, type AnchorAllResult, anchorAll, yieldToPage } from './anchor-all.ts';
export { CONTEXT_LENGTH, describe, MAX_QUOTE_LENGTH } from './describe.ts';
export { createTextIndexCache, type TextIndexCache } from './index-cache.ts';
export { buildTextIndex, type TextIndex } from './text-index.ts';
export type {
  Anchorable,
  AnchorMethod,
  AnchorResult,
  DescribeFailure,
  DescribeFailureReason,
  DescribeResult,
  OrphanReason,
  PdfPageSelector,
  Selector,
  StoredSelectors,
  TextPositionSelector,
  TextQuoteSelector,
} from './types.ts';
export { PDF_FRAGMENT_SPEC } from './types.ts';
