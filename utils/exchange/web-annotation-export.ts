import { localize } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';
import type { Highlight } from '../highlights/highlight';
import { byPageOrder } from './common';
import {
  ANNOTATION_CONTEXT,
  highlightToAnnotation,
  type WebAnnotation,
  type WebAnnotationOptions,
} from './web-annotation';

/**
 * Highlights as a W3C Web Annotation collection, so that a reader can take them to any tool that reads the
 * standard, and bring them back (`planImport`). Each annotation is `highlightToAnnotation`'s (`web-annotation.ts`,
 * which says how a highlight maps to the model).
 */

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  /** Absent when there are no annotations: the model requires a page to hold at least one. */
  first?: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** One page holding every annotation, in page order: a file is read whole, so paging would only add steps. */
export function exportWebAnnotations(
  entry: CatalogEntry,
  highlights: readonly Highlight[],
  options: WebAnnotationOptions,
): AnnotationCollection {
  const items = [...highlights].sort(byPageOrder).map((h) => highlightToAnnotation(h, entry, options));
  const id = contentUrn(`${entry.id}\n${items.map((a) => `${a.id} ${a.modified}`).join('\n')}`);
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Highlights: ${localize(entry.title, options.language)}`,
    total: items.length,
  };
  if (items.length > 0) {
    collection.first = { id: contentUrn(`${id}\npage 1`), type: 'AnnotationPage', startIndex: 0, items };
  }
  return collection;
}

/**
 * A `urn:uuid:` derived from `text`, so the same highlights give the same collection id (the model requires
 * the collection and its page to have one) and exports stay deterministic. Four FNV-1a passes with different
 * offsets make 128 bits; the UUID is marked version 8 (custom), since it is not random.
 */
function contentUrn(text: string): string {
  const words = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x6a09e667].map((offset) => {
    let hash = offset;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
