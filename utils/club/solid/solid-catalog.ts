import type { CatalogEntry } from '../../catalog/schema';
import type { ClubMember, ClubResult } from '../backend';
import {
  type ClubCatalog,
  PUBLISHED_ENTRIES_MAX,
  PUBLISHED_ENTRY_MAX_CHARS,
  type PublishedItem,
  type PublisherRole,
} from '../club-catalog';
import { catalogContainer, containedEntryDocuments, entryDocument, suggestionsContainer } from './catalog-layout';
import { statusFailure } from './http-failure';
import { memberContainer } from './layout';
import { listMemberContainers } from './members-index';
import type { PodSession } from './pod-session';
import { readJsonCapped } from './read-json';

/** A listing of a container: its address lines, far below this. */
const LISTING_MAX_BYTES = 1024 * 1024;
/** An entry document: the entry's JSON with its publisher, at most its cap in UTF-8 and a margin. */
const DOCUMENT_MAX_BYTES = PUBLISHED_ENTRY_MAX_CHARS * 4;
const JSON_TYPES = 'application/ld+json, application/json;q=0.9';

/** What an entry document holds: who published it (a claim; the container says more) and the entry. */
const entryDocumentBody = (publisher: string, entry: CatalogEntry, at: string) =>
  JSON.stringify({ publisher, modified: at, entry });

/**
 * The club's catalog calls on a Solid pod (see `catalog-layout.ts`). Publishing goes to `catalog/` when the pod
 * says the reader may write there (its `WAC-Allow` header), else to the reader's own container as a suggestion.
 */
export function solidCatalog(
  session: PodSession,
  club: string,
  whoAmI: () => Promise<ClubResult<ClubMember>>,
  now: () => number,
): ClubCatalog {
  const organisersContainer = catalogContainer(club);

  /** Whether the reader may write the organisers' container, as the pod says (`WAC-Allow: user="… write …"`). */
  const mayWriteCatalog = async (): Promise<ClubResult<boolean>> => {
    const sent = await session.request('HEAD', organisersContainer);
    if (!sent.ok) return sent;
    if (sent.value.status === 404) return { ok: true, value: false };
    const failure = statusFailure(sent.value);
    if (failure !== null && failure.code !== 'forbidden') return { ok: false, ...failure };
    const allow = /user="([^"]*)"/.exec(sent.value.headers.get('WAC-Allow') ?? '')?.[1] ?? '';
    return { ok: true, value: allow.split(/\s+/).includes('write') };
  };

  /** The entry documents of a container; none when it does not exist yet (404) or is closed to the reader. */
  const listDocuments = async (container: string): Promise<ClubResult<string[]>> => {
    const sent = await session.request('GET', container, { headers: { Accept: 'application/ld+json' } });
    if (!sent.ok) return sent;
    const failure = statusFailure(sent.value);
    if (failure !== null) {
      await sent.value.body?.cancel().catch(() => {});
      return failure.code === 'not-found' || failure.code === 'forbidden'
        ? { ok: true, value: [] }
        : { ok: false, ...failure };
    }
    const json = await readJsonCapped(sent.value, LISTING_MAX_BYTES);
    if (!json.ok) return json;
    return { ok: true, value: containedEntryDocuments(json.value, container) };
  };

  return {
    async publish(entry) {
      const me = await whoAmI();
      if (!me.ok) return me;
      const organiser = await mayWriteCatalog();
      if (!organiser.ok) return organiser;
      const container = organiser.value
        ? organisersContainer
        : suggestionsContainer(await memberContainer(club, me.value.id));
      const url = entryDocument(container, entry.id);
      const body = entryDocumentBody(me.value.id, entry, new Date(now()).toISOString());
      const sent = await session.request('PUT', url, { headers: { 'Content-Type': 'application/json' }, body });
      if (!sent.ok) return sent;
      await sent.value.body?.cancel().catch(() => {});
      const failure = statusFailure(sent.value);
      return failure === null ? { ok: true, value: { remoteId: url } } : { ok: false, ...failure };
    },

    async withdraw(remoteId) {
      const me = await whoAmI();
      if (!me.ok) return me;
      const own = suggestionsContainer(await memberContainer(club, me.value.id));
      if (!remoteId.startsWith(organisersContainer) && !remoteId.startsWith(own))
        return { ok: false, code: 'forbidden' };
      const sent = await session.request('DELETE', remoteId);
      if (!sent.ok) return sent;
      await sent.value.body?.cancel().catch(() => {});
      const failure = statusFailure(sent.value);
      if (failure === null || failure.code === 'not-found') return { ok: true, value: undefined };
      return { ok: false, ...failure };
    },

    async list() {
      const me = await whoAmI();
      if (!me.ok) return me;
      let requests = 0;
      const places: { container: string; role: PublisherRole; member: string | null }[] = [
        { container: organisersContainer, role: 'organiser', member: null },
      ];
      const members = await listMemberContainers(session, club);
      requests++;
      if (!members.ok) return members;
      for (const container of members.value)
        places.push({ container: suggestionsContainer(container), role: 'member', member: container });
      const items: PublishedItem[] = [];
      const problems: string[] = [];
      for (const place of places) {
        const documents = await listDocuments(place.container);
        requests++;
        if (!documents.ok) return documents;
        for (const url of documents.value) {
          if (items.length >= PUBLISHED_ENTRIES_MAX) break;
          requests++;
          const read = await readEntryDocument(session, url);
          if (!read.ok) return read;
          if (read.value === null) continue;
          const { publisher, modified, entry, problem } = read.value;
          // A suggestion is its container's member's, whatever the document claims.
          const claimed = place.member === null || (await memberContainer(club, publisher)) === place.member;
          if (problem !== undefined || !claimed) {
            problems.push(`${url}: ${problem ?? 'its publisher is not the member whose container holds it'}`);
            continue;
          }
          const who = { id: publisher, name: nameOf(publisher) };
          items.push({
            remoteId: url,
            publisher: who,
            role: place.role,
            mine: publisher === me.value.id,
            updatedAt: modified,
            raw: entry,
          });
        }
      }
      return { ok: true, value: { items, problems, requests } };
    },
  };
}

