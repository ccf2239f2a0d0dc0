import type { CatalogChoices } from '../catalog/merge-sources';
import type { SessionArea } from './tab-registry';

/** Where the reader's approved feed sites live in `storage.local` (match patterns such as `https://club.example/*`). */
export const APPROVED_SITES_KEY = 'approvedFeedSites';
/** Where the reader's choices between catalogs claiming one article live in `storage.local`. */
export const CATALOG_CHOICES_KEY = 'catalogChoices';

/** More than a reader approves by hand; past it a stored list is damaged, and is cut rather than trusted whole. */
const MAX_STORED = 500;

/**
 * The reader's own decisions about feeds, kept by the background. The host permissions already cover every site,
 * so the browser's permission check can never refuse a feed (review F4): this list of sites the reader approved,
 * by subscribing on the options page, is what every fetch is checked against, and the reader can withdraw a
 * site there. The choices say which source answers for an article that two catalogs claim.
 */
export interface FeedTrust {
  approvedSites(): Promise<string[]>;
  setApprovedSites(sites: readonly string[]): Promise<void>;
  choices(): Promise<CatalogChoices>;
  setChoices(choices: CatalogChoices): Promise<void>;
}

/**
 * `seed` gives the sites of the feeds already subscribed, approved once when no list was ever stored: those
 * readers subscribed by hand before the list existed, and their feeds must keep working after the update.
 */
export function createFeedTrust(area: Pick<SessionArea, 'get' | 'set'>, seed: () => Promise<string[]>): FeedTrust {
  const read = async (key: string): Promise<unknown> => (await area.get(key))[key];
  return {
    approvedSites: async () => {
      const stored = await read(APPROVED_SITES_KEY);
      if (stored !== undefined) return parseSites(stored);
      const seeded = [...new Set(await seed())];
      // Reading the feeds takes a while: a list stored meanwhile (the reader subscribing while the options page's
      // first overview is being built) is the reader's newer word, and the seed must not overwrite it.
      const meanwhile = await read(APPROVED_SITES_KEY);
      if (meanwhile !== undefined) return parseSites(meanwhile);
      await area.set({ [APPROVED_SITES_KEY]: seeded });
      return seeded;
    },
    setApprovedSites: (sites) => area.set({ [APPROVED_SITES_KEY]: [...new Set(sites)].slice(0, MAX_STORED) }),
    choices: async () => parseChoices(await read(CATALOG_CHOICES_KEY)),
    setChoices: (choices) => area.set({ [CATALOG_CHOICES_KEY]: { ...choices } }),
  };
}

const SITE = /^(https:\/\/[^/*]+|http:\/\/(127\.0\.0\.1|localhost))\/\*$/;

function parseSites(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((site): site is string => typeof site === 'string' && SITE.test(site)).slice(0, MAX_STORED);
}

function parseChoices(stored: unknown): CatalogChoices {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const valid = Object.entries(stored).filter((pair): pair is [string, string] => typeof pair[1] === 'string');
  return Object.fromEntries(valid.slice(0, MAX_STORED));
}
