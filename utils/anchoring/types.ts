/**
 * W3C Web Annotation selectors, the storage format of a highlight.
 *
 * Both are computed over the *reader's text* of the anchoring root (see `text-model.ts`): whitespace collapsed to
 * single spaces, block boundaries and `<br>` counted as one space, hidden and non-rendered text left out. That
 * text, not `textContent`, is what `exact`, `prefix`, `suffix` and the positions refer to, so they stay stable
 * when a publisher re-indents its markup.
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Offsets count Unicode code points, as the W3C model says, not JavaScript's UTF-16 units: a stored selector must
 * mean the same thing to any other tool that reads it, and `😀` is one character to all of them.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** RFC 3778's fragment identifiers for PDF (`#page=3`), as the W3C model names them in a `FragmentSelector`. */
export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

/**
 * The page of a PDF a passage starts on (1-based, `page=3`), stored beside the quote and position of a highlight
 * made in the PDF viewer: anchoring looks near it first when the position no longer holds, the Markdown digest
 * cites it, and the W3C export gives it as it is, a standard selector other tools read.
 */
export interface PdfPageSelector {
  type: 'FragmentSelector';
  conformsTo: typeof PDF_FRAGMENT_SPEC;
  value: `page=${number}`;
}

export type Selector = TextQuoteSelector | TextPositionSelector | PdfPageSelector;

/** What a highlight stores: the quote and its position, and the page when it was made in a PDF. */
export type StoredSelectors =
  | [TextQuoteSelector, TextPositionSelector]
  | [TextQuoteSelector, TextPositionSelector, PdfPageSelector];

/**
 * Why a selection can't become a highlight. A code, not a sentence: the page words it for the reader
 * (`utils/page/selection-refusal.ts`), so that anchoring stays free of any UI text.
 */
export type DescribeFailureReason = 'empty' | 'whitespace' | 'too-long' | 'outside-root' | 'not-article-text';

/** A refused selection; one that is too long says by how much, since that is what the reader can change. */
export type DescribeFailure =
  | { ok: false; reason: Exclude<DescribeFailureReason, 'too-long'> }
  | { ok: false; reason: 'too-long'; length: number; limit: number };

export type DescribeResult = { ok: true; selectors: [TextQuoteSelector, TextPositionSelector] } | DescribeFailure;

/**
 * How the highlight was found again, from most to least certain:
 * - `position`: the stored offsets still hold the stored quote (with its context);
 * - `quote`: the quote occurs verbatim elsewhere, chosen by its context and nearness to the old position;
 * - `fuzzy`: the quote was edited; an approximate match in the right context.
 */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface AnchorResult {
  range: Range;
  method: AnchorMethod;
  /** 0..1; 1 is the stored quote and context found unchanged. Lets the UI flag highlights that moved or changed. */
  quality: number;
  /** The text the range now covers (reader's text), which may differ from the stored quote after a fuzzy match. */
  text: string;
}

/**
 * Why a stored highlight was not placed, as a code the page or panel words for the reader:
 * - `not-found`: nothing in the text matches it well enough (the passage was removed or rewritten);
 * - `ambiguous`: several places match about equally and the stored position does not settle it, so any choice
 *   would be a guess;
 * - `over-budget`: matching it would cost more work than one highlight may (a crafted or malformed selector).
 */
export type OrphanReason = 'not-found' | 'ambiguous' | 'over-budget';

/** What `anchorAll` needs from each stored highlight; the rest of the item is handed back untouched. */
export interface Anchorable {
  selectors: readonly Selector[];
}
