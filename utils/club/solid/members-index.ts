import type { ClubResult } from '../backend';
import { statusFailure } from './http-failure';
import { membersContainer } from './layout';
import type { PodSession } from './pod-session';
import { readJsonCapped } from './read-json';

/** A club larger than this is not a journal club; the listing reads the first ones and stops. */
export const MEMBERS_MAX = 500;
const INDEX_MAX_BYTES = 1024 * 1024;
const LDP_CONTAINS = 'http://www.w3.org/ns/ldp#contains';

/**
 * The member containers of a club: the LDP listing of `<club>/members/`, asked for as JSON-LD (every Solid
 * server converts), which the Community Solid Server writes in expanded form, so the `ldp:contains` links are
 * read by their full IRI without any context to fetch. Only direct child containers count; anything else the
 * owner keeps there is not a member.
 */
export async function listMemberContainers(session: PodSession, club: string): Promise<ClubResult<string[]>> {
  const members = membersContainer(club);
  const sent = await session.request('GET', members, { headers: { Accept: 'application/ld+json' } });
  if (!sent.ok) return sent;
  const failure = statusFailure(sent.value);
  if (failure !== null) {
    await sent.value.body?.cancel().catch(() => {});
    return { ok: false, ...failure };
  }
  const json = await readJsonCapped(sent.value, INDEX_MAX_BYTES);
  if (!json.ok) return json;
  return { ok: true, value: containedMembers(json.value, members).slice(0, MEMBERS_MAX) };
}

/** The `ldp:contains` targets of the container's node that are `<members>/<slug>/`, deduplicated, in order. */
export function containedMembers(json: unknown, members: string): string[] {
  const nodes = Array.isArray(json) ? json : [json];
  const found = new Set<string>();
  for (const node of nodes) {
    if (typeof node !== 'object' || node === null || (node as { '@id'?: unknown })['@id'] !== members) continue;
    const contains = (node as Record<string, unknown>)[LDP_CONTAINS];
    if (!Array.isArray(contains)) continue;
    for (const link of contains) {
      const id = typeof link === 'object' && link !== null ? (link as { '@id'?: unknown })['@id'] : undefined;
      if (typeof id === 'string' && id.startsWith(members) && /^[a-z0-9-]+\/$/.test(id.slice(members.length))) {
        found.add(id);
      }
    }
  }
  return [...found];
}
