import * as v from 'valibot';
import type { CatalogEntry } from '../../catalog/schema';
import type { ClubResult } from '../backend';
import {
  PUBLISHED_ENTRIES_MAX,
  PUBLISHED_ENTRY_MAX_CHARS,
  type PublishedItem,
  type PublishedListing,
  type PublisherRole,
  parsePublishedText,
} from '../club-catalog';
import type { HypothesisClient, Tally } from './client';
import type { HypothesisConfig } from './config';
import { authorOf } from './from-row';
import { AnnotationRowSchema, SearchPageSchema } from './reply-schemas';
import { RESPONSE_MAX_BYTES } from './send-request';

/**
 * The club's catalog in a Hypothesis group: each published entry is an annotation of the group on one fixed
 * address (not an article's, so it never shows among an article's annotations), tagged as a catalog entry and
 * with the entry's id, its text the entry's JSON. h documents no limit on an annotation's text; ours is capped
 * at `PUBLISHED_ENTRY_MAX_CHARS`, and pages are small enough that a page of full entries fits the reply cap.
 */
export const CATALOG_URI = 'urn:x-journal-club-reader:catalog';
const CATALOG_TAG = 'jc:catalog-entry';
const entryTag = (id: string) => `${CATALOG_TAG}:${id}`;
const PAGE_SIZE = Math.floor(RESPONSE_MAX_BYTES / PUBLISHED_ENTRY_MAX_CHARS / 1.25);
const MAX_PAGES = Math.ceil(PUBLISHED_ENTRIES_MAX / PAGE_SIZE) + 1;

/** The body of `POST /api/annotations` for an entry, readable by the group alone. */
export function entryPayload(config: HypothesisConfig, entry: CatalogEntry): Record<string, unknown> {
  const title = typeof entry.title === 'string' ? entry.title : entry.title.en;
  return {
    uri: CATALOG_URI,
    document: { title: [title] },
    text: JSON.stringify(entry),
    tags: [CATALOG_TAG, entryTag(entry.id)],
    group: config.group,
    permissions: { read: [`group:${config.group}`] },
    target: [{ source: CATALOG_URI }],
  };
}

/** `PATCH /api/annotations/{id}`: the new text (and tags, should the id's tag be missing). */
export const entryUpdate = (entry: CatalogEntry) => ({
  text: JSON.stringify(entry),
  tags: [CATALOG_TAG, entryTag(entry.id)],
});

/**
 * Every catalog annotation of the group, oldest first, paged with `search_after` on `created` (as the article
 * listing is). `roleOf` says what the group's roles make of each publisher. A row that is not one of ours (wrong
 * group, no tag) is skipped; a row whose text is too big or not JSON is named in `problems`. With `entryId`, only
 * the copies of that entry are asked for (h's `tag` filters combine with AND).
 */
export async function listCatalogEntries(
  client: HypothesisClient,
  config: HypothesisConfig,
  me: string,
  roleOf: (userid: string) => PublisherRole,
  tally: Tally,
  entryId?: string,
): Promise<ClubResult<Omit<PublishedListing, 'requests'>>> {
  const items: PublishedItem[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES && items.length < PUBLISHED_ENTRIES_MAX; page++) {
    const query = new URLSearchParams({ uri: CATALOG_URI, group: config.group, tag: CATALOG_TAG });
    if (entryId !== undefined) query.append('tag', entryTag(entryId));
    for (const [key, value] of [
      ['limit', String(PAGE_SIZE)],
      ['sort', 'created'],
      ['order', 'asc'],
    ]) {
      query.set(key as string, value as string);
    }
    if (after !== undefined) query.set('search_after', after);
    const result = await client.call({ method: 'GET', path: 'search', query }, tally);
    if (!result.ok) return result;
    const parsed = v.safeParse(SearchPageSchema, result.value);
    if (!parsed.success) return { ok: false, code: 'invalid-response', detail: 'a search page is not a list of rows' };
    const rows = parsed.output.rows.slice(0, PAGE_SIZE);
    let last: string | undefined;
    for (const raw of rows) {
      const row = v.safeParse(AnnotationRowSchema, raw);
      if (!row.success) continue;
      const { id, created, updated, user, group, text, tags, user_info } = row.output;
      last = created;
      if (group !== config.group || !tags.includes(CATALOG_TAG) || seen.has(id)) continue;
      seen.add(id);
      const publisher = authorOf(user, user_info?.display_name);
      const read = parsePublishedText(text);
      if (!read.ok) {
        problems.push(`${publisher.name}: a published entry is ${read.problem}`);
        continue;
      }
      items.push({ remoteId: id, publisher, role: roleOf(user), mine: user === me, updatedAt: updated, raw: read.raw });
    }
    if (rows.length < PAGE_SIZE || last === undefined || last === after) break;
    after = last;
  }
  return { ok: true, value: { items: items.slice(0, PUBLISHED_ENTRIES_MAX), problems } };
}
