import * as v from 'valibot';
import type { ClubMember, ClubResult } from '../backend';
import type { HypothesisClient, Tally } from './client';
import { authorOf } from './from-row';
import { ProfileSchema } from './reply-schemas';

/**
 * The reader as the group sees them, from `GET /api/profile`. This is also how a revoked or mistyped token shows:
 * h never answers 401 to one, it serves the request as if no token had been sent (its bearer-token policy returns
 * no identity), so the profile comes back with `userid: null`.
 */
export async function whoAmI(client: HypothesisClient, tally?: Tally): Promise<ClubResult<ClubMember>> {
  const result = await client.call({ method: 'GET', path: 'profile' }, tally);
  if (!result.ok) return result;
  const parsed = v.safeParse(ProfileSchema, result.value);
  if (!parsed.success) return { ok: false, code: 'invalid-response', detail: 'the profile is not one' };
  const { userid, user_info } = parsed.output;
  if (userid === null) return { ok: false, code: 'unauthorized' };
  return { ok: true, value: authorOf(userid, user_info?.display_name) };
}
