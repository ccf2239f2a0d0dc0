import type { ClubResult } from '../backend';
import type { ClubWebAnnotation } from './annotation-write';
import { statusFailure } from './http-failure';
import { itemsOf, MEMBER_DOCUMENT_MAX_BYTES, MEMBER_DOCUMENT_MAX_ITEMS, memberCollection } from './member-document';
import type { PodSession } from './pod-session';
import { readJsonCapped } from './read-json';

/**
 * A change to the reader's own document for an article: read it, change its items, write it back only if
 * nobody wrote it in between (`If-Match` its ETag, or `If-None-Match: *` when it did not exist). Another of the
 * reader's browsers may be writing the same document; a 412 means it did, and the change is made again on what
 * it wrote, so neither write is lost.
 */
const ATTEMPTS = 4;

/**
 * What to do with the items: a new list, null when there is nothing to change (what to delete is already gone),
 * or a failure that stops the write (what to edit is not there). Items are kept as they were read, so a field
 * written by a newer version of the extension survives.
 */
export type ItemsChange = (items: unknown[]) => ClubResult<unknown[] | null>;

export async function changeOwnDocument(
  session: PodSession,
  documentUrl: string,
  change: ItemsChange,
): Promise<ClubResult<void>> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await readOwn(session, documentUrl);
    if (!current.ok) return current;
    const changed = change(current.value.items);
    if (!changed.ok) return changed;
    if (changed.value === null) return { ok: true, value: undefined };
    const written = await writeOwn(session, documentUrl, current.value.etag, changed.value);
    if (!written.ok) return written;
    if (written.value !== 412) return { ok: true, value: undefined };
  }
  return { ok: false, code: 'server', status: 412 };
}

async function readOwn(
  session: PodSession,
  url: string,
): Promise<ClubResult<{ etag: string | null; items: unknown[] }>> {
  const sent = await session.request('GET', url, { headers: { Accept: 'application/ld+json' } });
  if (!sent.ok) return sent;
  const failure = statusFailure(sent.value);
  if (failure?.code === 'not-found') return { ok: true, value: { etag: null, items: [] } };
  if (failure !== null) {
    await sent.value.body?.cancel().catch(() => {});
    return { ok: false, ...failure };
  }
  const etag = sent.value.headers.get('ETag');
  const json = await readJsonCapped(sent.value, MEMBER_DOCUMENT_MAX_BYTES);
  if (!json.ok) return json;
  const items = itemsOf(json.value);
  // Never overwrite a document we cannot read: it may hold the reader's annotations in a shape we do not know.
  if (items === null || etag === null) return { ok: false, code: 'invalid-response', detail: 'unreadable document' };
  return { ok: true, value: { etag, items } };
}

/** Writes (or deletes, when no item is left) under the precondition; the status 412 is returned, not failed. */
async function writeOwn(
  session: PodSession,
  url: string,
  etag: string | null,
  items: unknown[],
): Promise<ClubResult<number>> {
  if (items.length > MEMBER_DOCUMENT_MAX_ITEMS) {
    return { ok: false, code: 'invalid-response', detail: 'the document holds as many annotations as members read' };
  }
  const precondition: Record<string, string> = etag === null ? { 'If-None-Match': '*' } : { 'If-Match': etag };
  let sent: ClubResult<Response>;
  if (items.length === 0) {
    // The model wants a page to hold at least one annotation, and a missing document already means "none".
    if (etag === null) return { ok: true, value: 204 };
    sent = await session.request('DELETE', url, { headers: precondition });
  } else {
    const body = JSON.stringify(memberCollection(url, items as ClubWebAnnotation[]));
    if (new TextEncoder().encode(body).byteLength > MEMBER_DOCUMENT_MAX_BYTES) {
      return { ok: false, code: 'invalid-response', detail: 'the document would be too big for members to read' };
    }
    sent = await session.request('PUT', url, {
      headers: { ...precondition, 'Content-Type': 'application/ld+json' },
      body,
    });
  }
  if (!sent.ok) return sent;
  await sent.value.body?.cancel().catch(() => {});
  if (sent.value.status === 412) return { ok: true, value: 412 };
  // A DELETE racing another: the document is gone either way.
  if (items.length === 0 && sent.value.status === 404) return { ok: true, value: 404 };
  const failure = statusFailure(sent.value);
  return failure === null ? { ok: true, value: sent.value.status } : { ok: false, ...failure };
}
