import * as v from 'valibot';
import type { ClubMember } from './backend';
import type { ClubConfig, HypothesisConfig, SolidConfig } from './backends';

/** Where the connection lives in `storage.local`: read by the background only, never sent to a page. */
export const CLUB_CONNECTION_KEY = 'club-connection';

/** "Only me" keeps a highlight in this browser; "My club" sends a copy to the club's service. */
export type Visibility = 'only-me' | 'club';

/**
 * The reader's connection to their club: the backend's config (with its secret), who the service says the
 * reader is, and the default for new highlights. "Only me" is the default: nothing leaves the browser until the
 * reader both connects and chooses "My club".
 */
export interface ClubConnection {
  config: ClubConfig;
  member: ClubMember;
  /** The Hypothesis group's name, or the Solid club container's address, as the options page names the club. */
  groupName: string;
  defaultVisibility: Visibility;
  connectedAt: string;
}

/** What the extension's pages are told of the connection: everything but the secret. */
export interface ClubConnectionView {
  kind: ClubConfig['kind'];
  /** The address the background talks to: the Hypothesis service, or the club's container in a pod. */
  service: string;
  /** The Hypothesis group's id, or null for a pod. */
  groupId: string | null;
  groupName: string;
  member: ClubMember;
  defaultVisibility: Visibility;
  connectedAt: string;
}

const SECRET_MAX_LENGTH = 1_000;
const URL_MAX_LENGTH = 2_000;

/**
 * https, or plain http to this machine only (a club's test server): the secret travels over this address.
 * `localhost` and the loopback addresses are all accepted here; a backend may be stricter.
 */
export function isServiceAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

const ServiceUrl = v.pipe(v.string(), v.trim(), v.maxLength(URL_MAX_LENGTH), v.check(isServiceAddress));
const Secret = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(SECRET_MAX_LENGTH));
const Short = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(200));

export const HypothesisConfigSchema = v.object({
  kind: v.literal('hypothesis'),
  service: ServiceUrl,
  token: Secret,
  group: Short,
}) satisfies v.GenericSchema<unknown, HypothesisConfig>;

export const SolidConfigSchema = v.object({
  kind: v.literal('solid'),
  issuer: ServiceUrl,
  clientId: Secret,
  clientSecret: Secret,
  clubContainer: v.pipe(
    ServiceUrl,
    v.check((value) => new URL(value).pathname.endsWith('/'), 'a container address ends in /'),
  ),
}) satisfies v.GenericSchema<unknown, SolidConfig>;

export const ClubConfigSchema = v.variant('kind', [HypothesisConfigSchema, SolidConfigSchema]);

export const VisibilitySchema = v.picklist(['only-me', 'club']) satisfies v.GenericSchema<unknown, Visibility>;

const ConnectionSchema = v.object({
  config: ClubConfigSchema,
  member: v.object({ id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(URL_MAX_LENGTH)), name: v.string() }),
  groupName: v.pipe(v.string(), v.maxLength(URL_MAX_LENGTH)),
  defaultVisibility: VisibilitySchema,
  connectedAt: v.string(),
}) satisfies v.GenericSchema<unknown, ClubConnection>;

/** The stored connection, checked on every read: a damaged one counts as none (the reader connects again). */
export function parseConnection(stored: unknown): ClubConnection | null {
  const parsed = v.safeParse(ConnectionSchema, stored);
  return parsed.success ? parsed.output : null;
}

/** The connection as the options page may see it. */
export function redacted(connection: ClubConnection): ClubConnectionView {
  const { config } = connection;
  return {
    kind: config.kind,
    service: config.kind === 'hypothesis' ? config.service : config.clubContainer,
    groupId: config.kind === 'hypothesis' ? config.group : null,
    groupName: connection.groupName,
    member: connection.member,
    defaultVisibility: connection.defaultVisibility,
    connectedAt: connection.connectedAt,
  };
}

/** Whether two configs reach the same club as the same kind of account (a new token for it is a renewal). */
export function sameClub(a: ClubConfig, b: ClubConfig): boolean {
  if (a.kind === 'hypothesis' && b.kind === 'hypothesis') {
    return new URL(a.service).origin === new URL(b.service).origin && a.group === b.group;
  }
  if (a.kind === 'solid' && b.kind === 'solid') return new URL(a.clubContainer).href === new URL(b.clubContainer).href;
  return false;
}
