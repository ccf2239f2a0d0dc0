import type { ClubArticle, ClubBackend, ClubMember, ClubResult } from '../backend';
import { nameFromWebId } from './annotation-read';
import { bodiesOf, draftToAnnotation } from './annotation-write';
import type { SolidClubConfig } from './config';
import { thrownFailure } from './http-failure';
import { memberDocument } from './layout';
import { type DocumentCache, listArticle } from './list-article';
import { changeOwnDocument } from './own-document';
import { createPodSession, type PodSession } from './pod-session';
import { profileName } from './profile-name';
import { solidCatalog } from './solid-catalog';

export interface SolidBackendOptions {
  /** The network, passed in so that tests can run the backend in Node against a real server. */
  fetch?: typeof fetch;
  /** The clock for token expiry and annotation times (DPoP proofs always carry the real time: the pod checks it). */
  now?: () => number;
}

/** The backend, with its session, for the owner's setup (`setupClub`) to reuse the same connection. */
export interface SolidClubBackend extends ClubBackend {
  readonly session: PodSession;
}

/**
 * A club kept in a Solid pod (see `layout.ts` for where things are, `setup-club.ts` for who may do what).
 * The reader's own annotations on an article live in one document of their own, so publishing, editing and
 * deleting are each a read-modify-write of that document; other members' documents are only ever read.
 * Every call returns a result: a pod that cannot be reached, refuses the token or sends rubbish gives a
 * failure code, never an exception.
 */
export function createSolidBackend(config: SolidClubConfig, options: SolidBackendOptions = {}): SolidClubBackend {
  const fetcher = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const now = options.now ?? Date.now;
  const club = new URL(config.clubContainer).href;
  const session = createPodSession({ ...config, clubContainer: club, fetch: fetcher, now });
  const cache: DocumentCache = new Map();
  let me: ClubMember | null = null;

  const whoAmI = async (): Promise<ClubResult<ClubMember>> => {
    const webId = await session.webId();
    if (!webId.ok) return webId;
    if (me?.id !== webId.value) {
      me = { id: webId.value, name: (await profileName(webId.value, fetcher)) ?? nameFromWebId(webId.value) };
    }
    return { ok: true, value: me };
  };

  /** The reader's document for the article, and the remote id's fragment when it names an item of it. */
  const ownDocument = async (article: ClubArticle) => {
    const member = await whoAmI();
    if (!member.ok) return member;
    return {
      ok: true as const,
      value: { member: member.value, url: await memberDocument(club, member.value.id, article.doi) },
    };
  };

  const catalog = solidCatalog(session, club, whoAmI, now);

  return {
    kind: 'solid',
    session,
    catalog: {
      publish: (entry) => guarded(() => catalog.publish(entry)),
      withdraw: (remoteId) => guarded(() => catalog.withdraw(remoteId)),
      list: () => guarded(() => catalog.list()),
    },
    whoAmI: () => guarded(whoAmI),
    list: (article) =>
      guarded(async () => {
        const member = await whoAmI();
        if (!member.ok) return member;
        return listArticle(session, club, member.value.id, article, cache);
      }),
    publish: (draft) =>
      guarded(async () => {
        if (draft.replyTo === undefined && draft.selectors === undefined) {
          return { ok: false, code: 'invalid-response', detail: 'a highlight without selectors' };
        }
        const own = await ownDocument(draft.article);
        if (!own.ok) return own;
        // A highlight's id is its local id, so that publishing it again (the answer to the first try was lost
        // with the connection, and the outbox retries) replaces it rather than adding a copy.
        const fragment = draft.localId !== undefined && UUID.test(draft.localId) ? draft.localId : crypto.randomUUID();
        const remoteId = `${own.value.url}#${fragment}`;
        const time = new Date(now()).toISOString();
        const annotation = draftToAnnotation(draft, remoteId, own.value.member, { created: time, modified: time });
        const written = await changeOwnDocument(session, own.value.url, (items) => ({
          ok: true,
          value: [...items.filter((item) => idOf(item) !== remoteId), annotation],
        }));
        return written.ok ? { ok: true, value: { remoteId } } : written;
      }),
    update: (remoteId, draft) =>
      guarded(async () => {
        const own = await ownDocument(draft.article);
        if (!own.ok) return own;
        if (!remoteId.startsWith(`${own.value.url}#`)) return { ok: false, code: 'forbidden' };
        return changeOwnDocument(session, own.value.url, (items) => {
          const index = items.findIndex((item) => idOf(item) === remoteId);
          if (index < 0) return { ok: false, code: 'not-found' };
          const body = bodiesOf(draft);
          const { body: _old, ...rest } = items[index] as Record<string, unknown>;
          const updated = {
            ...rest,
            ...(body.length === 0 ? {} : { body }),
            ...(rest.motivation === 'replying'
              ? {}
              : { motivation: draft.note === '' ? 'highlighting' : 'commenting' }),
            modified: new Date(now()).toISOString(),
          };
          return { ok: true, value: items.map((item, i) => (i === index ? updated : item)) };
        });
      }),
    remove: (remoteId, article) =>
      guarded(async () => {
        const own = await ownDocument(article);
        if (!own.ok) return own;
        if (!remoteId.startsWith(`${own.value.url}#`)) return { ok: false, code: 'forbidden' };
        return changeOwnDocument(session, own.value.url, (items) => {
          const kept = items.filter((item) => idOf(item) !== remoteId);
          return { ok: true, value: kept.length === items.length ? null : kept };
        });
      }),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idOf(item: unknown): unknown {
  return typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
}

/** The last line of "never throws": a body that breaks off mid-read rejects outside any request's own catch. */
async function guarded<T>(call: () => Promise<ClubResult<T>>): Promise<ClubResult<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, ...thrownFailure(error) };
  }
}
