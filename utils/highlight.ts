import * as v from 'valibot';
import type { TextPositionSelector, TextQuoteSelector } from './anchoring/types';
import { DOI_MAX_LENGTH } from './doi';

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
    selectors: [TextQuoteSelector, TextPositionSelector];
  };
  /** ISO 8601 in UTC, exactly as `Date.prototype.toISOString` writes it (see {@link IsoTimestampSchema}). */
  createdAt: string;
  updatedAt: string;
}

/** The selectors a highlight stores are the anchoring library's own (W3C Web Annotation model). */
export type { TextPositionSelector, TextQuoteSelector } from './anchoring/types';

/** Long enough for a paragraph of commentary, short enough that a note stays a note. */
export const NOTE_MAX_LENGTH = 2_000;
/** About a long paragraph; more than that is a section, which is not what a highlight is for. */
export const QUOTE_MAX_LENGTH = 4_000;
/** Anchoring keeps a few dozen characters of context; the bound only stops abuse. */
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
  v.string('The time the highlight was made or changed is missing.'),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'The time the highlight was made or changed is malformed.'),
  // The round trip also catches days a month does not have, which `Date.parse` rolls over into the next.
  v.check((value) => {
    const time = Date.parse(value);
    return !Number.isNaN(time) && new Date(time).toISOString() === value;
  }, 'The time the highlight was made or changed is not a real date.'),
);

/**
 * Only the DOI's shape, not `normalizeDoi(doi) === doi`: stored highlights are checked again on every read,
 * and one must not turn unreadable because detection rules improved after it was saved.
 */
const DoiSchema = v.pipe(
  v.string("The article's DOI is missing."),
  v.maxLength(DOI_MAX_LENGTH, "The article's DOI is too long."),
  v.regex(/^10\.\d{4,9}(?:\.\d+)*\/\S+$/, "The article's DOI is malformed."),
);

/** Names the missing or unexpected field, since these records come from files and messages someone must fix. */
const shapeMessage =
  (subject: string) =>
  (issue: v.StrictObjectIssue): string => {
    if (issue.expected === 'never') return `${subject} has an unexpected field, ${issue.received}.`;
    if (issue.expected.startsWith('"')) return `${subject} is missing its ${issue.expected} field.`;
    return `${subject} is not in the expected form.`;
  };

const boundedText = (what: string, max: number) =>
  v.pipe(v.string(`${what} must be text.`), v.maxLength(max, `${what} is too long (at most ${max} characters).`));

/** Non-empty so that the stored question key `''` can only mean "untied" (IndexedDB keys cannot be null). */
const nullableId = (what: string) =>
  v.nullable(v.pipe(boundedText(what, ID_MAX_LENGTH), v.nonEmpty(`${what} is empty.`)));

const offset = v.pipe(
  v.number('The position of the highlighted passage is malformed.'),
  v.safeInteger('The position of the highlighted passage is malformed.'),
  v.minValue(0, 'The position of the highlighted passage is malformed.'),
);

const TextQuoteSelectorSchema = v.strictObject(
  {
    type: v.literal('TextQuoteSelector', 'The highlighted passage is not described as a quote.'),
    exact: v.pipe(
      v.string('The highlighted passage must be text.'),
      v.nonEmpty('The highlighted passage is empty.'),
      v.maxLength(
        QUOTE_MAX_LENGTH,
        `The highlighted passage is too long: a highlight can cover at most ${QUOTE_MAX_LENGTH} characters. Select a shorter passage.`,
      ),
    ),
    prefix: boundedText('The text before the highlighted passage', QUOTE_CONTEXT_MAX_LENGTH),
    suffix: boundedText('The text after the highlighted passage', QUOTE_CONTEXT_MAX_LENGTH),
  },
  shapeMessage('The description of the highlighted passage'),
);

const TextPositionSelectorSchema = v.pipe(
  v.strictObject(
    {
      type: v.literal('TextPositionSelector', 'The position of the highlighted passage is malformed.'),
      start: offset,
      end: offset,
    },
    shapeMessage('The position of the highlighted passage'),
  ),
  v.check(({ start, end }) => start <= end, 'The position of the highlighted passage ends before it starts.'),
);

/** A highlight's target: the quote with its context, then the position, as `describe` makes them. */
export const HighlightSelectorsSchema = v.strictTuple(
  [TextQuoteSelectorSchema, TextPositionSelectorSchema],
  'The highlighted passage is not described in the expected form.',
);

/**
 * Strict on purpose: highlights arrive from content-script messages, imported files and share links as well as
 * from this extension's own store, so everything is checked, unknown fields included.
 */
export const HighlightSchema = v.strictObject(
  {
    id: v.pipe(v.string('The highlight id is missing or not text.'), v.uuid('The highlight id is not a UUID.')),
    doi: DoiSchema,
    entryId: nullableId('The catalog entry id'),
    questionId: nullableId('The question id'),
    note: v.pipe(
      v.string('The note must be text.'),
      v.maxLength(
        NOTE_MAX_LENGTH,
        (issue) =>
          `The note is ${issue.received} characters long; a note can be at most ${NOTE_MAX_LENGTH} characters. Shorten it and save again.`,
      ),
    ),
    target: v.strictObject(
      {
        source: v.pipe(
          boundedText('The address of the page where the highlight was made', URL_MAX_LENGTH),
          v.url('The address of the page where the highlight was made is malformed.'),
        ),
        selectors: HighlightSelectorsSchema,
      },
      shapeMessage('The description of the highlighted passage'),
    ),
    createdAt: IsoTimestampSchema,
    updatedAt: IsoTimestampSchema,
  },
  shapeMessage('The highlight'),
) satisfies v.GenericSchema<unknown, Highlight>;

export type HighlightParseResult = { ok: true; value: Highlight } | { ok: false; message: string };

/** Validates untrusted input; on failure returns the first problem as a sentence a reader can act on. */
export function parseHighlight(input: unknown): HighlightParseResult {
  const parsed = v.safeParse(HighlightSchema, input, { abortEarly: true });
  if (parsed.success) return { ok: true, value: parsed.output };
  return { ok: false, message: parsed.issues[0].message };
}
