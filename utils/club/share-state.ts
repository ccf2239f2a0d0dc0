import type { ClubArticle, ClubFailure } from './backend';

/**
 * What the club layer knows of one of the reader's highlights shared with "My club": whether the service has a
 * copy, and what still has to reach it. The highlight itself stays in the `highlights` store, the source of truth;
 * this record only says what to send, so an edit made offline is sent as the latest text, not as a stale copy.
 */
export interface ClubShare {
  highlightId: string;
  /** `doiKey` of the highlight's article, so one article's shares can be listed for its cards. */
  doiKey: string;
  /** Kept here because a deletion must still reach the service after the highlight itself is gone. */
  article: ClubArticle;
  /** The service's id for the published copy; null until the first publish succeeds. */
  remoteId: string | null;
  /** What the service still lacks: nothing, the first copy, the latest edit, or the deletion. */
  pending: 'none' | 'publish' | 'update' | 'remove';
  /** Bumped by every change of intent, so a success for an older intent does not clear a newer one. */
  revision: number;
  /** Why the last attempt failed; null once one succeeds. */
  failure: ClubFailure | null;
  attempts: number;
  /** Not before this time (ms since the epoch): a back-off after a failure, or the service's Retry-After. */
  notBefore: number;
  /** When the intent was first queued (ms), so the outbox sends in the order the reader acted. */
  queuedAt: number;
}

/** What a card says about its highlight's copy in the club. */
export type ShareStatus =
  | { state: 'queued' }
  | { state: 'published' }
  | { state: 'failed'; failure: ClubFailure; retrying: boolean };

const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/** The reader chose "My club" for a highlight (or saved one with that default). */
export function shared(
  current: ClubShare | null,
  highlight: { id: string; doiKey: string; article: ClubArticle },
  now: number,
): ClubShare {
  if (current?.pending === 'remove' && current.remoteId !== null) return intend(current, 'update', now);
  if (current) return current;
  return {
    highlightId: highlight.id,
    doiKey: highlight.doiKey,
    article: highlight.article,
    remoteId: null,
    pending: 'publish',
    revision: 1,
    failure: null,
    attempts: 0,
    notBefore: now,
    queuedAt: now,
  };
}

/** The reader changed the note or the question of a shared highlight: that is also a reason to try again now. */
export function edited(current: ClubShare, now: number): ClubShare {
  return intend(current, current.pending === 'none' ? 'update' : current.pending, now);
}

/**
 * The reader deleted the highlight, or made it "Only me" again. A copy never sent is simply forgotten (null);
 * a published one must be deleted from the service.
 */
export function withdrawn(current: ClubShare, now: number): ClubShare | null {
  if (current.remoteId === null) return null;
  return intend(current, 'remove', now);
}

/**
 * After the service accepted `sent` (the record as it was when the call started); `current` is the record now,
 * null if the reader withdrew a never-published highlight meanwhile. Null when nothing is left to keep.
 */
export function succeeded(current: ClubShare | null, sent: ClubShare, remoteId?: string): ClubShare | null {
  if (current === null) {
    // Withdrawn while its first copy was on the way: that copy must now be deleted.
    return remoteId === undefined ? null : { ...sent, remoteId, pending: 'remove', revision: sent.revision + 1 };
  }
  if (sent.pending === 'remove') {
    // The copy is deleted. Withdrawn again since, nothing is left; shared again since, it is a new copy to publish.
    if (current.revision === sent.revision || current.pending === 'remove') return null;
    return { ...current, remoteId: null, pending: 'publish', failure: null, attempts: 0 };
  }
  const published = { ...current, remoteId: remoteId ?? current.remoteId, failure: null, attempts: 0 };
  if (current.revision !== sent.revision) {
    // The reader acted while the call was out: what they did last still has to be sent.
    const next = current.pending === 'publish' && published.remoteId !== null ? 'update' : current.pending;
    return { ...published, pending: next };
  }
  return { ...published, pending: 'none' };
}

/**
 * After the service refused or could not be reached. Nothing is dropped: the intent stays, with the reason for
 * the card and the time of the next try. A copy the service no longer has is published afresh on its next edit.
 */
export function failed(current: ClubShare, failure: ClubFailure, now: number): ClubShare {
  if (failure.code === 'not-found' && current.pending === 'update') {
    return { ...current, remoteId: null, pending: 'publish', failure: null, attempts: 0, notBefore: now };
  }
  const attempts = current.attempts + 1;
  const wait =
    failure.code === 'rate-limited'
      ? failure.retryAfterMs
      : Math.min(FIRST_BACKOFF_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS);
  return { ...current, failure, attempts, notBefore: now + wait };
}

/**
 * The shares to send now, oldest intent first. Only `offline`, `rate-limited` and `server` failures are retried
 * on their own; the others wait for the reader (a new token, a new edit) so that a refused request is not
 * repeated every few minutes.
 */
export function due(shares: readonly ClubShare[], now: number): ClubShare[] {
  return shares
    .filter(
      (share) => share.pending !== 'none' && share.notBefore <= now && (!share.failure || isTransient(share.failure)),
    )
    .sort((a, b) => a.queuedAt - b.queuedAt);
}

/** Makes every share waiting on the reader eligible again: after they reconnect, or press "Try again". */
export function retryNow(share: ClubShare, now: number): ClubShare {
  return share.pending === 'none' ? share : { ...share, failure: null, notBefore: now };
}

export function statusOf(share: ClubShare): ShareStatus {
  if (share.failure) return { state: 'failed', failure: share.failure, retrying: isTransient(share.failure) };
  return share.pending === 'none' ? { state: 'published' } : { state: 'queued' };
}

export function isTransient(failure: ClubFailure): boolean {
  return failure.code === 'offline' || failure.code === 'rate-limited' || failure.code === 'server';
}

function intend(current: ClubShare, pending: ClubShare['pending'], now: number): ClubShare {
  return { ...current, pending, revision: current.revision + 1, failure: null, attempts: 0, notBefore: now };
}
