import { i18n } from '#i18n';
import { sameDoi } from '../article/doi';
import { httpUrl } from '../article/http-url';
import { NOTE_MAX_LENGTH } from '../highlights/highlight';
import { lowerFirst } from '../lower-first';
import { decodeBase64url, encodeBase64url } from './base64url';
import { deflateRaw, inflateRawCapped } from './compression';
import { parsePayload, QUESTION_TEXT_MAX_LENGTH, type SharedHighlight, toPayload } from './payload';
import { findPayload } from './share-url';
import { cut, shortenToFit } from './shorten-to-fit';

/**
 * Share links: a highlight (or all of an article's highlights) packed into a link that works for everyone.
 *
 * Form: `https://doi.org/<doi>#jc=<payload>:~:text=<directive>`. The DOI resolver sends any recipient to the
 * publisher's page; browsers carry the fragment across its redirect. The `:~:text=` directive (URL Text
 * Fragments) makes browsers (Chromium-based, Safari, recent Firefox) scroll to and mark the passage even without
 * the extension; page scripts never see it. The `#jc=` part is for the recipient's extension: `1` (the format version), then
 * base64url of raw-deflated JSON (see `payload.ts`); where it sits in an address is `share-url.ts`.
 */

export type { SharedHighlight } from './payload';

/**
 * Budget for a single highlight's link. About 2,000 characters is what survives everywhere a link is pasted:
 * old browsers and many link checkers stop at 2,048, and chat tools and mail clients may wrap or cut longer
 * links. A long note is shortened to fit (see {@link noteShortenedMarker}).
 */
export const LINK_MAX_LENGTH = 2_000;
/**
 * Bound for "Share all". Browsers accept far longer URLs (Chromium 2 MB) and the fragment never reaches a
 * server, but links are pasted into chat tools, mail and documents whose link detection and previews break on
 * very long URLs; 8,000 characters stays within what the common ones pass intact. Nothing is shortened here:
 * past the bound the caller should offer to share highlights one by one.
 */
export const SHARE_ALL_MAX_LENGTH = 8_000;
/** Ends a note cut to fit the link, so the recipient knows there was more; in the sender's language. */
export const noteShortenedMarker = (): string => i18n.t('sharing.noteShortenedMarker');
const QUESTION_SHORTENED_MARKER = '…';
/** Caps for decoding hostile links: no link this module makes comes near them. */
export const PAYLOAD_MAX_BYTES = 16 * 1024;
export const PAYLOAD_MAX_INFLATED_BYTES = 64 * 1024;
const PAYLOAD_MAX_CHARS = 1 + Math.ceil((PAYLOAD_MAX_BYTES * 4) / 3);
const FORMAT_VERSION = '1';
/** Version characters a later release may use: reported as "update the extension", not as damage. */
const LATER_VERSION = /^[2-9A-Za-z]$/;
const PAYLOAD_CHARS = /^[A-Za-z0-9_-]*$/;
/** What `buildTextFragment` makes: `text=` directives of percent-encoded terms, joined by `&`. */
const TEXT_DIRECTIVES = /^text=[\w%,-]+(?:&text=[\w%,-]+)*$/;
const DOI_RESOLVER = 'https://doi.org/';

/** Looked up when a link fails, so that they come out in the reader's language of the moment. */
const DAMAGED = () => i18n.t('sharing.damaged');
const TOO_LARGE = () => i18n.t('sharing.tooLarge');
const NEWER = () => i18n.t('sharing.newer');

export type DecodeResult = { ok: true; shared: SharedHighlight[] } | { ok: false; error: string };

export interface ShareLinkOptions {
  /** The current page's address, to link to it instead of the DOI resolver; its fragment is dropped. */
  base?: string;
  /** A text directive from `buildTextFragment` (several may be joined by `&`), or null/absent for none. */
  fragment?: string | null;
  /** Longest acceptable link, in characters. */
  maxLength?: number;
}

/**
 * The link for one highlight. When it would pass `maxLength` (default {@link LINK_MAX_LENGTH}), the note is
 * shortened, then the question text, and `shortened` is true. A link can stay over the budget only when the
 * quote itself is too long for it (a few thousand characters). Throws a TypeError for input that could not be
 * decoded again (a malformed DOI, an over-long note…): a bug in the caller, not something to show a reader.
 */
export async function encodeShareLink(
  shared: SharedHighlight,
  options: ShareLinkOptions = {},
): Promise<{ url: string; shortened: boolean }> {
  const [item] = validate([shared]) as [SharedHighlight];
  const maxLength = options.maxLength ?? LINK_MAX_LENGTH;
  const start = linkStart(item.doi, options.base);
  const end = directiveTail(options.fragment);
  const urlFor = async (candidate: SharedHighlight) => `${start}${await encodePayload([candidate])}${end}`;
  const full = await urlFor(item);
  if (full.length <= maxLength) return { url: full, shortened: false };

  const fits = async (candidate: SharedHighlight) => {
    const url = await urlFor(candidate);
    return url.length <= maxLength ? url : null;
  };
  const { note, questionText } = item;
  if (note !== '') {
    const url = await shortenToFit(note, noteShortenedMarker(), NOTE_MAX_LENGTH, (n) => fits({ ...item, note: n }));
    if (url !== null) return { url, shortened: true };
  }
  const noteless = note === '' ? item : { ...item, note: cut(note, 0, noteShortenedMarker()) };
  if (questionText) {
    const url = await shortenToFit(questionText, QUESTION_SHORTENED_MARKER, QUESTION_TEXT_MAX_LENGTH, (q) =>
      fits({ ...noteless, questionText: q }),
    );
    if (url !== null) return { url, shortened: true };
  }
  const smallest = questionText ? { ...noteless, questionText: QUESTION_SHORTENED_MARKER } : noteless;
  return { url: await urlFor(smallest), shortened: smallest !== item };
}

