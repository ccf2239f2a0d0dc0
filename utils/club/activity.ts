import type { ClubAnnotation } from './backend';

/** When the reader last looked at an article's club layer, and what was in it then. */
export interface SeenLayer {
  /** ms since the epoch. */
  at: number;
  /** The remote ids the reader saw, newest kept when there were more than {@link SEEN_IDS_KEPT}. */
  ids: string[];
  /** True when older ids were dropped: then anything created before `at` counts as seen. */
  truncated: boolean;
}

/** Enough for the busiest article; beyond it the time alone tells what is new. */
export const SEEN_IDS_KEPT = 2_000;

/**
 * How many of the club's annotations the reader has not seen: others' (never their own), not among the ids
 * seen. The ids, not only the time, decide, because a member's annotation written offline reaches the service
 * later than its `createdAt` says. Never seen at all: every annotation by others is new.
 */
export function newCount(listing: readonly ClubAnnotation[], seen: SeenLayer | null): number {
  if (seen === null) return listing.filter((annotation) => !annotation.mine).length;
  const ids = new Set(seen.ids);
  return listing.filter((annotation) => {
    if (annotation.mine || ids.has(annotation.remoteId)) return false;
    return !seen.truncated || Date.parse(annotation.createdAt) > seen.at;
  }).length;
}

/** What to remember when the reader sees a listing now. */
export function seenNow(listing: readonly ClubAnnotation[], now: number): SeenLayer {
  const newestFirst = [...listing].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return {
    at: now,
    ids: newestFirst.slice(0, SEEN_IDS_KEPT).map((annotation) => annotation.remoteId),
    truncated: listing.length > SEEN_IDS_KEPT,
  };
}
