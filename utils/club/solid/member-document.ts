import type { ClubAnnotation } from '../backend';
import { type ReadContext, readAnnotation } from './annotation-read';
import type { ClubWebAnnotation } from './annotation-write';
import { memberSlug } from './layout';

/**
 * A member's annotations on one article: a W3C AnnotationPage in JSON-LD, the annotations in `items`. One
 * document per member and article keeps a listing at one request per member; the caps keep one hostile
 * member from costing the others more than a bounded read.
 */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Far beyond a reader's notes on one article; what lies past it is not read. */
export const MEMBER_DOCUMENT_MAX_ITEMS = 2_000;
/** Bytes; a body past it is not parsed at all (2,000 annotations of ours take about a megabyte). */
export const MEMBER_DOCUMENT_MAX_BYTES = 1024 * 1024;

export interface MemberDocument {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationPage';
  items: ClubWebAnnotation[];
}

export function memberDocument(id: string, items: ClubWebAnnotation[]): MemberDocument {
  return { '@context': ANNOTATION_CONTEXT, id, type: 'AnnotationPage', items };
}

export interface MemberAnnotations {
  annotations: ClubAnnotation[];
  /** Items dropped: malformed, over a cap, beyond the item cap, or attributed to someone else. */
  dropped: number;
}

/** The raw items of a document's JSON, or null when it is not an AnnotationPage (or a bare array of items). */
export function itemsOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (typeof json !== 'object' || json === null) return null;
  const items = (json as { items?: unknown }).items;
  return Array.isArray(items) ? items : null;
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
