import { doiKey } from '../article/doi';
import type { CatalogEntry } from '../catalog/schema';
import type { ClubArticle } from '../club/backend';
import type { ClubConnection } from '../club/connection';
import { clubArticleOf } from '../club/draft';
import { paintOrder } from '../club/paint-order';
import { type ClubShare, statusOf } from '../club/share-state';
import { buildThreads, type ClubThreads } from '../club/threads';
import type { ClubLayerView, ClubPageHighlight, ClubShareView } from '../club/views';
import type { CachedListing, ClubLayer } from './club-layer';
import { failureText } from './club-messages';
import type { ClubService } from './club-service';

const EMPTY_THREADS: ClubThreads = { questions: [], onMine: {}, total: 0, unthreaded: 0 };

export function shareView(share: ClubShare, connection: ClubConnection | null): ClubShareView {
  const status = statusOf(share);
  const visibility = share.pending === 'remove' ? 'only-me' : 'club';
  if (status.state !== 'failed') return { visibility, ...status };
  const reason = failureText(status.failure, connection?.config);
  return { visibility, state: 'failed', reason, retrying: status.retrying };
}

/** The reader's share records for one article (its club DOI). */
export async function articleShares(club: ClubService, article: ClubArticle): Promise<ClubShare[]> {
  const key = doiKey(article.doi);
  return (await club.deps.shares.list()).filter((share) => share.doiKey === key);
}

/** Published copies of the reader's own highlights: remote id → local id, so they are not listed twice. */
export function localCopies(shares: readonly ClubShare[]): Map<string, string> {
  return new Map(shares.flatMap((share) => (share.remoteId ? [[share.remoteId, share.highlightId] as const] : [])));
}

export function layerView(input: {
  connection: ClubConnection | null;
  listing: CachedListing | null;
  shares: readonly ClubShare[];
  entry: CatalogEntry;
  activity: { count: number; seenBefore: number | null };
}): ClubLayerView {
  const { connection, listing, shares, entry } = input;
  const annotations = listing?.annotations ?? [];
  return {
    connected: connection !== null,
    me: connection?.member ?? null,
    lastFetched: listing ? new Date(listing.fetchedAt).toISOString() : null,
    failure: listing?.failure ? failureText(listing.failure, connection?.config) : null,
    threads: listing
      ? buildThreads(
          annotations,
          localCopies(shares),
          entry.questions.map((q) => q.id),
        )
      : EMPTY_THREADS,
    shares: Object.fromEntries(shares.map((share) => [share.highlightId, shareView(share, connection)])),
    newCount: input.activity.count,
    seenBefore: input.activity.seenBefore === null ? null : new Date(input.activity.seenBefore).toISOString(),
  };
}

/**
 * The club highlights the page may paint: others' (and the reader's own made elsewhere), never a reply, nor a
 * published copy of one of the reader's highlights, which the page draws as theirs. At most the first
 * `MAX_PAINTED_CLUB_HIGHLIGHTS` by position: ten thousand members' quotes would make a message of megabytes that
 * the page could not paint anyway.
 */
export function pageView(listing: CachedListing | null, shares: readonly ClubShare[]): ClubPageHighlight[] {
  const mine = localCopies(shares);
  return paintOrder(
    (listing?.annotations ?? [])
      .filter(
        (annotation) =>
          annotation.replyTo === null && annotation.selectors.length > 0 && !mine.has(annotation.remoteId),
      )
      .map(({ remoteId, questionId, selectors }) => ({ remoteId, questionId, selectors })),
  );
}

/**
 * The club's threads on an article for the Markdown digest: the cached listing (fetched again only when older
 * than the layer's interval), without the reader's own shared highlights, which the digest lists as theirs.
 * Null when not connected.
 */
export async function digestThreads(
  club: { core: ClubService; layer: ClubLayer },
  entry: CatalogEntry,
  doi: string,
): Promise<ClubThreads | null> {
  if (!(await club.core.active())) return null;
  const article = clubArticleOf(entry, doi);
  const listing = await club.layer.listing(article);
  if (!listing) return null;
  const shares = await articleShares(club.core, article);
  return buildThreads(
    listing.annotations,
    localCopies(shares),
    entry.questions.map((q) => q.id),
  );
}
