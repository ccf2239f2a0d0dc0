/**
 * What the reader may subscribe to. Feeds are fetched only from sites the reader approved, so the address must
 * say plainly where it goes: https only, because a catalog tells the panel what to show on every
 * article and must not be altered in transit; loopback over plain http is the one exception, so that a club
 * can try a feed on its own machine (`http://127.0.0.1:8080/catalog.json`) before publishing it.
 */

/** Longer than any real feed address; beyond it the input is a paste gone wrong. */
export const FEED_URL_MAX_LENGTH = 2_048;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

export type FeedUrlProblem = 'empty' | 'too-long' | 'not-a-url' | 'not-https' | 'credentials';

export type ParsedFeedUrl =
  | {
      ok: true;
      /** The normalised address, without its fragment (a fragment never reaches the server). */
      url: string;
      /** The site the reader approves by subscribing, as a match pattern: its site, any port. */
      origin: string;
    }
  | { ok: false; problem: FeedUrlProblem };

/** Checks what the reader typed (or what a message claims); never throws. */
export function parseFeedUrl(input: string): ParsedFeedUrl {
  const raw = input.trim();
  if (raw === '') return { ok: false, problem: 'empty' };
  if (raw.length > FEED_URL_MAX_LENGTH) return { ok: false, problem: 'too-long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) return { ok: false, problem: 'not-https' };
  // `https://club.org@evil.example/` only serves to disguise where a request goes, and a password in a
  // stored address would sit in the reader's profile in clear.
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  url.hash = '';
  return { ok: true, url: url.href, origin: originPattern(url) };
}

/**
 * `https://club.example/*`: an approval covers the site on any port, as a browser's match pattern without one
 * does (Firefox accepts no port in a pattern at all).
 */
function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}
