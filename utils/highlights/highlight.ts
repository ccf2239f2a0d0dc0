import * as v from 'valibot';
import { i18n } from '#i18n';
import { PDF_FRAGMENT_SPEC, type StoredSelectors } from '../anchoring/types';
import { type DoiMessages, storedDoi, textUpTo } from '../validation';
import { boundContext } from './context-bound';

/**
 * A reader's highlight of a passage, optionally tied to one of the club's questions. Keyed by DOI rather than
 * page URL so that a highlight made on the publisher's page also shows on the PubMed Central copy.
 */
export interface Highlight {
  /** `crypto.randomUUID()`. */
  id: string;
  /** The DOI as detected, in its original case; stores index it by `doiKey(doi)`. */
  doi: string;
  /** The catalog entry the article belonged to when the highlight was made; null if none. */
  entryId: string | null;
  /** The club question this highlight answers; null for an untied highlight. */
  questionId: string | null;
  /** Plain text, at most {@link NOTE_MAX_LENGTH} characters; empty when the reader wrote nothing. */
  note: string;
  target: {
    /** The page where the highlight was made. */
    source: string;
    selectors: StoredSelectors;
  };
  /** ISO 8601 in UTC, exactly as `Date.prototype.toISOString` writes it (see {@link IsoTimestampSchema}). */
  createdAt: string;
  updatedAt: string;
  /**
   * Set when the reader saved this from someone's share link: the club the link names (as the link says; not
   * verified). The note is then someone else's words, which the card and the exports say.
   */
  sharedFrom?: string;
}

/** The selectors a highlight stores are the anchoring library's own (W3C Web Annotation model). */
export type { PdfPageSelector, TextPositionSelector, TextQuoteSelector } from '../anchoring/types';

/** Long enough for a paragraph of commentary, short enough that a note stays a note. */
export const NOTE_MAX_LENGTH = 2_000;
/** About a long paragraph; more than that is a section, which is not what a highlight is for. */
export const QUOTE_MAX_LENGTH = 4_000;
/** Anchoring keeps a few dozen characters of context; longer context is accepted but cut (`context-bound.ts`). */
export const QUOTE_CONTEXT_MAX_LENGTH = 1_000;
/** Catalog entry and question ids are short slugs; the bound keeps hostile imports from bloating the index. */
export const ID_MAX_LENGTH = 200;
const URL_MAX_LENGTH = 4_096;

/**
 * Exactly the form `toISOString()` writes (UTC, milliseconds, `Z`). One canonical form matters because the
 * `byUpdated` index and the createdAt sort compare these as strings: `…:00Z` sorts after `…:00.500Z`, and
 * `+02:00` offsets do not sort at all. Importers normalise other forms with `new Date(x).toISOString()`.
 */
const IsoTimestampSchema = v.pipe(
  v.string(() => i18n.t('validation.timeMissing')),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, () => i18n.t('validation.timeMalformed')),
  // The round trip also catches days a month does not have, which `Date.parse` rolls over into the next.
  v.check(
    (value) => {
      const time = Date.parse(value);
      return !Number.isNaN(time) && new Date(time).toISOString() === value;
    },
    () => i18n.t('validation.timeNotReal'),
  ),
);

/** What the reader is told about an article's DOI, in a highlight or a share link. */
export const DOI_MESSAGES: DoiMessages = {
  missing: () => i18n.t('validation.doiMissing'),
  tooLong: () => i18n.t('validation.doiTooLong'),
  malformed: () => i18n.t('validation.doiMalformed'),
};

/**
 * Names what a message is about ("The note"). Messages are looked up when a check fails, not when the schemas are
 * built, so they come out in the reader's language wherever the schema runs.
 */
type Subject = () => string;

/** Names the missing or unexpected field, since these records come from files and messages someone must fix. */
const shapeMessage =
  (subject: Subject) =>
  (issue: v.StrictObjectIssue): string => {
    if (issue.expected === 'never') return i18n.t('validation.unexpectedField', [subject(), issue.received]);
    if (issue.expected.startsWith('"')) return i18n.t('validation.missingField', [subject(), issue.expected]);
    return i18n.t('validation.wrongShape', [subject()]);
  };

const boundedText = (what: Subject, max: number) =>
  textUpTo(max, {
    notText: () => i18n.t('validation.mustBeText', [what()]),
    tooLong: () => i18n.t('validation.tooLong', [what(), String(max)]),
  });

/** Non-empty so that the stored question key `''` can only mean "untied" (IndexedDB keys cannot be null). */
const nullableId = (what: Subject) =>
  v.nullable(
    v.pipe(
      boundedText(what, ID_MAX_LENGTH),
      v.nonEmpty(() => i18n.t('validation.empty', [what()])),
    ),
  );

const positionMalformed = () => i18n.t('validation.positionMalformed');
const offset = v.pipe(v.number(positionMalformed), v.safeInteger(positionMalformed), v.minValue(0, positionMalformed));