/** A WebID's readable part for a list (`alice` of `http://localhost:3000/alice/profile/card#me`). */
function nameOf(webId: string): string {
  const url = URL.canParse(webId) ? new URL(webId) : null;
  return url?.pathname.split('/').find((part) => part !== '') ?? webId;
}

type EntryDocument = { publisher: string; modified: string; entry: unknown; problem?: string };

/** One entry document: null when gone, the entry (unvalidated) otherwise, or a problem for a broken one. */
async function readEntryDocument(session: PodSession, url: string): Promise<ClubResult<EntryDocument | null>> {
  const sent = await session.request('GET', url, { headers: { Accept: JSON_TYPES } });
  if (!sent.ok) return sent;
  const failure = statusFailure(sent.value);
  if (failure !== null) {
    await sent.value.body?.cancel().catch(() => {});
    if (failure.code === 'not-found' || failure.code === 'forbidden') return { ok: true, value: null };
    return { ok: false, ...failure };
  }
  const json = await readJsonCapped(sent.value, DOCUMENT_MAX_BYTES);
  const broken = (problem: string) => ({
    ok: true as const,
    value: { publisher: '', modified: '', entry: null, problem },
  });
  if (!json.ok) return broken(json.code === 'invalid-response' ? json.detail : json.code);
  const body = json.value as { publisher?: unknown; modified?: unknown; entry?: unknown } | null;
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.publisher !== 'string' ||
    !URL.canParse(body.publisher)
  ) {
    return broken('not an entry document (no publisher)');
  }
  const modified = typeof body.modified === 'string' ? body.modified.slice(0, 40) : '';
  return { ok: true, value: { publisher: body.publisher.slice(0, 2000), modified, entry: body.entry } };
}
