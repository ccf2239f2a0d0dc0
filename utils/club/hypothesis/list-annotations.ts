import * as v from 'valibot';
import type { ClubAnnotation, ClubArticle, ClubListing, ClubResult } from '../backend';
import type { HypothesisClient, Tally } from './client';
import type { HypothesisConfig } from './config';
import { fromRow } from './from-row';
import { SearchPageSchema } from './reply-schemas';

/** h's largest page (`limit` ≤ 200 in hypothesis-v1.yaml). */
export const PAGE_SIZE = 200;
/** More than a club writes on one article in years; past it, the panel would show nothing anyone could read. */
export const MAX_ANNOTATIONS = 10_000;
const MAX_PAGES = MAX_ANNOTATIONS / PAGE_SIZE + 1;

/**
 * Every annotation of the group on the article, oldest first, paged with `search_after` on `created` as the spec
 * prefers over `offset`. One search reads highlights and replies alike: a reply carries its parent's address, so
 * the DOI's equivalence finds it. h's `_separate_replies` would cost nothing more, but it is undocumented in the
 * OpenAPI description, and it returns at most 200 replies per page with no way to page through the rest
 * (h/search/core.py logs and drops them), which a lively club passes.
 *
 * Paging stops at a short page, when `total` rows have come, or when a page does not move past the previous one
 * (a server that ignores `search_after` would otherwise be asked forever); the cap bounds it in any case.
 */
export async function listAnnotations(
  client: HypothesisClient,
  config: HypothesisConfig,
  article: ClubArticle,
  me: string,
  tally: Tally,
): Promise<ClubResult<Omit<ClubListing, 'requests'>>> {
  const annotations: ClubAnnotation[] = [];
  const seen = new Set<string>();
  let received = 0;
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES && annotations.length < MAX_ANNOTATIONS; page++) {
    const query = searchQuery(config, article, after);
    const result = await client.call({ method: 'GET', path: 'search', query }, tally);
    if (!result.ok) return result;
    const parsed = v.safeParse(SearchPageSchema, result.value);
    if (!parsed.success) return { ok: false, code: 'invalid-response', detail: 'a search page is not a list of rows' };
    const rows = parsed.output.rows.slice(0, PAGE_SIZE);
    received += rows.length;
    let last: string | undefined;
    for (const row of rows) {
      const reading = fromRow(row, me);
      if (reading === null) continue;
      last = reading.created;
      const { annotation } = reading;
      // h filters by group already; a row from elsewhere is a server's mistake and not the club's to see.
      if (reading.group !== config.group || seen.has(annotation.remoteId)) continue;
      seen.add(annotation.remoteId);
      annotations.push(annotation);
      if (annotations.length >= MAX_ANNOTATIONS) break;
    }
    const { total } = parsed.output;
    const done = rows.length < PAGE_SIZE || (total !== undefined && received >= total);
    if (done || last === undefined || last === after) break;
    after = last;
  }
  return { ok: true, value: { annotations } };
}

function searchQuery(config: HypothesisConfig, article: ClubArticle, after: string | undefined): URLSearchParams {
  const query = new URLSearchParams({
    uri: `doi:${article.doi}`,
    group: config.group,
    limit: String(PAGE_SIZE),
    sort: 'created',
    order: 'asc',
  });
  if (after !== undefined) query.set('search_after', after);
  return query;
}
