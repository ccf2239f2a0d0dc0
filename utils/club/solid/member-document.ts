import type { ClubAnnotation } from '../backend';
import { type ReadContext, readAnnotation } from './annotation-read';
import type { ClubWebAnnotation } from './annotation-write';
import { memberSlug } from './layout';

/**
 * A member's annotations on one article: a W3C AnnotationCollection in JSON-LD whose one page is embedded
 * (`first.items`), as our export writes a file, so that it meets the model's collection requirements and any
 * tool reading the standard reads it in one request. One document per member and article keeps a listing at
 * one request per member; the caps keep one hostile member from costing the others more than a bounded read.
 */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Far beyond a reader's notes on one article; what lies past it is not read. */
export const MEMBER_DOCUMENT_MAX_ITEMS = 2_000;
/** Bytes; a body past it is not parsed at all (2,000 annotations of ours take about a megabyte). */
export const MEMBER_DOCUMENT_MAX_BYTES = 1024 * 1024;

export interface MemberCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: ClubWebAnnotation[] };
}

/** Never empty: the model wants a page to hold an annotation, so a member with none has no document. */
export function memberCollection(id: string, items: ClubWebAnnotation[]): MemberCollection {
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    total: items.length,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

export interface MemberAnnotations {
  annotations: ClubAnnotation[];
  /** Items dropped: malformed, over a cap, beyond the item cap, or attributed to someone else. */
  dropped: number;
}

/**
 * The raw items of a document's JSON: a collection's embedded first page, a page, or a bare array; null for
 * anything else. Only the first page is read: ours are never paged, and a member does not get more requests.
 */
export function itemsOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (typeof json !== 'object' || json === null) return null;
  const { items, first } = json as { items?: unknown; first?: unknown };
  if (Array.isArray(items)) return items;
  // One level, not a recursion: a hostile document nested a hundred thousand deep must not exhaust the stack.
  const page = typeof first === 'object' && first !== null ? (first as { items?: unknown }).items : undefined;
  return Array.isArray(page) ? page : null;
}

/**
 * The valid annotations of one member's document. Each must be attributed to the member whose container holds
 * the document (the slug is derived from the WebID, see `layout.ts`): the pod lets only that member write there,
 * so an annotation claiming another author is a forgery, and is dropped with the rest of what does not fit.
 */
export async function readMemberDocument(
  json: unknown,
  context: ReadContext & { containerSlug: string },
): Promise<MemberAnnotations> {
  const items = itemsOf(json);
  if (items === null) return { annotations: [], dropped: 1 };
  const kept = items.slice(0, MEMBER_DOCUMENT_MAX_ITEMS);
  let dropped = items.length - kept.length;
  const annotations: ClubAnnotation[] = [];
  const seen = new Set<string>();
  const attributed = new Map<string, boolean>();
  for (const item of kept) {
    const annotation = readAnnotation(item, context);
    if (annotation === null || seen.has(annotation.remoteId)) {
      dropped++;
      continue;
    }
    let owned = attributed.get(annotation.author.id);
    if (owned === undefined) {
      owned = (await memberSlug(annotation.author.id)) === context.containerSlug;
      attributed.set(annotation.author.id, owned);
    }
    if (!owned) {
      dropped++;
      continue;
    }
    seen.add(annotation.remoteId);
    annotations.push(annotation);
  }
  return { annotations, dropped };
}
