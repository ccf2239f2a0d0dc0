import type { ClubArticle, ClubFailure, ClubListing, ClubResult } from '../backend';
import { statusFailure } from './http-failure';
import { articleDocumentName, membersContainer } from './layout';
import { MEMBER_DOCUMENT_MAX_BYTES, type MemberAnnotations, readMemberDocument } from './member-document';
import { listMemberContainers } from './members-index';
import type { PodSession } from './pod-session';
import { readJsonCapped } from './read-json';

/**
 * Every member's annotations on one article: the members index, then each member's document for the article,
 * a few at a time. 1 + members requests, whatever the number of annotations. Documents unchanged since the last
 * listing answer 304 to their ETag and are not read again.
 */
const PARALLEL_REQUESTS = 6;
/** Documents remembered with their ETag; a club's few open articles, times its members. */
const CACHE_MAX = 500;

/** Failures that say the pod or the reader's access is unavailable, not that one member's document is bad. */
const POD_FAILURES = new Set<ClubFailure['code']>(['offline', 'unauthorized', 'rate-limited']);

interface Cached {
  etag: string;
  read: MemberAnnotations;
}

export type DocumentCache = Map<string, Cached>;

export async function listArticle(
  session: PodSession,
  club: string,
  readerWebId: string,
  article: ClubArticle,
  cache: DocumentCache,
): Promise<ClubResult<ClubListing>> {
  const containers = await listMemberContainers(session, club);
  if (!containers.ok) return containers;
  const name = articleDocumentName(article.doi);
  const results: (ClubResult<MemberAnnotations> | null)[] = [];
  const queue = containers.value.map((container, index) => ({ container, index }));
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const documentUrl = `${next.container}${name}`;
      const slug = next.container.slice(membersContainer(club).length, -1);
      const result = await readDocument(session, documentUrl, cache, {
        documentUrl,
        doi: article.doi,
        entryId: article.entryId,
        readerWebId,
        containerSlug: slug,
      });
      results[next.index] = result;
      // The listing fails as a whole (below): the other members' documents need not be asked for.
      if (result !== null && !result.ok) queue.length = 0;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
  const listing: ClubListing = { annotations: [], requests: 1 + containers.value.length, dropped: 0 };
  for (const result of results) {
    if (result === null || result === undefined) continue;
    // One member's document unreachable means the pod is: the panel keeps its last listing rather than show
    // a partial one as if it were whole.
    if (!result.ok) return result;
    listing.annotations.push(...result.value.annotations);
    listing.dropped = (listing.dropped ?? 0) + result.value.dropped;
  }
  return { ok: true, value: listing };
}

/**
 * One member's document: null when the member has none for this article (404), their annotations otherwise.
 * A failure that is the pod's or the reader's (offline, the token refused, the rate limit) fails the listing;
 * any other refusal of one document (403: the owner's ACLs leave that member out; a type the server cannot
 * serve as JSON; a 5xx on that one resource) is that member's document dropped, so that nothing one member
 * stores can hide the others.
 */
async function readDocument(
  session: PodSession,
  url: string,
  cache: DocumentCache,
  context: Parameters<typeof readMemberDocument>[1],
): Promise<ClubResult<MemberAnnotations> | null> {
  const cached = cache.get(url);
  // Plain JSON too: a document stored as `application/json` is served as it is, rather than refused (406).
  const headers: Record<string, string> = { Accept: 'application/ld+json, application/json;q=0.9' };
  if (cached !== undefined) headers['If-None-Match'] = cached.etag;
  const sent = await session.request('GET', url, { headers });
  if (!sent.ok) return sent;
  const response = sent.value;
  if (response.status === 304 && cached !== undefined) return { ok: true, value: cached.read };
  const failure: ClubFailure | null = statusFailure(response);
  if (failure !== null || response.status === 304) {
    await response.body?.cancel().catch(() => {});
    cache.delete(url);
    if (failure === null || failure.code === 'not-found') return null;
    if (POD_FAILURES.has(failure.code)) return { ok: false, ...failure };
    return { ok: true, value: { annotations: [], dropped: 1 } };
  }
  const json = await readJsonCapped(response, MEMBER_DOCUMENT_MAX_BYTES);
  // A member's oversized or broken document is theirs to fix: it counts as dropped, the others still show.
  const read = json.ok ? await readMemberDocument(json.value, context) : { annotations: [], dropped: 1 };
  const etag = response.headers.get('ETag');
  if (etag !== null && json.ok) remember(cache, url, { etag, read });
  return { ok: true, value: read };
}

function remember(cache: DocumentCache, url: string, entry: Cached): void {
  cache.delete(url);
  cache.set(url, entry);
  const oldest = cache.keys().next().value;
  if (cache.size > CACHE_MAX && oldest !== undefined) cache.delete(oldest);
}
