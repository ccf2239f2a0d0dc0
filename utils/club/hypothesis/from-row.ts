import * as v from 'valibot';
import type { TextPositionSelector, TextQuoteSelector } from '../../anchoring/types';
import { boundContext } from '../../highlights/context-bound';
import { ID_MAX_LENGTH, NOTE_MAX_LENGTH, QUOTE_MAX_LENGTH } from '../../highlights/highlight';
import { LONE_SURROGATE } from '../../validation';
import type { ClubAnnotation, ClubMember } from '../backend';
import { noteFromText } from './note-text';
import { AnnotationRowSchema } from './reply-schemas';
import { questionIdOf } from './tags';

/** Long enough for any real display name; a name is a label on a card, not a place for text. */
export const AUTHOR_NAME_MAX_LENGTH = 100;
/** h's selectors for one target are a handful (quote, position, range); more is not from a client. */
const SELECTORS_READ = 20;

const QuoteSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.nonEmpty(), v.maxLength(QUOTE_MAX_LENGTH)),
  prefix: v.optional(v.string(), ''),
  suffix: v.optional(v.string(), ''),
});
const offset = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const PositionSchema = v.pipe(
  v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check(({ start, end }) => start <= end),
);
const TargetSchema = v.object({ selector: v.optional(v.array(v.unknown()), []) });

/** A row read: the annotation, with the row's group and its `created` as sent (the next page's `search_after`). */
export interface RowReading {
  annotation: ClubAnnotation;
  group: string;
  created: string;
}

/**
 * One search row as the panel's club annotation, or null when it cannot be one (no id, no author, no real
 * time). Long fields are cut rather than refused: a member's 1 MB note still shows, as its first 2,000
 * characters, and the rest of the page is not lost for it.
 */
export function fromRow(input: unknown, me: string): RowReading | null {
  const parsed = v.safeParse(AnnotationRowSchema, input);
  if (!parsed.success) return null;
  const row = parsed.output;
  const createdAt = isoOf(row.created);
  const updatedAt = isoOf(row.updated);
  if (createdAt === null || updatedAt === null) return null;
  const questionId = questionIdOf(row.tags, ID_MAX_LENGTH);
  const annotation: ClubAnnotation = {
    remoteId: row.id,
    author: authorOf(row.user, row.user_info?.display_name),
    mine: row.user === me,
    createdAt,
    updatedAt,
    questionId,
    note: cut(noteFromText(row.text, questionId !== null), NOTE_MAX_LENGTH),
    selectors: selectorsOf(row.target[0]),
    replyTo: parentOf(row.references),
  };
  return { annotation, group: row.group, created: row.created };
}

/** The member as others see them: the display name, else the username of `acct:<username>@<authority>`. */
export function authorOf(userid: string, displayName: string | null | undefined): ClubMember {
  const name = (displayName ?? '').trim() || userid.replace(/^acct:/, '').replace(/@[^@]*$/, '');
  return { id: userid, name: cut(name, AUTHOR_NAME_MAX_LENGTH) };
}

/** Our two W3C selectors, the first of each kind; the others (Range, Page, XPath…) are not ours to anchor. */
function selectorsOf(target: unknown): (TextQuoteSelector | TextPositionSelector)[] {
  const parsed = v.safeParse(TargetSchema, target);
  if (!parsed.success) return [];
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  for (const selector of parsed.output.selector.slice(0, SELECTORS_READ)) {
    if (quote === null) {
      const parsedQuote = v.safeParse(QuoteSchema, selector);
      if (parsedQuote.success) quote = boundContext(parsedQuote.output);
    }
    if (position === null) {
      const parsedPosition = v.safeParse(PositionSchema, selector);
      if (parsedPosition.success) position = parsedPosition.output;
    }
  }
  return [quote, position].filter((selector) => selector !== null);
}

/** h's `references` run from the thread's root to the direct parent, which is the last. */
function parentOf(references: readonly unknown[]): string | null {
  const parent = references.at(-1);
  return typeof parent === 'string' && parent !== '' && parent.length <= ID_MAX_LENGTH ? parent : null;
}

/** One spelling of time for sorting and the panel: `toISOString`'s, from h's microseconds and `+00:00`. */
function isoOf(timestamp: string): string | null {
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** At most `max` characters, never half a surrogate pair, and no lone halves from the sender either. */
function cut(text: string, max: number): string {
  const kept = text.length <= max ? text : text.slice(0, /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max);
  return kept.replace(LONE_SURROGATE, '\uFFFD');
}