/**
 * One link with all of an article's highlights (same DOI and club; the entry id and title are the first
 * item's), or how long it would be when that passes `maxLength` (default {@link SHARE_ALL_MAX_LENGTH}).
 */
export async function encodeShareAll(
  items: readonly SharedHighlight[],
  options: ShareLinkOptions = {},
): Promise<{ url: string } | { tooLong: true; length: number; limit: number }> {
  const checked = validate(items);
  const first = checked[0] as SharedHighlight;
  const limit = options.maxLength ?? SHARE_ALL_MAX_LENGTH;
  const url = `${linkStart(first.doi, options.base)}${await encodePayload(checked)}${directiveTail(options.fragment)}`;
  return url.length <= limit ? { url } : { tooLong: true, length: url.length, limit };
}

/**
 * The highlights in a share link: always a list (one item for a single highlight). Null when the URL has no
 * `#jc=` part; otherwise never throws, and every failure is a sentence for the reader. Every string in a
 * result is validated plain text: render it as text, never as HTML.
 */
export async function decodeShareLink(url: string): Promise<DecodeResult | null> {
  try {
    if (typeof url !== 'string') return null;
    const found = findPayload(url);
    if (found === null) return null;
    return await decodePayload(url.slice(found.from + 3, found.to));
  } catch {
    return { ok: false, error: DAMAGED() };
  }
}

async function decodePayload(payload: string): Promise<DecodeResult> {
  if (payload.length > PAYLOAD_MAX_CHARS) return { ok: false, error: TOO_LARGE() };
  const version = payload.charAt(0);
  if (version !== FORMAT_VERSION) return { ok: false, error: LATER_VERSION.test(version) ? NEWER() : DAMAGED() };
  const bytes = PAYLOAD_CHARS.test(payload) ? decodeBase64url(payload.slice(1)) : null;
  if (bytes === null || bytes.length === 0) return { ok: false, error: DAMAGED() };
  const inflated = await inflateRawCapped(bytes, PAYLOAD_MAX_INFLATED_BYTES);
  if (inflated === 'too-large') return { ok: false, error: TOO_LARGE() };
  if (inflated === 'corrupt') return { ok: false, error: DAMAGED() };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, error: DAMAGED() };
  }
  const parsed = parsePayload(json);
  if (parsed.ok) return parsed;
  return { ok: false, error: i18n.t('sharing.cannotOpen', [lowerFirst(parsed.error)]) };
}

async function encodePayload(items: readonly SharedHighlight[]): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(toPayload(items)));
  const bytes = await deflateRaw(json);
  if (json.length > PAYLOAD_MAX_INFLATED_BYTES || bytes.length > PAYLOAD_MAX_BYTES) {
    throw new RangeError('These highlights hold too much text for a share link.');
  }
  return FORMAT_VERSION + encodeBase64url(bytes);
}

/** The items as a link will decode them (text cleaned), or a TypeError for what no link may carry. */
function validate(items: readonly SharedHighlight[]): SharedHighlight[] {
  const first = items[0];
  if (first === undefined) throw new TypeError('There are no highlights to share.');
  if (items.some((item) => !sameDoi(item.doi, first.doi) || item.clubName !== first.clubName)) {
    throw new TypeError('Highlights shared in one link must be of the same article and club.');
  }
  const parsed = parsePayload(toPayload(items));
  if (!parsed.ok) throw new TypeError(`This highlight cannot be shared: ${lowerFirst(parsed.error)}`);
  return parsed.shared;
}

function linkStart(doi: string, base: string | undefined): string {
  if (base === undefined) return `${DOI_RESOLVER}${encodeDoiPath(doi)}#jc=`;
  const url = httpUrl(base);
  if (url === null) throw new TypeError('The page address to share is not a web address.');
  url.hash = '';
  return `${url.href}#jc=`;
}

/**
 * The DOI as a URL path: what would end the path or break the link (`#`, `?`, `%`, spaces, `<>`, quotes,
 * non-ASCII) is percent-encoded; `/` and the other path characters DOIs use (`;`, `(`, `)`, `:` …) stay
 * readable, as doi.org accepts them.
 */
export function encodeDoiPath(doi: string): string {
  return doi.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/gu, (c) => encodeURIComponent(c));
}

function directiveTail(fragment: string | null | undefined): string {
  if (fragment == null || fragment === '') return '';
  if (!TEXT_DIRECTIVES.test(fragment))
    throw new TypeError('The text fragment is not a percent-encoded text directive.');
  return `:~:${fragment}`;
}