const TextQuoteSelectorSchema = v.pipe(
  v.strictObject(
    {
      type: v.literal('TextQuoteSelector', () => i18n.t('validation.notQuote')),
      exact: v.pipe(
        v.string(() => i18n.t('validation.passageNotText')),
        v.nonEmpty(() => i18n.t('validation.passageEmpty')),
        v.maxLength(QUOTE_MAX_LENGTH, () => i18n.t('validation.passageTooLong', [String(QUOTE_MAX_LENGTH)])),
      ),
      prefix: boundedText(() => i18n.t('validation.textBefore'), QUOTE_CONTEXT_MAX_LENGTH),
      suffix: boundedText(() => i18n.t('validation.textAfter'), QUOTE_CONTEXT_MAX_LENGTH),
    },
    shapeMessage(() => i18n.t('validation.passageDescription')),
  ),
  // Every path in (share links, files, messages, the store) passes here, so matching never sees more.
  v.transform(boundContext),
);

const TextPositionSelectorSchema = v.pipe(
  v.strictObject(
    {
      type: v.literal('TextPositionSelector', positionMalformed),
      start: offset,
      end: offset,
    },
    shapeMessage(() => i18n.t('validation.passagePosition')),
  ),
  v.check(
    ({ start, end }) => start <= end,
    () => i18n.t('validation.positionReversed'),
  ),
);

/** The quote and its position, without a page: what share links and club drafts carry. */
export const QuoteAndPositionSchema = v.strictTuple([TextQuoteSelectorSchema, TextPositionSelectorSchema], () =>
  i18n.t('validation.selectorsShape'),
);

/** A PDF page as RFC 3778 writes it (`page=3`), up to a page number no real article reaches. */
const PdfPageSelectorSchema = v.strictObject(
  {
    type: v.literal('FragmentSelector', () => i18n.t('validation.pageMalformed')),
    conformsTo: v.literal(PDF_FRAGMENT_SPEC, () => i18n.t('validation.pageMalformed')),
    value: v.custom<`page=${number}`>(
      (value) => typeof value === 'string' && /^page=[1-9]\d{0,5}$/.test(value),
      () => i18n.t('validation.pageMalformed'),
    ),
  },
  shapeMessage(() => i18n.t('validation.pageMalformed')),
);

/**
 * A highlight's target: the quote with its context, then the position, as `describe` makes them, and the page
 * when it was made in a PDF. A record without a page keeps its two selectors (no `undefined` third).
 */
export const HighlightSelectorsSchema = v.pipe(
  v.strictTuple([TextQuoteSelectorSchema, TextPositionSelectorSchema, v.optional(PdfPageSelectorSchema)], () =>
    i18n.t('validation.selectorsShape'),
  ),
  v.transform(([quote, position, page]): StoredSelectors => (page ? [quote, position, page] : [quote, position])),
);

/**
 * Strict on purpose: highlights arrive from content-script messages, imported files and share links as well as
 * from this extension's own store, so everything is checked, unknown fields included.
 */
export const HighlightSchema = v.strictObject(
  {
    id: v.pipe(
      v.string(() => i18n.t('validation.idMissing')),
      v.uuid(() => i18n.t('validation.idNotUuid')),
    ),
    doi: storedDoi(DOI_MESSAGES),
    entryId: nullableId(() => i18n.t('validation.entryId')),
    questionId: nullableId(() => i18n.t('validation.questionId')),
    note: v.pipe(
      v.string(() => i18n.t('validation.noteNotText')),
      v.maxLength(NOTE_MAX_LENGTH, (issue) =>
        i18n.t('validation.noteTooLong', [issue.received, String(NOTE_MAX_LENGTH)]),
      ),
    ),
    target: v.strictObject(
      {
        source: v.pipe(
          boundedText(() => i18n.t('validation.pageAddress'), URL_MAX_LENGTH),
          v.url(() => i18n.t('validation.addressMalformed')),
        ),
        selectors: HighlightSelectorsSchema,
      },
      shapeMessage(() => i18n.t('validation.passageDescription')),
    ),
    createdAt: IsoTimestampSchema,
    updatedAt: IsoTimestampSchema,
    // Optional, so records written before it existed read as they are: no migration.
    sharedFrom: v.optional(boundedText(() => i18n.t('validation.sharedFrom'), ID_MAX_LENGTH)),
  },
  shapeMessage(() => i18n.t('validation.theHighlight')),
) satisfies v.GenericSchema<unknown, Highlight>;

export type HighlightParseResult = { ok: true; value: Highlight } | { ok: false; message: string };

/** Validates untrusted input; on failure returns the first problem as a sentence a reader can act on. */
export function parseHighlight(input: unknown): HighlightParseResult {
  const parsed = v.safeParse(HighlightSchema, input, { abortEarly: true });
  if (parsed.success) return { ok: true, value: parsed.output };
  return { ok: false, message: parsed.issues[0].message };
}
