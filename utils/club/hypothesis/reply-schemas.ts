import * as v from 'valibot';
import { ID_MAX_LENGTH } from '../../highlights/highlight';

/**
 * The parts of h's replies we read, checked before use: a reply is untrusted (another instance, a proxy, a
 * member's annotation). Each schema keeps only the fields named, so a reply's size is what the byte cap on the
 * body allows and no more survives; what a row may carry in length is cut when it is mapped (`from-row.ts`).
 */

/** `acct:<username>@<authority>`; h caps usernames at 30 characters, authorities are domain names. */
export const USER_ID_MAX_LENGTH = 300;
/** A timestamp as h writes it (`2019-01-03T19:46:09.334539+00:00`), with room for other spellings of one. */
const TIMESTAMP_MAX_LENGTH = 64;

const bounded = (max: number) => v.pipe(v.string(), v.nonEmpty(), v.maxLength(max));
const displayName = v.optional(v.nullable(v.object({ display_name: v.optional(v.nullable(v.string())) })));

/** `GET /api/profile`: `userid` is null when the token is unknown or revoked, which h answers with a 200. */
export const ProfileSchema = v.object({
  userid: v.nullable(bounded(USER_ID_MAX_LENGTH)),
  user_info: displayName,
});

/** One entry of `GET /api/groups`. */
export const GroupSchema = v.object({
  id: bounded(ID_MAX_LENGTH),
  name: v.string(),
  type: v.optional(v.string()),
});

/** Rows are checked one by one (`AnnotationRowSchema`), so one bad row costs only itself. */
export const SearchPageSchema = v.object({
  rows: v.array(v.unknown()),
  total: v.optional(v.number()),
});

/** What a row must have to be shown; selectors, tags and references are sorted out when it is mapped. */
export const AnnotationRowSchema = v.object({
  id: bounded(ID_MAX_LENGTH),
  created: bounded(TIMESTAMP_MAX_LENGTH),
  updated: bounded(TIMESTAMP_MAX_LENGTH),
  user: bounded(USER_ID_MAX_LENGTH),
  group: bounded(ID_MAX_LENGTH),
  // h writes '' for a highlight without a note; another server may write null or leave it out.
  text: v.fallback(v.string(), ''),
  tags: v.optional(v.array(v.unknown()), []),
  target: v.optional(v.array(v.unknown()), []),
  references: v.optional(v.array(v.unknown()), []),
  user_info: displayName,
});
export type AnnotationRow = v.InferOutput<typeof AnnotationRowSchema>;

/** The reply to a created annotation: only its id matters to us. */
export const CreatedSchema = v.object({ id: bounded(ID_MAX_LENGTH) });

/** The author of one annotation, for the ownership check before an edit or a delete. */
export const AuthorSchema = v.object({ user: bounded(USER_ID_MAX_LENGTH) });
