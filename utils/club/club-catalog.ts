import type { CatalogEntry } from '../catalog/schema';
import type { ClubMember, ClubResult } from './backend';

/**
 * The club's own catalog on its service, beside its annotations: organisers publish catalog entries there, and
 * every member's extension reads them as one more catalog source, so a club needs no feed hosting. A member who
 * is not an organiser may publish too; theirs is a suggestion, listed for the organisers, never merged.
 *
 * On Hypothesis an entry is an annotation in the group on one fixed address, tagged as a catalog entry, with the
 * entry's JSON as its text; on a Solid pod it is one JSON document per entry in the club's `catalog/` container
 * (organisers') or in the member's own container (a suggestion).
 */
export interface ClubCatalog {
  /** Publishes the entry, or replaces the copy the reader published before under the same entry id. */
  publish(entry: CatalogEntry): Promise<ClubResult<{ remoteId: string }>>;
  /** Takes back the reader's own published copy; one already gone counts as done. */
  withdraw(remoteId: string): Promise<ClubResult<void>>;
  /** Every entry published in the club, with who published it: untrusted, each read by `readPublished`. */
  list(): Promise<ClubResult<PublishedListing>>;
}

/**
 * Whether the service itself says the publisher organises the club: a Hypothesis group's owner, admins and
 * moderators; on a pod, whoever may write the club's `catalog/` (the ACL decides, so a document there says it).
 * `unknown` when the service does not say (an h instance without group roles): the club's settings decide.
 */
export type PublisherRole = 'organiser' | 'member' | 'unknown';

/** One published entry as the service holds it; `raw` is the entry as sent, not yet validated. */
export interface PublishedItem {
  remoteId: string;
  publisher: ClubMember;
  role: PublisherRole;
  /** Whether the connected reader published it (only those may be updated or withdrawn). */
  mine: boolean;
  updatedAt: string;
  raw: unknown;
}

export interface PublishedListing {
  items: PublishedItem[];
  /** Items the service sent that could not be read at all (too big, not JSON), each said in a line. */
  problems: string[];
  requests: number;
}

/** The most a published entry may weigh as text: a full entry at every cap is under this. */
export const PUBLISHED_ENTRY_MAX_CHARS = 256 * 1024;
/** Entries read from the club, as many as a feed may carry. */
export const PUBLISHED_ENTRIES_MAX = 1_000;

/** The entry's JSON as it is sent, or the reason it cannot be read back (too big or not JSON). */
export function parsePublishedText(text: string): { ok: true; raw: unknown } | { ok: false; problem: string } {
  if (text.length > PUBLISHED_ENTRY_MAX_CHARS) {
    return { ok: false, problem: `larger than ${PUBLISHED_ENTRY_MAX_CHARS} characters` };
  }
  try {
    return { ok: true, raw: JSON.parse(text) };
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
}
