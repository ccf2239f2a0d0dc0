import { bundledCatalog } from '../catalog/bundled';
import { createCatalogIndex } from '../catalog/lookup';
import { type CatalogError, parseCatalog } from '../catalog/parse';
import type { CatalogLookup } from './handle-request';

/**
 * Where the last good copy of each subscribed feed is kept, keyed by feed URL. Feeds are stored as fetched and
 * parsed on read, so a copy saved by an older version is validated by the current schema.
 */
export const FEED_CACHE_KEY = 'catalog.feeds';

/** The slice of `storage.local` the catalog reads. */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
}

export interface LoadedCatalog extends CatalogLookup {
  errors: CatalogError[];
}

/**
 * The catalog the background answers from: the bundled entries first, then every cached feed, later sources
 * overriding earlier ones by id. A broken feed or entry is reported and skipped; it never hides the others.
 */
export async function loadCatalog(area: LocalArea): Promise<LoadedCatalog> {
  const errors: CatalogError[] = [];
  const entries = [...bundledCatalog];
  let feeds: unknown;
  try {
    feeds = (await area.get(FEED_CACHE_KEY))[FEED_CACHE_KEY];
  } catch (error) {
    errors.push({ source: 'storage', index: null, id: null, message: `Cached feeds could not be read: ${error}` });
  }
  if (feeds && typeof feeds === 'object') {
    for (const [url, document] of Object.entries(feeds)) {
      const parsed = parseCatalog(document, url);
      entries.push(...parsed.entries);
      errors.push(...parsed.errors);
    }
  }
  const index = createCatalogIndex(entries);
  const byId = new Map(index.entries.map((entry) => [entry.id, entry]));
  return { find: index.find, get: (id) => byId.get(id) ?? null, errors };
}
