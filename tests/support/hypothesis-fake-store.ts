import { randomBytes } from 'node:crypto';

/**
 * The state behind the Hypothesis contract fake (`hypothesis-fake.ts`): accounts with tokens, groups with
 * members, annotations, and the document equivalence that lets a `doi:` search find the annotations of every
 * copy of an article. The rules are h's, as its source states them: who may read (the group's members, anyone
 * for the public group, the author always), who may post in a group (its members), how search filters, sorts
 * and pages (h/search/query.py).
 */
export const AUTHORITY = 'hypothes.is';
export const WORLD = '__world__';

export interface FakeUser {
  username: string;
  token: string;
  displayName?: string;
}

export interface FakeGroup {
  id: string;
  name: string;
  type: 'private' | 'open' | 'restricted';
  members: string[];
  /**
   * Members' roles by username (h's `owner`, `admin`, `moderator`, `member`); a member not named is a `member`.
   * Null for a service that keeps no roles: `GET /groups/{id}/members` is then a 404, as on an older h.
   */
  roles?: Record<string, string[]> | null;
}

/** A group as a test names it: private unless it says otherwise. */
export type FakeGroupSeed = Omit<FakeGroup, 'type'> & { type?: FakeGroup['type'] };

type Json = Record<string, unknown>;

export interface StoredAnnotation {
  id: string;
  created: string;
  updated: string;
  user: string;
  uri: string;
  text: string;
  tags: string[];
  group: string;
  permissions: { read: string[] };
  target: Json[];
  document: Json;
  references?: string[];
}

export const useridOf = (user: FakeUser) => `acct:${user.username}@${AUTHORITY}`;

/** h's timestamps: microseconds and an explicit offset. Strictly increasing, so paging on `created` is exact. */
function clock() {
  let last = 0;
  return () => {
    last = Math.max(Date.now() * 1000, last + 1);
    const iso = new Date(Math.floor(last / 1000)).toISOString();
    return `${iso.slice(0, 19)}.${String(last % 1_000_000).padStart(6, '0')}+00:00`;
  };
}

/** `doi:` URIs are case-insensitive, as DOIs are; other addresses are compared as written. */
const normalize = (uri: string) =>
  uri.trim().toLowerCase().startsWith('doi:') ? uri.trim().toLowerCase() : uri.trim();
const asDoiUri = (value: string) => `doi:${value.replace(/^doi:/i, '')}`;

