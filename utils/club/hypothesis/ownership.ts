import * as v from 'valibot';
import type { ClubFailure } from '../backend';
import type { HypothesisClient } from './client';
import { AuthorSchema } from './reply-schemas';

export type Ownership = { kind: 'mine' } | { kind: 'gone' } | { kind: 'failed'; failure: ClubFailure };

/**
 * Whether the reader wrote this annotation, asked before an edit or a delete is sent. h's v1 API answers 404 to
 * a refused PATCH or DELETE (every 403 becomes a 404, h/views/api/errors.py), so a delete of someone else's
 * annotation would read as "already gone" and an outbox would drop it as done. One GET tells the two apart: the
 * author is in the annotation, and a 404 to a read means it is gone or out of the reader's sight.
 */
export async function ownership(client: HypothesisClient, remoteId: string, me: string): Promise<Ownership> {
  const result = await client.call({ method: 'GET', path: annotationPath(remoteId) });
  if (!result.ok) {
    if (result.code === 'not-found') return { kind: 'gone' };
    const { ok: _, ...failure } = result;
    return { kind: 'failed', failure };
  }
  const parsed = v.safeParse(AuthorSchema, result.value);
  if (!parsed.success) return { kind: 'failed', failure: { code: 'invalid-response', detail: 'no author' } };
  return parsed.output.user === me ? { kind: 'mine' } : { kind: 'failed', failure: { code: 'forbidden' } };
}

export function annotationPath(remoteId: string): string {
  return `annotations/${encodeURIComponent(remoteId)}`;
}
