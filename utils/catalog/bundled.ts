import feed from './bundled.json';
import { type CatalogError, parseCatalog } from './parse';
import type { CatalogEntry } from './schema';

/**
 * The catalog that ships with the extension, so that it is useful before any feed is subscribed and works
 * offline. It goes through the same `parseCatalog` as a feed, so it cannot drift from the schema (a unit test
 * asserts `bundledCatalogErrors` is empty).
 *
 * The Albers 2020 entry is Research Impact Canada's KMb Journal Club post, copied verbatim. It has no
 * `published` date because the post as we have it carries none, and a guessed date would be a made-up fact.
 */
const parsed = parseCatalog(feed, 'bundled');

export const bundledCatalog: readonly CatalogEntry[] = parsed.entries;
export const bundledCatalogErrors: readonly CatalogError[] = parsed.errors;
