import type { ClubBackend, ClubResult } from './backend';

/**
 * What connects the reader to a Hypothesis group: the service's address (organisations run their own h), the
 * reader's developer token and the group's pubid. Only the background holds it.
 */
export interface HypothesisConfig {
  kind: 'hypothesis';
  service: string;
  token: string;
  group: string;
}

/**
 * What connects the reader to a club kept in a Solid pod: the OpenID issuer that knows the reader's client
 * credentials, and the club's container in the owner's pod. Only the background holds it.
 */
export interface SolidConfig {
  kind: 'solid';
  issuer: string;
  clientId: string;
  clientSecret: string;
  clubContainer: string;
}

export type ClubConfig = HypothesisConfig | SolidConfig;

/** A Hypothesis group the token's account may post in, for the options page's picker. */
export interface ClubGroup {
  id: string;
  name: string;
  /** Open and restricted groups are readable by anyone: the picker says so before notes go there. */
  readableByAnyone: boolean;
}

/**
 * The seam between the club service and the real backends (utils/club/hypothesis/, utils/club/solid/), given to
 * the background by its entrypoint, so the service is tested with an in-test backend and never names a service.
 * `create` is called once per connection: a backend holds that account's rate limit and session.
 */
export interface ClubBackends {
  create(config: ClubConfig): ClubBackend;
  /** The groups a Hypothesis token may post in (`GET /api/groups`); asked after the token proved itself. */
  groups(config: Pick<HypothesisConfig, 'service' | 'token'>): Promise<ClubResult<ClubGroup[]>>;
}

/**
 * The origins the background will send the reader's secret or notes to, which the options page asks the browser
 * for in the reader's click and the background checks before connecting. A Solid pod may live on another host
 * than its issuer.
 */
export function serviceOrigins(config: ClubConfig): string[] {
  const urls = config.kind === 'hypothesis' ? [config.service] : [config.issuer, config.clubContainer];
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

/**
 * The match pattern the browser's permission calls take for an origin. Without its port: Firefox refuses a
 * pattern with one, and a pattern without one covers every port (a club's test server on localhost).
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The secrets in a config: what no reply, message or log may ever carry. */
export function secretsOf(config: ClubConfig): string[] {
  return config.kind === 'hypothesis' ? [config.token] : [config.clientSecret];
}

/** Replaces any secret of the config found in a text from a service (an error's detail), so it cannot leak. */
export function withoutSecrets(text: string, config: ClubConfig): string {
  return secretsOf(config).reduce((scrubbed, secret) => scrubbed.split(secret).join('…'), text);
}
