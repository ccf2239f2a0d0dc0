import * as v from 'valibot';
import type { CatalogEntry } from '../catalog/schema';
import type { ClubMember } from './backend';

/**
 * The last good reading of the club's catalog, kept by the background (`storage.local`) so that the merged
 * catalog has the club's entries without asking the service each time, and offline. Only what passed the catalog
 * schema is kept; the entries are checked again each time the catalog is built, as a feed's stored copy is.
 */
export interface ClubCatalogCopy {
  /** The catalog source's name: `club:` and the Hypothesis group's id or the pod's club container. */
  source: string;
  fetchedAt: string;
  /** The organisers' entries, which join the merged catalog. */
  entries: CatalogEntry[];
  /** Members' entries no organiser published: listed for the organisers, never merged. */
  suggestions: { entry: CatalogEntry; by: ClubMember; updatedAt: string }[];
  /** What the reader published, to update or withdraw it: the entry's id, the service's id, and in which role. */
  mine: { entryId: string; remoteId: string; suggestion: boolean; updatedAt: string }[];
  /** One line per published item that was left out (hostile or broken), for the options page. */
  problems: string[];
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Member = v.object({ id: text(2_000), name: text(200) });

/** The stored copy's shape; its entries stay unknown here and are read by `parseCatalog` wherever used. */
export const StoredCopySchema = v.object({
  source: text(2_100),
  fetchedAt: text(40),
  entries: v.pipe(v.array(v.unknown()), v.maxLength(1_000)),
  suggestions: v.pipe(v.array(v.object({ entry: v.unknown(), by: Member, updatedAt: text(40) })), v.maxLength(1_000)),
  mine: v.pipe(
    v.array(v.object({ entryId: text(100), remoteId: text(2_100), suggestion: v.boolean(), updatedAt: text(40) })),
    v.maxLength(1_000),
  ),
  problems: v.pipe(v.array(text(2_000)), v.maxLength(1_000)),
});
export type StoredCopy = v.InferOutput<typeof StoredCopySchema>;

/** The catalog source's name for the connected club. */
export function clubSourceName(
  config: { kind: 'hypothesis'; group: string } | { kind: 'solid'; clubContainer: string },
) {
  return `club:${config.kind === 'hypothesis' ? config.group : config.clubContainer}`;
}

/** Organisers named in the club's settings, for a service without roles: member ids (`acct:…`, a WebID). */
export const OrganisersSchema = v.pipe(
  v.array(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(2_000))),
  v.maxLength(200),
);
