import type { CatalogEntry } from '../catalog/schema';
import { hasType, iriOf, isRecord, many } from './json-ld';
import { ANNOTATION_MAX_PARTS } from './limits';

/**
 * Reads an annotation's bodies as a highlight's note and question.
 *
 * The question: our exports link it with a SpecificResource body whose `source` is `<postUrl>#<questionId>` and
 * whose purpose is `classifying`; exports before that gave the same IRI as the `id` of the tagging TextualBody.
 * Both are read, and so is any tagging or classifying body naming the IRI either way.
 *
 * The note: every other body's text, as paragraphs in body order. A body that is elsewhere (an IRI, a resource
 * `{ id }`, a SpecificResource of another page) cannot be fetched here, so its address becomes a line of the
 * note: the reader can still follow it. A Choice offers alternatives: its first is read. Tags that name no
 * question are other tools' keywords, and are left out. When the annotation's own motivation is `tagging` or
 * `classifying`, a body given only by its address is such a tag or class, not a comment.
 */

export interface BodiesRead {
  questionId: string | null;
  /** A string, or for a single body its value as it is, so that the schema names a wrong type as such. */
  note: unknown;
}

export function readBodies(annotation: Record<string, unknown>, entry: CatalogEntry | null): BodiesRead | null {
  if (annotation.bodyValue !== undefined) return { questionId: null, note: annotation.bodyValue };
  const bodies = many(annotation.body);
  if (bodies.length > ANNOTATION_MAX_PARTS) return null;
  // An annotation whose motivation is to tag or classify makes its bodies the tags (the model's example 13).
  const classifies = isTag({ purpose: annotation.motivation });
  let questionId: string | null = null;
  const notes: unknown[] = [];
  for (const listed of bodies) {
    const body = isRecord(listed) && hasType(listed.type, 'Choice') ? many(listed.items)[0] : listed;
    if (typeof body === 'string' && classifies) {
      questionId ??= questionOf({ source: body }, entry);
    } else if (isRecord(body) && (isTag(body) || (classifies && body.purpose === undefined && !('value' in body)))) {
      questionId ??= questionOf(body, entry);
    } else if (isRecord(body) && 'value' in body) {
      notes.push(body.value);
    } else {
      const elsewhere = isRecord(body) && body.source !== undefined ? iriOf(body.source) : iriOf(body);
      if (elsewhere !== null) notes.push(elsewhere);
    }
  }
  if (notes.length <= 1) return { questionId, note: notes[0] ?? '' };
  return { questionId, note: notes.filter((n) => typeof n === 'string').join('\n\n') };
}

const isTag = (body: Record<string, unknown>) =>
  many(body.purpose).some((purpose) => purpose === 'tagging' || purpose === 'classifying');

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The question id in a tag's IRI fragment. With the catalog entry known, the IRI must be the club's post or
 * the fragment one of its questions, so that another tool's semantic tag (`…/cities#paris`) is not taken for a
 * question; without it (an article outside the catalog) the fragment must at least look like a question id.
 */
function questionOf(tag: Record<string, unknown>, entry: CatalogEntry | null): string | null {
  const iri = iriOf(tag.source) ?? iriOf(tag.id);
  const hash = iri?.indexOf('#') ?? -1;
  if (iri === null || hash < 0) return null;
  let id: string;
  try {
    id = decodeURIComponent(iri.slice(hash + 1));
  } catch {
    return null;
  }
  if (id === '') return null;
  if (entry === null) return SLUG.test(id) ? id : null;
  const fromPost = samePage(iri.slice(0, hash), entry.postUrl);
  return fromPost || entry.questions.some((q) => q.id === id) ? id : null;
}

function samePage(a: string, b: string): boolean {
  const page = (url: string) => (URL.canParse(url) ? new URL(url).href.replace(/#.*$/s, '') : url);
  return page(a) === page(b);
}
