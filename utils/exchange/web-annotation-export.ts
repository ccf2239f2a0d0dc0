import { localize } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';
import type { Highlight, TextPositionSelector, TextQuoteSelector } from '../highlights/highlight';
import { byPageOrder, doiUrl, encodeUrlPart } from './common';

/**
 * Highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), so that a reader can take them
 * to any tool that reads the standard, and bring them back: `annotationToHighlight` in `web-annotation-import.ts`
 * inverts this mapping exactly.
 *
 * The mapping:
 * - `id` is `urn:uuid:<highlight id>`; `created`/`modified` are the highlight's times;
 * - `motivation` is `commenting` when there is a note and `highlighting` when there is none;
 * - `target` is a SpecificResource: `source` is the page the highlight was made on, `selector` the quote and
 *   the position (alternatives for one passage, as the model defines a selector list; positions count code
 *   points, as the model requires and the anchoring does);
 * - the DOI is the target's `scope`, as `https://doi.org/<doi>`. The model's `scope` is "the resource that
 *   provides the scope or context" of the target: the article, of which the page is one copy. It uses no
 *   vocabulary beyond the model's own, and tools that do not know it still see an ordinary page annotation
 *   (a second target would tell them the reader highlighted the whole article as well);
 * - the note is a TextualBody (`purpose: commenting`, `format: text/plain`, never HTML);
 * - the question is a second TextualBody with `purpose: tagging`: its `value` is the question's text, so other
 *   tools show it as a tag, and its `id` is the club's post URL with the question id as fragment
 *   (`<postUrl>#<questionId>`), the question's identity, from which the import recovers the id;
 * - the catalog entry id is not written: it is ours, not the article's, and the import finds the entry again
 *   from the DOI (`entryForDoi`).
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The tag text for a question the club has removed from the entry; its id still goes in the body's `id`. */
export const REMOVED_QUESTION_TEXT = "A question no longer in the club's list";

/** The software named as the annotations' `generator` (an Agent of type Software in the model). */
export interface AnnotationGenerator {
  /** An IRI for the software, e.g. its add-on store page. */
  id?: string;
  name: string;
  homepage?: string;
}

export interface WebAnnotationOptions {
  /** The reader's UI language (a BCP 47 tag); picks the French or English text of the club's questions. */
  language: string;
  generator?: AnnotationGenerator;
}

export interface AnnotationTextualBody {
  id?: string;
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format: 'text/plain';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  generator?: AnnotationGenerator & { type: 'Software' };
  /** Only on a highlight saved from a share link: who the link says it comes from (the club it names). */
  creator?: { type: 'Organization'; name: string };
  body?: AnnotationTextualBody[];
  target: {
    type: 'SpecificResource';
    source: string;
    scope: string;
    selector: [TextQuoteSelector, TextPositionSelector];
  };
}

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

export function highlightToAnnotation(
  highlight: Highlight,
  entry: CatalogEntry,
  options: WebAnnotationOptions,
): WebAnnotation {
  const [quote, position] = highlight.target.selectors;
  const body: AnnotationTextualBody[] = [];
  if (highlight.note !== '') {
    body.push({ type: 'TextualBody', purpose: 'commenting', value: highlight.note, format: 'text/plain' });
  }
  if (highlight.questionId !== null) {
    const question = entry.questions.find((q) => q.id === highlight.questionId);
    body.push({
      id: questionIri(entry.postUrl, highlight.questionId),
      type: 'TextualBody',
      purpose: 'tagging',
      value: question === undefined ? REMOVED_QUESTION_TEXT : localize(question.text, options.language),
      format: 'text/plain',
    });
  }
  const { generator } = options;
  return {
    id: `urn:uuid:${highlight.id}`,
    type: 'Annotation',
    motivation: highlight.note === '' ? 'highlighting' : 'commenting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    ...(generator === undefined ? {} : { generator: { ...generator, type: 'Software' as const } }),
    ...(highlight.sharedFrom === undefined ? {} : { creator: { type: 'Organization', name: highlight.sharedFrom } }),
    ...(body.length === 0 ? {} : { body }),
    target: {
      type: 'SpecificResource',
      source: highlight.target.source,
      scope: doiUrl(highlight.doi),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
  };
}

/** Everything but the unreserved characters is encoded, so that decoding gives back exactly the question id. */
const FRAGMENT_UNSAFE = /[^A-Za-z0-9\-._~]/gu;

/** `<postUrl>#<questionId>`, replacing any fragment the post URL has. */
export function questionIri(postUrl: string, questionId: string): string {
  return `${postUrl.replace(/#.*$/s, '')}#${encodeUrlPart(questionId, FRAGMENT_UNSAFE)}`;
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
