import type {
  ClubAnnotation,
  ClubBackend,
  ClubDraft,
  ClubFailure,
  ClubMember,
  ClubResult,
} from '../../utils/club/backend';
import type { ClubBackends, ClubConfig, ClubGroup } from '../../utils/club/backends';
import type { ClubCatalog, PublishedItem, PublisherRole } from '../../utils/club/club-catalog';

/**
 * An in-memory club service behind the ClubBackend interface, as a collaborator of the club service under test
 * (the real Hypothesis and Solid backends are tested on their own). It keeps every member's annotations, knows
 * one valid secret per member, and lets a test take it offline, fail the next calls or count its calls.
 */
export interface FakeClubOptions {
  /** The reader, as `whoAmI` answers for `token`. */
  me?: ClubMember;
  token?: string;
  groups?: ClubGroup[];
}

export const ME: ClubMember = { id: 'acct:reader@hypothes.is', name: 'Reader' };
export const BOB: ClubMember = { id: 'acct:bob@hypothes.is', name: 'Bob' };
export const TOKEN = '6879-secret-token-abcdef';
export const GROUP: ClubGroup = { id: 'grp1', name: 'KMb Journal Club', readableByAnyone: false };

export function makeFakeClub(options: FakeClubOptions = {}) {
  const me = options.me ?? ME;
  const validSecrets = new Set([options.token ?? TOKEN]);
  const groups = options.groups ?? [GROUP, { id: 'pub', name: 'Public', readableByAnyone: true }];
  /** Every annotation the service holds, any member's. */
  const annotations: (Omit<ClubAnnotation, 'mine'> & { doi: string })[] = [];
  const calls: string[] = [];
  /** Every draft published or sent as an update, in order. */
  const drafts: ClubDraft[] = [];
  const state = {
    offline: false,
    failNext: [] as ClubFailure[],
    next: 1,
    clock: Date.parse('2026-11-27T10:00:00Z'),
    /** When set, publishing waits for it: a call still out while the test acts. */
    holdPublish: null as Promise<void> | null,
    /** The service's roles by member id; null: a service that keeps none (every publisher is `unknown`). */
    roles: { [ME.id]: 'organiser' } as Record<string, PublisherRole> | null,
  };
  /** The club's catalog on the service: every member's published entries, as sent (unvalidated). */
  const catalogItems: Omit<PublishedItem, 'mine' | 'role'>[] = [];
  const configs: ClubConfig[] = [];

  const secretOf = (config: ClubConfig | Pick<ClubConfig & { token: string }, 'token'>) =>
    'kind' in config && config.kind === 'solid' ? config.clientSecret : (config as { token: string }).token;

  function gate<T>(config: ClubConfig | { token: string }, run: () => ClubResult<T>): ClubResult<T> {
    if (state.offline) return { ok: false, code: 'offline' };
    const failure = state.failNext.shift();
    if (failure) return { ok: false, ...failure };
    if (!validSecrets.has(secretOf(config as ClubConfig))) return { ok: false, code: 'unauthorized' };
    return run();
  }

  const stamp = () => {
    state.clock += 1_000;
    return new Date(state.clock).toISOString();
  };

  /** Another member writes on the service (a highlight, or a reply with `replyTo`). */
  function add(author: ClubMember, doi: string, fields: Partial<ClubAnnotation> = {}): string {
    const remoteId = `r${state.next++}`;
    const at = stamp();
    annotations.push({
      remoteId,
      author,
      createdAt: at,
      updatedAt: at,
      questionId: null,
      note: '',
      selectors: [],
      replyTo: null,
      doi,
      ...fields,
    });
    return remoteId;
  }

  /** Another member publishes an entry (or anything else) in the club's catalog. */
  function publishAs(publisher: ClubMember, raw: unknown): string {
    const remoteId = `c${state.next++}`;
    catalogItems.push({ remoteId, publisher, updatedAt: stamp(), raw });
    return remoteId;
  }

  function catalogFor(config: ClubConfig): ClubCatalog {
    const role = (id: string): PublisherRole => (state.roles === null ? 'unknown' : (state.roles[id] ?? 'member'));
    return {
      publish: async (entry) => {
        calls.push(`catalog publish ${entry.id}`);
        return gate(config, () => {
          const mine = catalogItems.find(
            (item) => item.publisher.id === me.id && (item.raw as { id: string }).id === entry.id,
          );
          if (mine) Object.assign(mine, { raw: entry, updatedAt: stamp() });
          return { ok: true, value: { remoteId: mine?.remoteId ?? publishAs(me, entry) } };
        });
      },
      withdraw: async (remoteId) => {
        calls.push(`catalog withdraw ${remoteId}`);
        return gate(config, () => {
          const at = catalogItems.findIndex((item) => item.remoteId === remoteId);
          if (at >= 0 && catalogItems[at]?.publisher.id !== me.id) return { ok: false, code: 'forbidden' };
          if (at >= 0) catalogItems.splice(at, 1);
          return { ok: true, value: undefined };
        });
      },
      list: async () => {
        calls.push('catalog list');
        return gate(config, () => ({
          ok: true,
          value: {
            items: catalogItems.map((item) => ({
              ...item,
              mine: item.publisher.id === me.id,
              role: role(item.publisher.id),
            })),
            problems: [],
            requests: 1,
          },
        }));
      },
    };
  }

  function backendFor(config: ClubConfig): ClubBackend {
    configs.push(config);
    return {
      catalog: catalogFor(config),
      kind: config.kind,
      whoAmI: async () => {
        calls.push('whoAmI');
        return gate(config, () => ({ ok: true, value: me }));
      },
      list: async (article) => {
        calls.push(`list ${article.doi}`);
        return gate(config, () => ({
          ok: true,
          value: {
            annotations: annotations
              .filter((annotation) => annotation.doi === article.doi)
              .map(({ doi: _doi, ...annotation }) => ({ ...annotation, mine: annotation.author.id === me.id })),
            requests: 1,
          },
        }));
      },
      publish: async (draft: ClubDraft) => {
        calls.push(`publish ${draft.localId ?? `reply ${draft.replyTo}`}`);
        drafts.push(draft);
        if (state.holdPublish) await state.holdPublish;
        return gate(config, () => ({
          ok: true,
          value: {
            remoteId: add(me, draft.article.doi, {
              questionId: draft.question?.id ?? null,
              note: draft.note,
              selectors: draft.selectors ?? [],
              replyTo: draft.replyTo ?? null,
            }),
          },
        }));
      },
      update: async (remoteId, draft) => {
        calls.push(`update ${remoteId}`);
        drafts.push(draft);
        return gate(config, () => {
          const found = annotations.find((annotation) => annotation.remoteId === remoteId);
          if (!found) return { ok: false, code: 'not-found' };
          if (found.author.id !== me.id) return { ok: false, code: 'forbidden' };
          found.note = draft.note;
          found.questionId = draft.question?.id ?? null;
          found.updatedAt = stamp();
          return { ok: true, value: undefined };
        });
      },
      remove: async (remoteId) => {
        calls.push(`remove ${remoteId}`);
        return gate(config, () => {
          const at = annotations.findIndex((annotation) => annotation.remoteId === remoteId);
          if (at === -1) return { ok: true, value: undefined };
          if (annotations[at]?.author.id !== me.id) return { ok: false, code: 'forbidden' };
          annotations.splice(at, 1);
          return { ok: true, value: undefined };
        });
      },
    };
  }

  const backends: ClubBackends = {
    create: backendFor,
    groups: async (config) => {
      calls.push('groups');
      return gate(config, () => ({ ok: true, value: groups }));
    },
  };
  return { backends, annotations, catalogItems, calls, drafts, state, configs, add, publishAs, validSecrets };
}

export type FakeClub = ReturnType<typeof makeFakeClub>;
