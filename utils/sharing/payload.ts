import * as v from 'valibot';
import { i18n } from '#i18n';
import {
  DOI_MESSAGES,
  ID_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  QuoteAndPositionSchema,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../highlights/highlight';
import { canonicalDoi, LONE_SURROGATE, textUpTo } from '../validation';

/**
 * What a share link carries: one highlight with everything a recipient needs to see it without the club's
 * catalog (the question's text travels with its id), and, for the recipient's extension, the selectors to find
 * the passage again.
 */
export interface SharedHighlight {
  doi: string;
  questionId: string | null;
  /** Shown where the recipient's catalog lacks the question (another club, an older catalog). */
  questionText: string | null;
  note: string;
  selectors: [TextQuoteSelector, TextPositionSelector];
  clubName: string;
  /** Decoded links always carry `string | null` here, never `undefined`. */
  entryId?: string | null;
  title?: string | null;
}

/** Catalog questions are a sentence or two; the bound only keeps hostile links from carrying pages of text. */
export const QUESTION_TEXT_MAX_LENGTH = 1_000;
export const CLUB_NAME_MAX_LENGTH = 200;
export const TITLE_MAX_LENGTH = 500;
/** Far more than fit in {@link SHARE_ALL_MAX_LENGTH}; a cap for hand-made payloads. */
export const SHARE_ALL_MAX_ITEMS = 500;

/** Embedding, override and isolate controls: they can make text read differently from what it is. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\x85]/g;
const CONTROLS_EXCEPT_NEWLINE_AND_TAB = /[^\P{Cc}\n\t]/gu;
const CONTROL_RUNS = /[\p{Cc}\u2028\u2029]+/gu;

/**
 * Plain text for a one-line field (question, club, title, ids): control characters (line breaks included) become
 * one space, bidi controls go, broken UTF-16 becomes U+FFFD. The UI renders these as text, never as HTML, so
 * markup in them is harmless characters; this only removes what could garble or disguise the displayed text.
 */
export function toSingleLine(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(BIDI_CONTROLS, '').replace(CONTROL_RUNS, ' ');
}

/** As {@link toSingleLine}, but a note keeps its line breaks (as `\n`) and tabs. */
export function toMultiline(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(BIDI_CONTROLS, '')
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROLS_EXCEPT_NEWLINE_AND_TAB, '');
}

/**
 * Structural problems get one message: only a hand-made or corrupted link has them, and no detail would help.
 * Messages are looked up when a check fails, so they come out in the reader's language.
 */
const SHAPE = () => i18n.t('validation.linkShape');
const POSITION = () => i18n.t('validation.positionMalformed');

const text = (what: () => string, max: number, clean: (value: string) => string) =>
  v.pipe(
    textUpTo(max, {
      notText: () => i18n.t('validation.notText', [what()]),
      tooLong: () => i18n.t('validation.tooLong', [what(), String(max)]),
    }),
    v.transform(clean),
  );

const id = (what: () => string) =>
  v.nullable(
    v.pipe(
      text(what, ID_MAX_LENGTH, toSingleLine),
      v.nonEmpty(() => i18n.t('validation.empty', [what()])),
    ),
  );

