import * as v from 'valibot';
import type { ClubResult } from '../backend';
import type { PublisherRole } from '../club-catalog';
import type { HypothesisClient, Tally } from './client';
import type { HypothesisConfig } from './config';
import { USER_ID_MAX_LENGTH } from './reply-schemas';

/** The roles h gives a group's members; those above `member` run the group, so they run the club. */
const ORGANISER_ROLES = ['owner', 'admin', 'moderator'];
/** A journal club is not this big; past it the rest of the list is not read. */
const MEMBERS_READ = 5_000;

const MembershipSchema = v.object({
  userid: v.pipe(v.string(), v.maxLength(USER_ID_MAX_LENGTH)),
  roles: v.optional(v.array(v.unknown())),
});
const MembershipsSchema = v.union([v.array(v.unknown()), v.object({ data: v.array(v.unknown()) })]);

/**
 * What the group's roles (`GET /api/groups/{id}/members`, which lists each membership with its `roles`) make of
 * a publisher: an organiser, a plain member, or unknown when the service keeps no roles (an older h answers 404
 * to the path, or lists no `roles`); the club's settings then decide. Any other failure is the listing's.
 */
export async function groupRoles(
  client: HypothesisClient,
  config: HypothesisConfig,
  tally: Tally,
): Promise<ClubResult<(userid: string) => PublisherRole>> {
  const unknown = { ok: true as const, value: (): PublisherRole => 'unknown' };
  const path = `groups/${encodeURIComponent(config.group)}/members`;
  const result = await client.call({ method: 'GET', path }, tally);
  if (!result.ok) return result.code === 'not-found' ? unknown : result;
  const parsed = v.safeParse(MembershipsSchema, result.value);
  if (!parsed.success) return unknown;
  const list = Array.isArray(parsed.output) ? parsed.output : parsed.output.data;
  const roles = new Map<string, string[]>();
  for (const raw of list.slice(0, MEMBERS_READ)) {
    const member = v.safeParse(MembershipSchema, raw);
    if (!member.success || member.output.roles === undefined) continue;
    roles.set(
      member.output.userid,
      member.output.roles.filter((role): role is string => typeof role === 'string'),
    );
  }
  if (roles.size === 0) return unknown;
  return {
    ok: true,
    value: (userid) => {
      const found = roles.get(userid);
      if (found === undefined) return 'member';
      return found.some((role) => ORGANISER_ROLES.includes(role)) ? 'organiser' : 'member';
    },
  };
}
