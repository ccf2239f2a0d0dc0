import * as v from 'valibot';
import type { ClubShare } from '../club/share-state';

/**
 * A share record as read back from the `clubShares` store (since v4). Checked on every read, like every other
 * record, so a damaged one is skipped and counted rather than sent to the club.
 */
const FailureSchema = v.variant('code', [
  v.object({ code: v.picklist(['offline', 'unauthorized', 'forbidden', 'not-found']) }),
  v.object({ code: v.literal('rate-limited'), retryAfterMs: v.pipe(v.number(), v.minValue(0)) }),
  v.object({ code: v.literal('server'), status: v.pipe(v.number(), v.integer()) }),
  v.object({ code: v.literal('invalid-response'), detail: v.pipe(v.string(), v.maxLength(500)) }),
]);

const Text = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ClubShareSchema = v.object({
  highlightId: Text(200),
  doiKey: Text(300),
  article: v.object({ doi: Text(300), entryId: Text(200) }),
  remoteId: v.nullable(Text(2_048)),
  pending: v.picklist(['none', 'publish', 'update', 'remove']),
  revision: Count,
  failure: v.nullable(FailureSchema),
  attempts: Count,
  notBefore: Count,
  queuedAt: Count,
}) satisfies v.GenericSchema<ClubShare>;
