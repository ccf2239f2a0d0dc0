import * as v from 'valibot';
import { DOI_MAX_LENGTH, DOI_SHAPE, normalizeDoi } from './article/doi';

/**
 * The valibot building blocks every schema shares: bounded text and the DOI, in the variants whose rules differ
 * on purpose, each named for why. Words are passed in, never looked up here, so that the catalog's Node tool can
 * use these too and each caller keeps its own voice (the reader's language for records, English for feeds).
 */

/** What a failed check says; a function is called only then, so a translation comes out in the current language. */
export type Message = string | (() => string);

export interface TextMessages {
  notText?: Message;
  tooLong?: Message;
}

export interface DoiMessages {
  missing: Message;
  tooLong: Message;
  malformed: Message;
}

const LONE_SURROGATE_SOURCE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
/** Half of a UTF-16 surrogate pair standing alone: broken text, which some renderers choke on. */
export const LONE_SURROGATE = new RegExp(LONE_SURROGATE_SOURCE, 'g');
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE_SOURCE);

/**
 * Text of at most `max` characters. Without messages, valibot's own: requests between the extension's contexts
 * need none, since a sender that breaks the protocol is not ours and is not answered.
 */
export const textUpTo = (max: number, messages: TextMessages = {}) =>
  v.pipe(v.string(messages.notText), v.maxLength(max, messages.tooLong));

/**
 * Text a club publishes (a title, an author, a citation): trimmed, and never empty, because an empty field is a
 * slip in a feed rather than a choice. In English, like every problem the catalog reports to a club's author.
 */
export const publishedText = (max: number) =>
  v.pipe(
    v.string('expected a string'),
    v.trim(),
    v.nonEmpty('expected a non-empty string'),
    v.maxLength(max, `expected at most ${max} characters`),
  );

/**
 * A stored highlight's DOI: only its shape, not `normalizeDoi(doi) === doi`. Stored highlights are checked again
 * on every read, and one must not turn unreadable because detection rules improved after it was saved.
 */
export const storedDoi = (messages: DoiMessages) =>
  v.pipe(
    v.string(messages.missing),
    v.maxLength(DOI_MAX_LENGTH, messages.tooLong),
    v.regex(DOI_SHAPE, messages.malformed),
  );

/**
 * A DOI in exactly the spelling detection produces, for what arrives in a share link: a link cannot smuggle
 * markup, broken text or another spelling of an article in.
 */
export const canonicalDoi = (messages: DoiMessages) =>
  v.pipe(
    v.string(messages.missing),
    v.maxLength(DOI_MAX_LENGTH, messages.tooLong),
    v.check((doi) => !HAS_LONE_SURROGATE.test(doi) && normalizeDoi(doi) === doi, messages.malformed),
  );

/**
 * A DOI as a club writes it by hand in its catalog (a resolver link, a `doi:` prefix…), normalised to the
 * spelling detection produces so that the catalog and the page agree.
 */
export const publishedDoi = (max: number) =>
  v.pipe(
    publishedText(max),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const doi = normalizeDoi(dataset.value);
      if (doi !== null) return doi;
      addIssue({ message: 'expected a DOI such as 10.1186/s12913-020-05145-1' });
      return NEVER;
    }),
  );
