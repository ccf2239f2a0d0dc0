import * as v from 'valibot';
import type { ClubBackend, ClubMember, ClubResult } from '../backend';
import { createHypothesisClient, failed, type HypothesisClientOptions } from './client';
import type { HypothesisConfig } from './config';
import { createPayload, updatePayload } from './create-payload';
import { listAnnotations } from './list-annotations';
import { annotationPath, ownership } from './ownership';
import { CreatedSchema } from './reply-schemas';
import { whoAmI } from './who-am-i';

/**
 * A club backed by a Hypothesis group, for the background (it holds the token and sends it nowhere else). One
 * backend is one account's queue: keep one per connection, so that every call shares the rate limit.
 *
 * An article's listing costs its search pages (200 annotations each) plus one profile request the first time,
 * which tells the annotations the reader may edit from the rest (and a revoked token from a quiet club).
 */
export function createHypothesisBackend(config: HypothesisConfig, options: HypothesisClientOptions = {}): ClubBackend {
  const client = createHypothesisClient(config, options);
  let me: ClubMember | null = null;

  const identify = async (): Promise<ClubResult<ClubMember>> => {
    const result = await whoAmI(client);
    me = result.ok ? result.value : null;
    return result;
  };
  const knownMe = async () => (me === null ? identify() : { ok: true as const, value: me });

  return {
    kind: 'hypothesis',
    whoAmI: identify,

    async list(article) {
      const before = client.sent;
      const reader = await knownMe();
      if (!reader.ok) return reader;
      const listed = await listAnnotations(client, config, article, reader.value.id);
      if (!listed.ok) return listed;
      return { ok: true, value: { annotations: listed.value.annotations, requests: client.sent - before } };
    },

    async publish(draft) {
      const result = await client.call({ method: 'POST', path: 'annotations', body: createPayload(config, draft) });
      if (!result.ok) return result;
      const parsed = v.safeParse(CreatedSchema, result.value);
      if (!parsed.success) return failed({ code: 'invalid-response', detail: 'the created annotation has no id' });
      return { ok: true, value: { remoteId: parsed.output.id } };
    },

    async update(remoteId, draft) {
      const reader = await knownMe();
      if (!reader.ok) return reader;
      const owner = await ownership(client, remoteId, reader.value.id);
      if (owner.kind === 'gone') return failed({ code: 'not-found' });
      if (owner.kind === 'failed') return failed(owner.failure);
      const result = await client.call({ method: 'PATCH', path: annotationPath(remoteId), body: updatePayload(draft) });
      return result.ok ? { ok: true, value: undefined } : result;
    },

    async remove(remoteId) {
      const reader = await knownMe();
      if (!reader.ok) return reader;
      const owner = await ownership(client, remoteId, reader.value.id);
      if (owner.kind === 'gone') return { ok: true, value: undefined };
      if (owner.kind === 'failed') return failed(owner.failure);
      const result = await client.call({ method: 'DELETE', path: annotationPath(remoteId) });
      // Gone between the check and the delete (another device of the reader's) is what a delete wants.
      if (result.ok || result.code === 'not-found') return { ok: true, value: undefined };
      return result;
    },
  };
}
