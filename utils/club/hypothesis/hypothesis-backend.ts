import * as v from 'valibot';
import type { ClubBackend, ClubMember, ClubResult } from '../backend';
import { createHypothesisClient, failed, type HypothesisClientOptions, type Tally } from './client';
import type { HypothesisConfig } from './config';
import { createPayload, updatePayload } from './create-payload';
import { hypothesisCatalog } from './hypothesis-catalog';
import { listAnnotations } from './list-annotations';
import { annotationPath, ownership } from './ownership';
import { CreatedSchema } from './reply-schemas';
import { whoAmI } from './who-am-i';

/**
 * A club backed by a Hypothesis group, for the background (it holds the token and sends it nowhere else). One
 * backend is one account's queue: keep one per connection, so that every call shares the rate limit.
 *
 * h serves a revoked token as no token at all: a search quietly returns nothing and a refused write is a 404.
 * So each listing starts with the profile (an article's club layer costs its pages of 200 plus that one), which
 * both names the reader's own annotations and turns a revoked token into `unauthorized` instead of an empty club;
 * a write's 404 is checked the same way before it is believed.
 */
export function createHypothesisBackend(config: HypothesisConfig, options: HypothesisClientOptions = {}): ClubBackend {
  const client = createHypothesisClient(config, options);
  let me: ClubMember | null = null;

  const identify = async (tally?: Tally): Promise<ClubResult<ClubMember>> => {
    const result = await whoAmI(client, tally);
    me = result.ok ? result.value : null;
    return result;
  };
  const knownMe = async () => (me === null ? identify() : { ok: true as const, value: me });
  /** After a 404 to a write: the token was refused (unauthorized), or the annotation is really not there. */
  const explain404 = async <T>(): Promise<ClubResult<T>> => {
    const reader = await identify();
    return reader.ok ? failed({ code: 'not-found' }) : reader;
  };

  return {
    kind: 'hypothesis',
    whoAmI: () => identify(),
    catalog: hypothesisCatalog(client, config, identify),

    async list(article) {
      const tally: Tally = { sent: 0 };
      const reader = await identify(tally);
      if (!reader.ok) return reader;
      const listed = await listAnnotations(client, config, article, reader.value.id, tally);
      if (!listed.ok) return listed;
      return { ok: true, value: { annotations: listed.value.annotations, requests: tally.sent } };
    },

    async publish(draft) {
      const result = await client.call({ method: 'POST', path: 'annotations', body: createPayload(config, draft) });
      if (!result.ok) {
        // The collection always exists: h's 404 here is its refusal of the token (every 403 becomes a 404).
        if (result.code === 'not-found') {
          const reader = await identify();
          return reader.ok ? failed({ code: 'forbidden' }) : reader;
        }
        return result;
      }
      const parsed = v.safeParse(CreatedSchema, result.value);
      if (!parsed.success) return failed({ code: 'invalid-response', detail: 'the created annotation has no id' });
      return { ok: true, value: { remoteId: parsed.output.id } };
    },

    async update(remoteId, draft) {
      const reader = await knownMe();
      if (!reader.ok) return reader;
      const owner = await ownership(client, remoteId, reader.value.id);
      if (owner.kind === 'gone') return explain404();
      if (owner.kind === 'failed') return failed(owner.failure);
      const result = await client.call({ method: 'PATCH', path: annotationPath(remoteId), body: updatePayload(draft) });
      if (!result.ok) return result.code === 'not-found' ? explain404() : result;
      return { ok: true, value: undefined };
    },

    async remove(remoteId) {
      const reader = await knownMe();
      if (!reader.ok) return reader;
      const owner = await ownership(client, remoteId, reader.value.id);
      if (owner.kind === 'failed') return failed(owner.failure);
      if (owner.kind === 'mine') {
        const result = await client.call({ method: 'DELETE', path: annotationPath(remoteId) });
        if (result.ok) return { ok: true, value: undefined };
        if (result.code !== 'not-found') return result;
      }
      // Not there, before the delete or by the time it came: done, unless the 404 was h refusing the token.
      const check = await identify();
      return check.ok ? { ok: true, value: undefined } : check;
    },
  };
}
