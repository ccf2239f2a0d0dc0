import * as v from 'valibot';

/**
 * What the options page stores for a club kept in a Solid pod, and all the background needs to reach it. The
 * client id and secret are the reader's own, made on their Community Solid Server account page ("Credential
 * tokens"); they stay in extension storage and only the background sends them, to the issuer alone.
 */
export interface SolidClubConfig {
  kind: 'solid';
  /** The OpenID issuer that knows the reader's credentials: for the Community Solid Server, its root URL. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The club's container in the owner's pod, ending in `/`, e.g. `https://pod.example/alice/journal-club/jc1/`. */
  clubContainer: string;
}

const SECRET_MAX_LENGTH = 1_000;
const URL_MAX_LENGTH = 2_000;

/**
 * https, or plain http to this machine only: the secret and the tokens travel over it, and the Community Solid
 * Server itself refuses http tokens for any other host. `localhost`, not `127.0.0.1`: the server checks that the
 * token's URI is "a localhost with port number HTTP URI" and refuses every request made to the bare address.
 */
export function isSecureEnough(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost');
}

const secureUrl = v.pipe(
  v.string(),
  v.maxLength(URL_MAX_LENGTH),
  v.url(),
  v.check((value) => isSecureEnough(new URL(value)), 'must be https (or http://localhost)'),
);

export const SolidClubConfigSchema = v.strictObject({
  kind: v.literal('solid'),
  issuer: secureUrl,
  clientId: v.pipe(v.string(), v.nonEmpty(), v.maxLength(SECRET_MAX_LENGTH)),
  clientSecret: v.pipe(v.string(), v.nonEmpty(), v.maxLength(SECRET_MAX_LENGTH)),
  clubContainer: v.pipe(
    secureUrl,
    v.check((value) => {
      const url = new URL(value);
      return url.pathname.endsWith('/') && url.search === '' && url.hash === '';
    }, 'must be a container address, ending in /'),
  ),
}) satisfies v.GenericSchema<unknown, SolidClubConfig>;
