import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadContract, type Operation } from './hypothesis-contract/contract';
import {
  AUTHORITY,
  createStore,
  type FakeGroupSeed,
  type FakeStore,
  type FakeUser,
  type StoredAnnotation,
  useridOf,
} from './hypothesis-fake-store';

/**
 * A contract fake of the Hypothesis API (h cannot run on these machines: PostgreSQL, Elasticsearch, RabbitMQ),
 * on 127.0.0.1 at a free port. It serves the endpoints the club backend uses, with h's rules for tokens, groups
 * and authorship, and checks every request against h's published API description and every reply it gives, with
 * ajv (`hypothesis-contract/`). Breaches are collected in `violations`; a test asserts there are none.
 *
 * Where h's behaviour is not what one might guess, the fake does what h does, after its source:
 * - an unknown or revoked token is no token (h/security/policy/_bearer_token.py): the profile's userid is null,
 *   search sees public groups only, writes are refused;
 * - every refusal is a 404 (h/views/api/errors.py turns 403s into 404s), an edit of another's annotation too;
 * - a non-member's search of a private group is an empty page, not an error (h/search/query.py);
 * - posting in a group one is not a member of is a 400 "group: …" (h/services/annotation_write.py).
 */
export interface HypothesisFake {
  /** The service address, as the reader would set it. */
  url: string;
  store: FakeStore;
  violations: string[];
  /** Every request received, in order, with its time. */
  requests: { method: string; path: string; query: URLSearchParams; at: number }[];
  /** The next `count` requests get this status instead of an answer (429: with `Retry-After` if given). */
  answerNext(count: number, status: number, retryAfter?: string): void;
  /** An annotation made directly in the store, as another client would have made it. */
  seed(username: string, body: Record<string, unknown>): StoredAnnotation;
  close(): Promise<void>;
}

export interface HypothesisFakeSeed {
  users: FakeUser[];
  groups: FakeGroupSeed[];
}

type Json = Record<string, unknown>;
const contract = loadContract();
const GROUP_REFUSAL = { status: 'failure', reason: 'group: You may not create annotations in the specified group!' };
const NOT_FOUND = "Either the resource you requested doesn't exist, or you are not currently authorized to see it.";