export function createStore(users: FakeUser[], groups: FakeGroupSeed[]) {
  const allGroups: FakeGroup[] = [
    { id: WORLD, name: 'Public', type: 'open', members: [] },
    ...groups.map((group) => ({ type: 'private' as const, ...group })),
  ];
  const annotations = new Map<string, StoredAnnotation>();
  /** Union-find over normalised document URIs: one root per document, as h's document table keeps them. */
  const parent = new Map<string, string>();
  const now = clock();

  const root = (uri: string): string => {
    const up = parent.get(uri);
    if (up === undefined || up === uri) return uri;
    const top = root(up);
    parent.set(uri, top);
    return top;
  };
  const join = (uris: string[]) => {
    const [first, ...rest] = uris.map(normalize);
    if (first === undefined) return;
    for (const uri of rest) parent.set(root(uri), root(first));
  };
  /** What the body claims as the same document: its address, its DOIs (highwire, Dublin Core) and its links. */
  const claims = (body: Json): string[] => {
    const document = (body.document ?? {}) as { highwire?: Json; dc?: Json; link?: { href?: unknown }[] };
    const strings = (value: unknown) => (Array.isArray(value) ? value.filter((x) => typeof x === 'string') : []);
    return [
      String(body.uri),
      ...strings(document.highwire?.doi).map(asDoiUri),
      ...strings(document.dc?.identifier).map(asDoiUri),
      ...strings((document.link ?? []).map((link) => link.href)),
    ];
  };

  const group = (id: string) => allGroups.find((g) => g.id === id);
  const isMember = (user: FakeUser | null, id: string) =>
    id === WORLD ? user !== null : user !== null && (group(id)?.members.includes(user.username) ?? false);
  const canReadGroup = (user: FakeUser | null, id: string) => {
    const found = group(id);
    return found !== undefined && (found.type !== 'private' || isMember(user, id));
  };
  const canRead = (user: FakeUser | null, annotation: StoredAnnotation) =>
    (user !== null && annotation.user === useridOf(user)) ||
    (annotation.permissions.read.includes(`group:${annotation.group}`) && canReadGroup(user, annotation.group));

  return {
    users,
    groups: allGroups,
    annotations,
    userByAuthorization(header: string | undefined): FakeUser | null {
      const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
      return users.find((user) => user.token === token) ?? null;
    },
    /** The groups a member sees in `GET /api/groups`: the public one and their own. */
    groupsOf: (user: FakeUser | null) => allGroups.filter((g) => g.id === WORLD || isMember(user, g.id)),
    canRead,
    /** Creates as h does; null when the author may not post in the group (h answers 400, "group: …"). */
    create(user: FakeUser, body: Json): StoredAnnotation | null {
      const references = Array.isArray(body.references) ? (body.references as string[]) : undefined;
      const parentAnnotation = references?.length ? annotations.get(references.at(-1) as string) : undefined;
      // A reply lives in its parent's group, whatever it says (annotation-create.yaml, `group`).
      const groupId = parentAnnotation?.group ?? (typeof body.group === 'string' ? body.group : WORLD);
      if (!isMember(user, groupId)) return null;
      const time = now();
      const created: StoredAnnotation = {
        id: randomBytes(16).toString('base64url').slice(0, 22),
        created: time,
        updated: time,
        user: useridOf(user),
        uri: String(body.uri),
        text: typeof body.text === 'string' ? body.text : '',
        tags: Array.isArray(body.tags) ? (body.tags as string[]) : [],
        group: groupId,
        permissions: { read: ((body.permissions as Json | undefined)?.read as string[]) ?? [useridOf(user)] },
        target: Array.isArray(body.target) ? (body.target as Json[]) : [{ source: String(body.uri) }],
        document: { title: ((body.document as Json | undefined)?.title as string[]) ?? [] },
        ...(references ? { references } : {}),
      };
      join(claims(body));
      annotations.set(created.id, created);
      return created;
    },
    update(annotation: StoredAnnotation, body: Json) {
      if (typeof body.text === 'string') annotation.text = body.text;
      if (Array.isArray(body.tags)) annotation.tags = body.tags as string[];
      annotation.updated = now();
    },
    /** `GET /api/search` over what `user` may read: rows of one page and the total before paging. */
    search(user: FakeUser | null, query: URLSearchParams) {
      const uri = query.get('uri') ?? query.get('url');
      const document = uri === null ? null : root(normalize(uri));
      const groupIds = query.getAll('group');
      // h matches a tag whole and without case (h/search/query.py, TagsFilter over the keyword-normalised field).
      const tags = query.getAll('tag').map((tag) => tag.toLowerCase());
      const sort = (query.get('sort') ?? 'updated') as 'created' | 'updated';
      const direction = query.get('order') === 'asc' ? 1 : -1;
      const after = query.get('search_after');
      const limit = Number(query.get('limit') ?? 20);
      const matching = [...annotations.values()]
        .filter((a) => canRead(user, a))
        .filter((a) => groupIds.length === 0 || (groupIds.includes(a.group) && canReadGroup(user, a.group)))
        .filter((a) => document === null || root(normalize(a.uri)) === document)
        .filter((a) => tags.every((tag) => a.tags.some((t) => t.toLowerCase() === tag)))
        .sort((a, b) => direction * a[sort].localeCompare(b[sort]));
      const page = matching.filter((a) => after === null || direction * a[sort].localeCompare(after) > 0);
      return { rows: page.slice(0, limit), total: matching.length };
    },
  };
}

export type FakeStore = ReturnType<typeof createStore>;
