import * as v from 'valibot';
import { doiKey } from '../article/doi';
import { newCount, seenNow } from '../club/activity';
import type { ClubAnnotation, ClubArticle, ClubFailure } from '../club/backend';
import { MAX_CLUB_ANNOTATIONS } from '../club/threads';
import type { ClubService } from './club-service';
import type { SessionArea } from './tab-registry';

/** One article's club listing as last fetched; a failed fetch keeps the annotations of the one before. */
export interface CachedListing {
  fetchedAt: number;
  annotations: ClubAnnotation[];
  failure: ClubFailure | null;
}

/** A listing is fetched again after a minute at the soonest, unless the panel has just been opened. */
export const LAYER_MIN_INTERVAL_MS = 60_000;
/** Even the panel opening again and again asks the service at most this often. */
export const LAYER_FORCED_INTERVAL_MS = 5_000;
/**
 * Session storage is small (10 MB in Chromium) and holds the tabs' records too, which must never fail to be
 * written: so only the few articles read last are copied there, each only when small enough; the others are
 * kept in memory alone, and fetched again after the worker slept.
 */
const SESSION_COPY_MAX_CHARS = 1_000_000;
const SESSION_COPIES = 3;
const SESSION_INDEX = 'club-layer-index';

const sessionKey = (key: string) => `club-layer:${key}`;
const CachedSchema = v.object({
  fetchedAt: v.number(),
  annotations: v.array(v.any()),
  failure: v.nullable(v.any()),
}) as v.GenericSchema<unknown, CachedListing>;

/**
 * The club layer of each article, fetched through the connection's backend and kept per DOI key in memory and in
 * `storage.session`, so that a worker woken by the panel or the page does not ask the service again within the
 * interval. Two requests for the same article while a fetch is out share it.
 */
export function createClubLayer(
  club: ClubService,
  session: SessionArea,
  /** Told when what the pages paint of an article may have changed (its DOI key; null: every article's). */
  onPageChange: (key: string | null) => void = () => {},
  /** Told when an article's "new from the club" count was stored again (its DOI key), for the toolbar badges. */
  onCountChange: (key: string) => void = () => {},
) {
  const memory = new Map<string, CachedListing>();
  const inFlight = new Map<string, Promise<CachedListing | null>>();
  const { storage, now } = club.deps;

  async function cached(key: string): Promise<CachedListing | null> {
    const known = memory.get(key);
    if (known) return known;
    const parsed = v.safeParse(CachedSchema, (await session.get(sessionKey(key)))[sessionKey(key)]);
    if (!parsed.success) return null;
    memory.set(key, parsed.output);
    return parsed.output;
  }

  async function keep(key: string, listing: CachedListing): Promise<void> {
    const before = memory.get(key) ?? (await cached(key));
    memory.set(key, listing);
    if (paintedSignature(before?.annotations ?? []) !== paintedSignature(listing.annotations)) onPageChange(key);
    await copyToSession(key, listing).catch(() => undefined);
    const seen = await storage.seen(key);
    await storage.setNewCount(key, newCount(listing.annotations, seen), now().getTime());
    onCountChange(key);
  }

  async function copyToSession(key: string, listing: CachedListing): Promise<void> {
    const stored = (await session.get(SESSION_INDEX))[SESSION_INDEX];
    const index = Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
    const small = JSON.stringify(listing).length <= SESSION_COPY_MAX_CHARS;
    const kept = [...index.filter((item) => item !== key), ...(small ? [key] : [])];
    for (const dropped of [...kept.slice(0, -SESSION_COPIES), ...(small ? [] : [key])]) {
      await session.remove(sessionKey(dropped));
    }
    await session.set({ [SESSION_INDEX]: kept.slice(-SESSION_COPIES) });
    if (small) await session.set({ [sessionKey(key)]: listing });
  }

  /**
   * The article's listing, fetched when the cached one is older than the interval (`force`: the panel opening
   * asks sooner). Null when not connected. A failure is kept with the previous annotations, and counts as a
   * fetch for the interval, so a service that is down is not asked on every request.
   */
  async function listing(article: ClubArticle, force = false): Promise<CachedListing | null> {
    const key = doiKey(article.doi);
    const running = inFlight.get(key);
    if (running) return running;
    const fetch = (async () => {
      const active = await club.active();
      if (!active) return null;
      const before = await cached(key);
      const interval = force ? LAYER_FORCED_INTERVAL_MS : LAYER_MIN_INTERVAL_MS;
      if (before && now().getTime() - before.fetchedAt < interval) return before;
      const result = await active.backend.list(article);
      const after: CachedListing = result.ok
        ? {
            fetchedAt: now().getTime(),
            annotations: result.value.annotations.slice(0, MAX_CLUB_ANNOTATIONS),
            failure: null,
          }
        : { fetchedAt: now().getTime(), annotations: before?.annotations ?? [], failure: failureOf(result) };
      await keep(key, after);
      return after;
    })();
    inFlight.set(key, fetch);
    try {
      return await fetch;
    } finally {
      inFlight.delete(key);
    }
  }

  /** Changes the cached listing after the reader's own reply, edit or deletion was accepted by the service. */
  async function patch(article: ClubArticle, change: (annotations: ClubAnnotation[]) => ClubAnnotation[]) {
    const key = doiKey(article.doi);
    const before = await cached(key);
    if (before) await keep(key, { ...before, annotations: change(before.annotations) });
  }

  /** The reader opened the club layer: what they see now is no longer new. Returns when they last saw it. */
  async function markSeen(article: ClubArticle, annotations: readonly ClubAnnotation[]): Promise<number | null> {
    const key = doiKey(article.doi);
    const previous = await storage.seen(key);
    const at = now().getTime();
    await storage.setSeen(key, seenNow(annotations, at));
    await storage.setNewCount(key, 0, at);
    onCountChange(key);
    return previous?.at ?? null;
  }

  async function clear(): Promise<void> {
    const stored = (await session.get(SESSION_INDEX))[SESSION_INDEX];
    const index = Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
    for (const key of new Set([...memory.keys(), ...index])) await session.remove(sessionKey(key));
    await session.remove(SESSION_INDEX);
    memory.clear();
    onPageChange(null);
  }

  return { listing, cached: (article: ClubArticle) => cached(doiKey(article.doi)), patch, markSeen, clear };
}

/** What the page paints of a listing changes only with the annotations' ids and versions. */
function paintedSignature(annotations: readonly ClubAnnotation[]): string {
  return annotations.map((annotation) => `${annotation.remoteId}@${annotation.updatedAt}`).join('\n');
}

function failureOf(result: { ok: false } & ClubFailure): ClubFailure {
  const { ok: _ok, ...failure } = result;
  return failure;
}

export type ClubLayer = ReturnType<typeof createClubLayer>;
