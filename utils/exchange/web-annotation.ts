import { localize } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';
import type { Highlight, PdfPageSelector, TextPositionSelector, TextQuoteSelector } from '../highlights/highlight';
import { pdfPageOf, pdfPageSelector } from '../highlights/pdf-page';
import { isKnownPosition } from '../highlights/position';
import { doiUrl, encodeUrlPart } from './common';

/**
 * One highlight as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/): the unit of both the JSON-LD
 * export (`web-annotation-export.ts`, a collection of these) and what a club backend writes to a server, one
 * annotation per document (`annotationDocument`). `annotationToHighlight` in `web-annotation-import.ts` inverts
 * the mapping exactly. Every annotation this builds passes every MUST of the W3C's test suite
 * (tests/unit/w3c-web-annotation-suite.test.ts).
 *
 * The mapping:
 * - `id` is `urn:uuid:<highlight id>`; `created`/`modified` are the highlight's times;
 * - `motivation` is `commenting` when there is a note and `highlighting` when there is none;
 * - `target` is a SpecificResource: `source` is the page the highlight was made on, `selector` the quote and
 *   the position (alternatives for one passage, as the model defines a selector list; positions count code
 *   points, as the model requires and the anchoring does). A highlight imported without a position has the
 *   quote alone (`highlights/position.ts`);
 * - the DOI is the target's `scope`, as `https://doi.org/<doi>`: "the resource that provides the scope or
 *   context" of the target, the article of which the page is one copy. Tools that do not know it still see an
 *   ordinary page annotation (a second target would tell them the reader highlighted the whole article too);
 * - the note is a TextualBody (`purpose: commenting`, `format: text/plain`, never HTML);
 * - the question is two bodies. A TextualBody with `purpose: tagging` holds its text, so other tools show it as
 *   a tag; it has no `id`, because the model reads a body with an `id` and no `source` as an External Web
 *   Resource, which may not have a purpose (the suite's `3.3.5-bodyEWRNoPurpose`). The question's identity, the
 *   club's post with the question id as fragment (`<postUrl>#<questionId>`), is the `source` of a
 *   SpecificResource body with `purpose: classifying`: the passage is classified under that question. The
 *   import reads the question id back from it (and from the older form, the IRI as the tag's own `id`);
 * - the catalog entry id is not written: it is ours, not the article's, and the import finds the entry again
 *   from the DOI.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The tag text for a question the club has removed from the entry; its id still names it in the link. */
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
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format: 'text/plain';
}

/** The link from a highlight to the club question it answers. */
export interface AnnotationQuestionBody {
  type: 'SpecificResource';
  purpose: 'classifying';
  /** `<postUrl>#<questionId>`. */
  source: string;
}

export type AnnotationBody = AnnotationTextualBody | AnnotationQuestionBody;

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  generator?: AnnotationGenerator & { type: 'Software' };
  /** Only on a highlight saved from a share link: who the link says it comes from (the club it names). */
  creator?: { type: 'Organization'; name: string };
  body?: AnnotationBody[];
  target: {
    type: 'SpecificResource';
    source: string;
    scope: string;
    /** The quote, its position when known, and for a passage of a PDF its page (RFC 3778, `page=3`). */
    selector: (TextQuoteSelector | TextPositionSelector | PdfPageSelector)[];
  };
}

/** An annotation that stands alone as a document (a file, a resource on a server) carries its own context. */
export type WebAnnotationDocument = { '@context': typeof ANNOTATION_CONTEXT } & WebAnnotation;

/** What the mapping needs of the catalog entry: the club's post and its questions' words. */
export type AnnotatedEntry = Pick<CatalogEntry, 'postUrl' | 'questions'>;

/** One highlight as the annotation a collection lists (its context is the collection's). */
export function highlightToAnnotation(
  highlight: Highlight,
  entry: AnnotatedEntry,
  options: WebAnnotationOptions,
): WebAnnotation {
  const [quote, position] = highlight.target.selectors;
  const page = pdfPageOf(highlight.target.selectors);
  const body: AnnotationBody[] = [];
  if (highlight.note !== '') {
    body.push({ type: 'TextualBody', purpose: 'commenting', value: highlight.note, format: 'text/plain' });
  }
  if (highlight.questionId !== null) {
    const question = entry.questions.find((q) => q.id === highlight.questionId);
    const text = question === undefined ? REMOVED_QUESTION_TEXT : localize(question.text, options.language);
    body.push(
      { type: 'TextualBody', purpose: 'tagging', value: text, format: 'text/plain' },
      { type: 'SpecificResource', purpose: 'classifying', source: questionIri(entry.postUrl, highlight.questionId) },
    );
  }
  const quoteSelector: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
  };
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
        quoteSelector,
        ...(isKnownPosition(position)
          ? [{ type: 'TextPositionSelector' as const, start: position.start, end: position.end }]
          : []),
        ...(page === null ? [] : [pdfPageSelector(page)]),
      ],
    },
  };
}

/** One highlight as a document of its own, as a club backend stores it on a server (a Solid pod). */
export function annotationDocument(
  highlight: Highlight,
  entry: AnnotatedEntry,
  options: WebAnnotationOptions,
): WebAnnotationDocument {
  return { '@context': ANNOTATION_CONTEXT, ...highlightToAnnotation(highlight, entry, options) };
}

/** Everything but the unreserved characters is encoded, so that decoding gives back exactly the question id. */
const FRAGMENT_UNSAFE = /[^A-Za-z0-9\-._~]/gu;

/** `<postUrl>#<questionId>`, replacing any fragment the post URL has. */
export function questionIri(postUrl: string, questionId: string): string {
  return `${postUrl.replace(/#.*$/s, '')}#${encodeUrlPart(questionId, FRAGMENT_UNSAFE)}`;
}
