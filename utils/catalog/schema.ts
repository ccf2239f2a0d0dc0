import * as v from 'valibot';
import { doiKey } from '../article/doi';
import { httpUrl } from '../article/http-url';
import { publishedDoi, publishedText } from '../validation';
import { localizedText, objectIssueMessage } from './localized';

/**
 * The shape of one catalog entry: a journal club's discussion of one article. Entries arrive from feeds we do
 * not control, so every field is checked and capped here; anything that passes is safe to store and to show.
 * Unknown fields are dropped rather than rejected, so that a newer feed still loads in an older extension.
 */

/** Caps that keep one hostile entry from filling memory or the panel. */
export const CATALOG_LIMITS = {
  idLength: 100,
  questionIdLength: 32,
  dois: 20,
  doiLength: 300,
  titleLength: 1_000,
  authors: 200,
  authorLength: 200,
  citationLength: 2_000,
  urls: 20,
  urlLength: 2_048,
  clubNameLength: 200,
  markdownLength: 20_000,
  questions: 20,
  questionLength: 2_000,
} as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Ids end up in storage keys and share links, so they are plain lowercase slugs. */
const slug = (maxLength: number) =>
  v.pipe(
    v.string('expected a string'),
    v.regex(SLUG, 'expected a slug (lowercase letters and digits, joined by single hyphens)'),
    v.maxLength(maxLength, `expected at most ${maxLength} characters`),
  );

/**
 * An array whose length is checked before its items, so that a feed with a million items fails on the count
 * instead of producing a million issues.
 */
const boundedArray = <const TItem extends v.GenericSchema>(item: TItem, min: number, max: number) =>
  v.pipe(
    v.array(v.unknown(), 'expected an array'),
    v.minLength(min, min === 1 ? 'expected at least one item' : `expected at least ${min} items`),
    v.maxLength(max, `expected at most ${max} items`),
    v.array(item, 'expected an array'),
  );

/**
 * The http(s) URL in `raw`, normalised, or null: `javascript:`, `data:` and relative URLs are not links we
 * follow, and a user name (`https://club.org@evil.example/`) only serves to disguise where a link goes.
 */
function parseHttpUrl(raw: string): string | null {
  const url = httpUrl(raw);
  return url !== null && url.username === '' && url.password === '' ? url.href : null;
}

const HttpUrlSchema = v.pipe(
  publishedText(CATALOG_LIMITS.urlLength),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const url = parseHttpUrl(dataset.value);
    if (url !== null) return url;
    addIssue({ message: 'expected an http(s) URL' });
    return NEVER;
  }),
);

const DoiSchema = publishedDoi(CATALOG_LIMITS.doiLength);

/** The same DOI written twice (e.g. in two cases) would only make lookups ambiguous; keep the first spelling. */
const dedupeDois = (dois: string[]) => dois.filter((doi, i) => dois.findIndex((d) => doiKey(d) === doiKey(doi)) === i);

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a club post's date is often known only to the year or month, and a made-up
 * day would be a fact we do not have.
 */
const PARTIAL_DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Rejects days that do not exist, such as 2021-02-30. */
function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return true;
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** The day of the club's discussion: a meeting is on a day, so the whole date is asked for. */
const MeetingSchema = v.pipe(
  v.string('expected a string'),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected an ISO date: YYYY-MM-DD'),
  v.check(isCalendarDate, 'expected a date that exists'),
);

const PublishedSchema = v.pipe(
  v.string('expected a string'),
  v.regex(PARTIAL_DATE, 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check(isCalendarDate, 'expected a date that exists'),
);

const QuestionSchema = v.object(
  {
    /** Highlights refer to questions by this id, so it must stay stable when the wording is edited. */
    id: slug(CATALOG_LIMITS.questionIdLength),
    text: localizedText(CATALOG_LIMITS.questionLength),
  },
  objectIssueMessage,
);

/** Question ids are unique within an entry, else a highlight could not say which question it answers. */
const QuestionsSchema = v.pipe(
  boundedArray(QuestionSchema, 1, CATALOG_LIMITS.questions),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const questions = dataset.value;
    questions.forEach((question, key) => {
      if (questions.findIndex((q) => q.id === question.id) === key) return;
      addIssue({
        message: `duplicate question id "${question.id}"`,
        path: [
          { type: 'array', origin: 'value', input: questions, key, value: question },
          { type: 'object', origin: 'value', input: question, key: 'id', value: question.id },
        ],
      });
    });
  }),
);

const ClubSchema = v.object(
  { name: localizedText(CATALOG_LIMITS.clubNameLength), url: HttpUrlSchema },
  objectIssueMessage,
);

export const CatalogEntrySchema = v.object(
  {
    id: slug(CATALOG_LIMITS.idLength),
    /** Version of record first, then preprints and other aliases; lookups match any of them. */
    dois: v.pipe(boundedArray(DoiSchema, 1, CATALOG_LIMITS.dois), v.transform(dedupeDois)),
    title: localizedText(CATALOG_LIMITS.titleLength),
    authors: boundedArray(publishedText(CATALOG_LIMITS.authorLength), 1, CATALOG_LIMITS.authors),
    /** The reference as the club wrote it; not localised, because a citation reads the same in any language. */
    citation: publishedText(CATALOG_LIMITS.citationLength),
    year: v.pipe(
      v.number('expected a number'),
      v.integer('expected a whole year'),
      v.minValue(1600, 'expected a year from 1600'),
      v.maxValue(2100, 'expected a year up to 2100'),
    ),
    /** Open-access copies; may be empty, since the DOI itself always resolves to the article. */
    articleUrls: boundedArray(HttpUrlSchema, 0, CATALOG_LIMITS.urls),
    /**
     * The article's PDF (the publisher's own, or a preprint's): where the panel offers to read it in the
     * extension's viewer, and which the viewer may open directly (never any PDF the catalog does not name).
     */
    pdfUrl: v.optional(HttpUrlSchema),
    club: ClubSchema,
    postUrl: HttpUrlSchema,
    summary: localizedText(CATALOG_LIMITS.markdownLength),
    commentary: localizedText(CATALOG_LIMITS.markdownLength),
    questions: QuestionsSchema,
    /** When the club posted it, only as precisely as known; absent when the post carries no date. */
    published: v.optional(PublishedSchema),
    /** The day the club meets to discuss it (the reader's calendar day), when the organisers set one. */
    meeting: v.optional(MeetingSchema),
  },
  objectIssueMessage,
);

export type Club = v.InferOutput<typeof ClubSchema>;
export type Question = v.InferOutput<typeof QuestionSchema>;
export type CatalogEntry = v.InferOutput<typeof CatalogEntrySchema>;
