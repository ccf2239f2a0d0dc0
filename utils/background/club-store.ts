import * as v from 'valibot';
import type { SeenLayer } from '../club/activity';
import { type ClubCatalogCopy, OrganisersSchema, type StoredCopy, StoredCopySchema } from '../club/club-catalog-copy';
import { CLUB_CONNECTION_KEY, type ClubConnection, parseConnection } from '../club/connection';
import type { SessionArea } from './tab-registry';

/** What the last drain of the outbox did, for the options page. */
export interface LastSync {
  at: string;
  sent: number;
  failed: number;
  /** The failure that stopped it, as a code (worded when shown). */
  stoppedBy: string | null;
}

const LAST_SYNC_KEY = 'club-last-sync';
const SEEN_KEY = 'club-seen';
const COUNTS_KEY = 'club-new-counts';
const CATALOG_KEY = 'club-catalog';
const ORGANISERS_KEY = 'club-organisers';
/** Articles remembered for "new from the club"; the ones looked at longest ago are forgotten first. */
const ARTICLES_KEPT = 200;

const LastSyncSchema = v.object({
  at: v.string(),
  sent: v.number(),
  failed: v.number(),
  stoppedBy: v.nullable(v.string()),
}) satisfies v.GenericSchema<unknown, LastSync>;
const SeenSchema = v.object({ at: v.number(), ids: v.array(v.string()), truncated: v.boolean() });
const SeenRecordSchema = v.record(v.string(), SeenSchema);
const CountsSchema = v.record(v.string(), v.object({ count: v.number(), at: v.number() }));

/**
 * The club's records in `storage.local` (the background's, like the feeds' trust list): the connection with its
 * secret, the last sync, and per article when the reader last saw its club layer and how much is new since.
 * Everything is checked on read; a damaged record counts as none.
 */
export function createClubStorage(local: SessionArea) {
  const read = async <T>(key: string, schema: v.GenericSchema<unknown, T>): Promise<T | null> => {
    const parsed = v.safeParse(schema, (await local.get(key))[key]);
    return parsed.success ? parsed.output : null;
  };
  const keepNewest = <T extends { at: number }>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(
      Object.entries(record)
        .sort(([, a], [, b]) => b.at - a.at)
        .slice(0, ARTICLES_KEPT),
    );

  return {
    connection: async (): Promise<ClubConnection | null> =>
      parseConnection((await local.get(CLUB_CONNECTION_KEY))[CLUB_CONNECTION_KEY]),
    saveConnection: (connection: ClubConnection) => local.set({ [CLUB_CONNECTION_KEY]: connection }),
    lastSync: () => read(LAST_SYNC_KEY, LastSyncSchema),
    setLastSync: (sync: LastSync) => local.set({ [LAST_SYNC_KEY]: sync }),
    seen: async (doiKey: string): Promise<SeenLayer | null> =>
      (await read(SEEN_KEY, SeenRecordSchema))?.[doiKey] ?? null,
    /** The articles whose club layer the reader has opened, for the reading list's refresh. */
    seenArticles: async (): Promise<string[]> => Object.keys((await read(SEEN_KEY, SeenRecordSchema)) ?? {}),
    setSeen: async (doiKey: string, seen: SeenLayer) => {
      const record = (await read(SEEN_KEY, SeenRecordSchema)) ?? {};
      await local.set({ [SEEN_KEY]: keepNewest({ ...record, [doiKey]: seen }) });
    },
    newCounts: async (): Promise<Record<string, number>> =>
      Object.fromEntries(Object.entries((await read(COUNTS_KEY, CountsSchema)) ?? {}).map(([k, c]) => [k, c.count])),
    setNewCount: async (doiKey: string, count: number, at: number) => {
      const record = (await read(COUNTS_KEY, CountsSchema)) ?? {};
      await local.set({ [COUNTS_KEY]: keepNewest({ ...record, [doiKey]: { count, at } }) });
    },
    /** The last good reading of the club's catalog (`club-catalog-copy.ts`); its entries are still unchecked. */
    catalogCopy: (): Promise<StoredCopy | null> => read(CATALOG_KEY, StoredCopySchema),
    setCatalogCopy: (copy: ClubCatalogCopy) => local.set({ [CATALOG_KEY]: copy }),
    /** The club's organisers as its settings name them, for a service that keeps no roles. */
    organisers: async (): Promise<string[]> => (await read(ORGANISERS_KEY, OrganisersSchema)) ?? [],
    setOrganisers: (ids: string[]) => local.set({ [ORGANISERS_KEY]: ids }),
    /** Disconnecting: the secret and everything learnt from the club go; the reader's highlights stay. */
    forgetAll: async () => {
      for (const key of [CLUB_CONNECTION_KEY, LAST_SYNC_KEY, SEEN_KEY, COUNTS_KEY, CATALOG_KEY, ORGANISERS_KEY]) {
        await local.remove(key);
      }
    },
  };
}

export type ClubStorage = ReturnType<typeof createClubStorage>;