/** One highlight in the payload; keys are single letters because every byte lengthens the link. */
const ItemSchema = v.pipe(
  v.object(
    {
      /** question id */
      i: v.optional(
        id(() => i18n.t('validation.questionId')),
        null,
      ),
      /** question text */
      w: v.optional(
        v.nullable(text(() => i18n.t('validation.question'), QUESTION_TEXT_MAX_LENGTH, toSingleLine)),
        null,
      ),
      n: v.optional(
        text(() => i18n.t('validation.note'), NOTE_MAX_LENGTH, toMultiline),
        '',
      ),
      /** exact, prefix, suffix, [start, end] of the selectors */
      x: v.string(() => i18n.t('validation.passageMissing')),
      p: v.optional(
        v.string(() => i18n.t('validation.mustBeText', [i18n.t('validation.textBefore')])),
        '',
      ),
      s: v.optional(
        v.string(() => i18n.t('validation.mustBeText', [i18n.t('validation.textAfter')])),
        '',
      ),
      a: v.tuple([v.number(POSITION), v.number(POSITION)], POSITION),
    },
    SHAPE,
  ),
  v.transform(({ i, w, n, x, p, s, a }) => ({
    questionId: i,
    questionText: w,
    note: n,
    selectors: [
      { type: 'TextQuoteSelector', exact: fixUtf16(x), prefix: fixUtf16(p), suffix: fixUtf16(s) },
      { type: 'TextPositionSelector', start: a[0], end: a[1] },
    ] as const,
  })),
  v.object(
    {
      questionId: v.nullable(v.string(SHAPE)),
      questionText: v.nullable(v.string(SHAPE)),
      note: v.string(SHAPE),
      selectors: QuoteAndPositionSchema,
    },
    SHAPE,
  ),
);

/**
 * Version 1 of the payload: one envelope per article and club, with one or more highlights. Unknown keys are
 * ignored (not rejected) so that a later version may add optional fields without breaking older readers; they
 * never reach the output.
 */
export const PayloadSchema = v.object(
  {
    d: canonicalDoi(DOI_MESSAGES),
    c: text(() => i18n.t('validation.clubName'), CLUB_NAME_MAX_LENGTH, toSingleLine),
    e: v.optional(
      id(() => i18n.t('validation.entryId')),
      null,
    ),
    t: v.optional(v.nullable(text(() => i18n.t('validation.articleTitle'), TITLE_MAX_LENGTH, toSingleLine)), null),
    h: v.pipe(
      v.array(ItemSchema, () => i18n.t('validation.linkEmpty')),
      v.minLength(1, () => i18n.t('validation.linkEmpty')),
      v.maxLength(SHARE_ALL_MAX_ITEMS, () => i18n.t('validation.linkTooMany')),
    ),
  },
  SHAPE,
);

export type PayloadResult = { ok: true; shared: SharedHighlight[] } | { ok: false; error: string };

/** Validated highlights from parsed JSON; the error is the first problem, as a sentence. */
export function parsePayload(json: unknown): PayloadResult {
  const parsed = v.safeParse(PayloadSchema, json, { abortEarly: true });
  if (!parsed.success) return { ok: false, error: parsed.issues[0].message };
  const { d, c, e, t, h } = parsed.output;
  const shared = h.map(
    (item): SharedHighlight => ({
      doi: d,
      questionId: item.questionId,
      questionText: item.questionText,
      note: item.note,
      selectors: [{ ...item.selectors[0] }, { ...item.selectors[1] }],
      clubName: c,
      entryId: e,
      title: t,
    }),
  );
  return { ok: true, shared };
}

/**
 * The JSON form of highlights of one article and club. Fields equal to their default are left out. Assumes
 * `items` passed {@link parsePayload}'s rules (the caller validates); the envelope comes from the first item.
 */
export function toPayload(items: readonly SharedHighlight[]): unknown {
  const first = items[0];
  if (first === undefined) throw new TypeError('There is nothing to share.');
  return {
    d: first.doi,
    c: first.clubName,
    ...(first.entryId != null && { e: first.entryId }),
    ...(first.title != null && { t: first.title }),
    h: items.map(({ questionId, questionText, note, selectors: [quote, position] }) => ({
      ...(questionId !== null && { i: questionId }),
      ...(questionText !== null && { w: questionText }),
      ...(note !== '' && { n: note }),
      x: quote.exact,
      ...(quote.prefix !== '' && { p: quote.prefix }),
      ...(quote.suffix !== '' && { s: quote.suffix }),
      a: [position.start, position.end],
    })),
  };
}

function fixUtf16(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}