export async function startHypothesisFake(seed: HypothesisFakeSeed): Promise<HypothesisFake> {
  const store = createStore(seed.users, seed.groups);
  const canned: { status: number; retryAfter?: string }[] = [];
  const fake: Omit<HypothesisFake, 'url' | 'close'> = {
    store,
    violations: [],
    requests: [],
    answerNext(count, status, retryAfter) {
      for (let i = 0; i < count; i++) canned.push({ status, retryAfter });
    },
    seed(username, body) {
      const user = store.users.find((u) => u.username === username);
      const created = user && store.create(user, body);
      if (!created) throw new Error(`${username} may not post in ${String(body.group)}`);
      return created;
    },
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    fake.requests.push({ method, path: url.pathname, query: url.searchParams, at: Date.now() });
    const text = await readText(request);
    let body: unknown = null;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      fake.violations.push(`${method} ${url.pathname}: the body is not JSON`);
    }
    const op = contract.operation(method, url.pathname);
    const breaches = contract.checkRequest({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body,
    });
    fake.violations.push(...breaches.map((breach) => `request ${method} ${url.pathname}: ${breach}`));
    if (!op) return send(response, 404, { status: 'failure', reason: NOT_FOUND });
    const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      const found = contract.checkResponse(op, status, json);
      fake.violations.push(...found.map((breach) => `reply to ${method} ${url.pathname}: ${breach}`));
      send(response, status, json, headers);
    };
    if (breaches.length > 0) return reply(400, { status: 'failure', reason: breaches.join('; ') });
    const answer = canned.shift();
    if (answer) {
      const reason = answer.status === 429 ? 'Request rate limit exceeded' : 'Simulated failure';
      const headers: Record<string, string> = answer.retryAfter ? { 'retry-after': answer.retryAfter } : {};
      return reply(answer.status, { status: 'failure', reason }, headers);
    }
    route(op, url, store.userByAuthorization(request.headers.authorization), body as Json, reply);
  };

  const route = (op: Operation, url: URL, user: FakeUser | null, body: Json, reply: Reply) => {
    const id = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
    const notFound = () => reply(404, { status: 'failure', reason: NOT_FOUND });
    const key = `${op.method} ${op.template}`;
    if (key === 'get /profile') return reply(200, profile(store, user));
    if (key === 'get /groups') {
      return reply(
        200,
        store.groupsOf(user).map((group) => presentGroup(group, url)),
      );
    }
    if (key === 'get /groups/{id}/members') {
      const group = store.groups.find((g) => g.id === decodeURIComponent(url.pathname.split('/').at(-2) ?? ''));
      const readable = group && (group.type !== 'private' || (user !== null && group.members.includes(user.username)));
      if (!group || !readable || group.roles === null) return notFound();
      return reply(
        200,
        group.members.map((username) => membership(store, group, username)),
      );
    }
    if (key === 'get /search') {
      const { rows, total } = store.search(user, url.searchParams);
      return reply(200, { rows: rows.map((row) => present(store, row, url)), total });
    }
    if (key === 'post /annotations') {
      if (!user) return notFound();
      const created = store.create(user, body);
      return created ? reply(200, present(store, created, url)) : reply(400, GROUP_REFUSAL);
    }
    const annotation = store.annotations.get(id);
    if (!annotation || !store.canRead(user, annotation)) return notFound();
    if (key === 'get /annotations/{id}') return reply(200, present(store, annotation, url));
    if (!user || annotation.user !== useridOf(user)) return notFound();
    if (key === 'patch /annotations/{id}') {
      store.update(annotation, body);
      return reply(200, present(store, annotation, url));
    }
    if (key === 'delete /annotations/{id}') {
      store.annotations.delete(id);
      return reply(200, { deleted: true, id });
    }
    return notFound();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      fake.violations.push(`the fake failed: ${String(error)}`);
      if (!response.headersSent) send(response, 500, { status: 'failure', reason: 'fake failure' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

type Reply = (status: number, json: unknown, headers?: Record<string, string>) => void;

function profile(store: FakeStore, user: FakeUser | null) {
  const groups = store.groupsOf(user).map((g) => ({ id: g.id, name: g.name, public: g.type !== 'private' }));
  const base = { authority: AUTHORITY, features: {}, groups, preferences: {} };
  if (!user) return { ...base, userid: null };
  const info = user.displayName === undefined ? {} : { user_info: { display_name: user.displayName } };
  return { ...base, userid: useridOf(user), ...info };
}

function presentGroup(group: FakeStore['groups'][number], url: URL) {
  return {
    id: group.id,
    groupid: null,
    name: group.name,
    links: { html: `${url.origin}/groups/${group.id}` },
    organization: '__default__',
    public: group.type !== 'private',
    scoped: false,
    type: group.type,
    pre_moderated: false,
  };
}

/** A membership as h's presenter writes it (h/presenters/group_membership_json.py), in the legacy list form. */
function membership(store: FakeStore, group: FakeStore['groups'][number], username: string) {
  const user = store.users.find((u) => u.username === username);
  const time = '2026-01-01T00:00:00.000000+00:00';
  return {
    authority: AUTHORITY,
    userid: `acct:${username}@${AUTHORITY}`,
    username,
    display_name: user?.displayName ?? username,
    roles: group.roles?.[username] ?? ['member'],
    actions: [],
    created: time,
    updated: time,
  };
}

/** An annotation as h's presenter writes it (h/presenters/annotation_json.py). */
function present(store: FakeStore, annotation: StoredAnnotation, url: URL) {
  const author = store.users.find((user) => useridOf(user) === annotation.user);
  const owner = [annotation.user];
  return {
    ...annotation,
    permissions: { read: annotation.permissions.read, admin: owner, update: owner, delete: owner },
    links: { html: `${url.origin}/a/${annotation.id}`, incontext: `${url.origin}/${annotation.id}` },
    hidden: false,
    moderation_status: 'APPROVED',
    flagged: false,
    actions: [],
    user_info: { display_name: author?.displayName ?? null },
  };
}

function send(response: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, {
    'content-type': 'application/json',
    'hypothesis-media-type': 'application/vnd.hypothesis.v1+json',
    ...headers,
  });
  response.end(JSON.stringify(json));
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
