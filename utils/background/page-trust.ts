import type { CatalogEntry } from '../catalog/schema';
import type { Highlight } from '../highlights/highlight';

/** The origins the reader confirmed per catalog entry ("Show on this page"), kept in the background's storage. */
export interface ConfirmedOrigins {
  get(entryId: string): Promise<readonly string[]>;
  add(entryId: string, origin: string): Promise<void>;
}

/** Where `confirmed-origins` lives in `storage.local`: `{ [entryId]: origins[] }`. */
export const CONFIRMED_ORIGINS_KEY = 'confirmed-origins';
/** A reader confirms a handful of copies per article; the bound keeps the record small whatever happens. */
const MAX_ORIGINS_PER_ENTRY = 50;

/** The stored record with one more origin for an entry, the oldest dropped past the bound. */
export function withConfirmedOrigin(stored: unknown, entryId: string, origin: string): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  if (isRecord(stored)) for (const key of Object.keys(stored)) record[key] = readOrigins(stored, key);
  const current = (record[entryId] ?? []).filter((known) => known !== origin);
  return { ...record, [entryId]: [...current, origin].slice(-MAX_ORIGINS_PER_ENTRY) };
}

/** The origins confirmed for an entry in the stored record; anything unreadable counts as none. */
export function readOrigins(stored: unknown, entryId: string): string[] {
  const list = isRecord(stored) ? stored[entryId] : undefined;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/** The record kept in `storage.local` (or any area with the same two calls). */
export function createConfirmedOrigins(area: {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}): ConfirmedOrigins {
  const stored = async () => (await area.get(CONFIRMED_ORIGINS_KEY))[CONFIRMED_ORIGINS_KEY];
  return {
    get: async (entryId) => readOrigins(await stored(), entryId),
    add: async (entryId, origin) =>
      area.set({ [CONFIRMED_ORIGINS_KEY]: withConfirmedOrigin(await stored(), entryId, origin) }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const EXTENSION_PAGE = /^(?:chrome|moz)-extension:\/\//i;

export function originOf(url: string | null | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const { origin } = new URL(url);
  return origin === 'null' ? null : origin;
}

/**
 * Whether the page at `pageUrl` may have the reader's highlights painted by itself. A page can name any DOI, and
 * whatever the extension paints it can read back from `CSS.highlights`: so painting waits until the reader has
 * read the article on that site before (a highlight made there, or one of the entry's own article addresses) or
 * asked for it there ("Show on this page", remembered per entry). The extension's own PDF viewer is no such page:
 * nothing but the extension runs in it, and only it can be the page of a tab record with an extension address
 * (the browser names the sender), so highlights are always painted there.
 */
export function paintsOn(
  pageUrl: string | null | undefined,
  entry: CatalogEntry,
  highlights: readonly Highlight[],
  confirmed: readonly string[],
): boolean {
  if (pageUrl && EXTENSION_PAGE.test(pageUrl)) return true;
  const origin = originOf(pageUrl);
  if (origin === null) return false;
  if (confirmed.includes(origin)) return true;
  if (entry.articleUrls.some((url) => originOf(url) === origin)) return true;
  return highlights.some((highlight) => originOf(highlight.target.source) === origin);
}
