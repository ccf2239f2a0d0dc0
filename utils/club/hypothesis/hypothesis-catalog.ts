import * as v from 'valibot';
import type { ClubMember, ClubResult } from '../backend';
import type { ClubCatalog } from '../club-catalog';
import { entryPayload, entryUpdate, listCatalogEntries } from './catalog-entries';
import { failed, type HypothesisClient, type Tally } from './client';
import type { HypothesisConfig } from './config';
import { groupRoles } from './group-roles';
import { annotationPath, ownership } from './ownership';
import { CreatedSchema } from './reply-schemas';

/**
 * The club's catalog calls on a Hypothesis group (see `catalog-entries.ts` for the form). `identify` asks h who
 * the token is, which also tells a refused token (h serves it as no token) from an annotation that is gone.
 */
export function hypothesisCatalog(
  client: HypothesisClient,
  config: HypothesisConfig,
  identify: (tally?: Tally) => Promise<ClubResult<ClubMember>>,
): ClubCatalog {
  const list: ClubCatalog['list'] = async () => {
    const tally: Tally = { sent: 0 };
    const reader = await identify(tally);
    if (!reader.ok) return reader;
    const roles = await groupRoles(client, config, tally);
    if (!roles.ok) return roles;
    const listed = await listCatalogEntries(client, config, reader.value.id, roles.value, tally);
    if (!listed.ok) return listed;
    return { ok: true, value: { ...listed.value, requests: tally.sent } };
  };

  return {
    list,

    async publish(entry) {
      // The reader's copy of this entry, if any: one search for the entry's tag, not the whole catalog.
      const reader = await identify();
      if (!reader.ok) return reader;
      const unknown = () => 'unknown' as const;
      const listed = await listCatalogEntries(client, config, reader.value.id, unknown, { sent: 0 }, entry.id);
      if (!listed.ok) return listed;
      const mine = listed.value.items.find((item) => item.mine);
      if (mine) {
        const patched = await client.call({
          method: 'PATCH',
          path: annotationPath(mine.remoteId),
          body: entryUpdate(entry),
        });
        return patched.ok ? { ok: true, value: { remoteId: mine.remoteId } } : patched;
      }
      const result = await client.call({ method: 'POST', path: 'annotations', body: entryPayload(config, entry) });
      if (!result.ok) return result.code === 'not-found' ? failed({ code: 'forbidden' }) : result;
      const created = v.safeParse(CreatedSchema, result.value);
      if (!created.success) return failed({ code: 'invalid-response', detail: 'the created annotation has no id' });
      return { ok: true, value: { remoteId: created.output.id } };
    },

    async withdraw(remoteId) {
      const reader = await identify();
      if (!reader.ok) return reader;
      const owner = await ownership(client, remoteId, reader.value.id);
      if (owner.kind === 'gone') return { ok: true, value: undefined };
      if (owner.kind === 'failed') return failed(owner.failure);
      const result = await client.call({ method: 'DELETE', path: annotationPath(remoteId) });
      return result.ok || result.code === 'not-found' ? { ok: true, value: undefined } : result;
    },
  };
}
