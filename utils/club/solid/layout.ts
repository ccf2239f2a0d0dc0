import { doiKey } from '../../article/doi';

/**
 * Where a club's data sits in the owner's pod. One container per member, one document per member per article:
 *
 * ```
 * <club>/                          the owner's; members may read everything under it
 * <club>/members/                  its listing is the members index
 * <club>/members/<member-slug>/    writable by that member alone
 * <club>/members/<member-slug>/<doi-key>.jsonld   that member's annotations on one article
 * ```
 *
 * So loading an article costs one request for the index and one per member, however many annotations there
 * are, and a member's write can only ever touch their own container. The slug is derived from the WebID, so a
 * reader can check that every annotation in a container is attributed to the member who may write there.
 */

const MEMBERS_PATH = 'members/';
const READABLE_SLUG_LENGTH = 40;
const HASH_HEX_LENGTH = 16;

export function membersContainer(club: string): string {
  return new URL(MEMBERS_PATH, club).href;
}

/**
 * `localhost-3000-alice-profile-card-me-3f2a…`: readable enough to find in the pod's browser, and the SHA-256
 * suffix makes it unique per WebID, where the readable part alone would let `a.b` and `a-b` share a container.
 */
export async function memberSlug(webId: string): Promise<string> {
  const readable = webId
    .replace(/^[a-z]+:\/\//i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, READABLE_SLUG_LENGTH);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(webId)));
  const hex = [...digest.slice(0, HASH_HEX_LENGTH / 2)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${readable}-${hex}`;
}

export async function memberContainer(club: string, webId: string): Promise<string> {
  return new URL(`${await memberSlug(webId)}/`, membersContainer(club)).href;
}

/**
 * `10.1038/nature12373` → `10.1038_2fnature12373`: every character but letters, digits, `.` and `-` becomes `_`
 * and its hex code, so that two DOIs never share a document and no DOI can climb out of the container (`/`, `..`
 * and `%` are all escaped). The DOI's case-insensitive key, so every copy of the article meets in one document.
 */
export function articleDocumentName(doi: string): string {
  const escaped = doiKey(doi).replace(/[^a-z0-9.-]/gu, (char) => {
    const code = char.codePointAt(0) ?? 0;
    // Fixed width (or `u` and a closing `_` beyond a byte), so that the hex digits never run into the next.
    return code > 0xff ? `_u${code.toString(16)}_` : `_${code.toString(16).padStart(2, '0')}`;
  });
  return `${escaped}.jsonld`;
}

export async function memberDocument(club: string, webId: string, doi: string): Promise<string> {
  return new URL(articleDocumentName(doi), await memberContainer(club, webId)).href;
}
