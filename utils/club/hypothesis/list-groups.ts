import * as v from 'valibot';
import type { ClubResult } from '../backend';
import { createHypothesisClient, type HypothesisClientOptions } from './client';
import type { HypothesisConfig } from './config';
import { GroupSchema } from './reply-schemas';

export interface HypothesisGroup {
  /** The pubid, which goes into the config as `group`. */
  id: string;
  name: string;
  /**
   * True unless the group is private: h's open and restricted groups are readable by anyone, so the options page
   * must say so before a reader sends their club's notes there.
   */
  readableByAnyone: boolean;
}

/** A reader belongs to a few dozen groups at most; the rest of a longer list is not offered. */
const GROUPS_READ = 500;
const GROUP_NAME_MAX_LENGTH = 200;

/**
 * The groups the token's account can post in, for the connect flow (`GET /api/groups`: the reader's private
 * groups and the authority's public ones). Call `whoAmI` first: with a revoked token h still answers this, with
 * the public groups only.
 */
export async function listGroups(
  config: Pick<HypothesisConfig, 'service' | 'token'>,
  options: HypothesisClientOptions = {},
): Promise<ClubResult<HypothesisGroup[]>> {
  const client = createHypothesisClient({ kind: 'hypothesis', group: '', ...config }, options);
  const result = await client.call({ method: 'GET', path: 'groups' });
  if (!result.ok) return result;
  if (!Array.isArray(result.value)) return { ok: false, code: 'invalid-response', detail: 'the groups are not a list' };
  const groups: HypothesisGroup[] = [];
  for (const entry of result.value.slice(0, GROUPS_READ)) {
    const parsed = v.safeParse(GroupSchema, entry);
    if (!parsed.success) continue;
    const { id, name, type } = parsed.output;
    groups.push({ id, name: name.slice(0, GROUP_NAME_MAX_LENGTH), readableByAnyone: type !== 'private' });
  }
  return { ok: true, value: groups };
}
