import type { ClubResult } from '../backend';
import { catalogContainer } from './catalog-layout';
import { statusFailure } from './http-failure';
import { memberContainer, membersContainer } from './layout';
import type { PodSession } from './pod-session';

/**
 * The owner's setup of a club in their pod, as Web Access Control (WAC) documents, which the Community Solid
 * Server (its default configuration) and the other WAC servers enforce:
 * - the club's container: the owner may do anything; every member may read everything under it (`acl:default`);
 * - the club's catalog `catalog/`: the same, plus Read and Write for its organisers, who publish entries there
 *   (a member who is not one suggests entries in their own container; see `catalog-layout.ts`);
 * - each member's container `members/<slug>/`: the same, plus Read and Write for that member alone. A member
 *   cannot change any ACL (only the owner has Control), nor write anywhere else, so an annotation found in a
 *   member's container was written by that member (or with their credentials).
 *
 * An ACL on a member's container replaces what it would inherit, so it repeats the owner and the members. Run
 * again with the new list when members join or leave: every container listed is created if missing and every
 * ACL rewritten (a departed member's container keeps its content, readable by the new list, until the owner
 * deletes it). The owner is a member too.
 */
export async function setupClub(
  session: PodSession,
  club: string,
  memberWebIds: readonly string[],
  organiserWebIds: readonly string[] = [],
): Promise<ClubResult<void>> {
  const owner = await session.webId();
  if (!owner.ok) return owner;
  const members = [...new Set([owner.value, ...memberWebIds])];
  const organisers = [...new Set([owner.value, ...organiserWebIds])];
  const bad = [...members, ...organisers].find((webId) => !isTurtleSafeIri(webId));
  if (bad !== undefined) return { ok: false, code: 'invalid-response', detail: `not a WebID: ${bad}` };
  const catalog = catalogContainer(club);
  const containers = [club, membersContainer(club), catalog];
  for (const member of members) containers.push(await memberContainer(club, member));
  for (const container of containers) {
    const created = await createContainer(session, container);
    if (!created.ok) return created;
  }
  const clubAcl = await writeAcl(session, club, [
    rule('owner', [owner.value], club, ['Read', 'Write', 'Control']),
    rule('members', members, club, ['Read']),
  ]);
  if (!clubAcl.ok) return clubAcl;
  const catalogAcl = await writeAcl(session, catalog, [
    rule('owner', [owner.value], catalog, ['Read', 'Write', 'Control']),
    rule('members', members, catalog, ['Read']),
    rule('organisers', organisers, catalog, ['Read', 'Write']),
  ]);
  if (!catalogAcl.ok) return catalogAcl;
  for (const member of members) {
    const container = await memberContainer(club, member);
    const written = await writeAcl(session, container, [
      rule('owner', [owner.value], container, ['Read', 'Write', 'Control']),
      rule('members', members, container, ['Read']),
      rule('writer', [member], container, ['Read', 'Write']),
    ]);
    if (!written.ok) return written;
  }
  return { ok: true, value: undefined };
}

/** `If-None-Match: *` makes creating idempotent: a container that exists answers 412 and is left as it is. */
async function createContainer(session: PodSession, url: string): Promise<ClubResult<void>> {
  const sent = await session.request('PUT', url, {
    headers: {
      'Content-Type': 'text/turtle',
      'If-None-Match': '*',
      Link: '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"',
    },
    body: '',
  });
  if (!sent.ok) return sent;
  await sent.value.body?.cancel().catch(() => {});
  if (sent.value.status === 412 || sent.value.status === 409) return { ok: true, value: undefined };
  const failure = statusFailure(sent.value);
  return failure === null ? { ok: true, value: undefined } : { ok: false, ...failure };
}

/** The ACL document's address, as the server names it in a `Link: <…>; rel="acl"` header (not guessed). */
async function aclOf(session: PodSession, url: string): Promise<ClubResult<string>> {
  const sent = await session.request('HEAD', url);
  if (!sent.ok) return sent;
  const failure = statusFailure(sent.value);
  if (failure !== null) return { ok: false, ...failure };
  const links = sent.value.headers.get('Link') ?? '';
  const match = /<([^>]*)>\s*;\s*rel="?acl"?(?:[;,\s]|$)/i.exec(links);
  if (match?.[1] === undefined)
    return { ok: false, code: 'invalid-response', detail: 'the pod names no ACL (not WAC)' };
  return { ok: true, value: new URL(match[1], url).href };
}

async function writeAcl(session: PodSession, url: string, rules: string[]): Promise<ClubResult<void>> {
  const acl = await aclOf(session, url);
  if (!acl.ok) return acl;
  const body = `@prefix acl: <http://www.w3.org/ns/auth/acl#>.\n\n${rules.join('\n\n')}\n`;
  const sent = await session.request('PUT', acl.value, { headers: { 'Content-Type': 'text/turtle' }, body });
  if (!sent.ok) return sent;
  await sent.value.body?.cancel().catch(() => {});
  const failure = statusFailure(sent.value);
  return failure === null ? { ok: true, value: undefined } : { ok: false, ...failure };
}

function rule(name: string, agents: string[], container: string, modes: string[]): string {
  return [
    `<#${name}> a acl:Authorization;`,
    `  acl:agent ${agents.map((agent) => `<${agent}>`).join(', ')};`,
    `  acl:accessTo <${container}>;`,
    `  acl:default <${container}>;`,
    `  acl:mode ${modes.map((mode) => `acl:${mode}`).join(', ')}.`,
  ].join('\n');
}

/** An absolute http(s) IRI with none of the characters a Turtle IRI may not hold, so it cannot break out of `<…>`. */
function isTurtleSafeIri(text: string): boolean {
  return /^https?:\/\/[^\s<>"{}|^`\\]+$/.test(text) && URL.canParse(text);
}
