import * as v from 'valibot';
import type { TextPositionSelector, TextQuoteSelector } from '../../anchoring/types';
import { sameDoi } from '../../article/doi';
import { doiFromResolverUrl } from '../../exchange/common';
import { ID_MAX_LENGTH, NOTE_MAX_LENGTH, QuoteAndPositionSchema } from '../../highlights/highlight';
import type { ClubAnnotation } from '../backend';
import { questionIdFromIri } from './question-iri';

/**
 * One annotation read from a member's document, which that member (or anyone who took their credentials) wrote:
 * untrusted. Each is checked on its own and dropped when it does not fit, so one bad item costs the reader that
 * item only. Loose objects (other tools may add fields we ignore), strict bounds: the same note and quote limits
 * as the reader's own highlights, so nothing a member writes is bigger than what the reader could write.
 */
const IRI_MAX_LENGTH = 2_000;
/** The question's words are for other tools; ours show the catalog's. Bounded like a note. */
const TAG_MAX_LENGTH = NOTE_MAX_LENGTH;
const NAME_MAX_LENGTH = ID_MAX_LENGTH;
const TIME_MAX_LENGTH = 40;
/** A note, a tag and a question link are all we write; a few more are tolerated, a thousand are not. */
const BODIES_MAX = 8;

const iri = v.pipe(v.string(), v.maxLength(IRI_MAX_LENGTH));
const time = v.pipe(
  v.string(),
  v.maxLength(TIME_MAX_LENGTH),
  v.check((text) => !Number.isNaN(Date.parse(text))),
  v.transform((text) => new Date(Date.parse(text)).toISOString()),
);

const NoteBody = v.object({
  type: v.literal('TextualBody'),
  purpose: v.literal('commenting'),
  value: v.pipe(v.string(), v.maxLength(NOTE_MAX_LENGTH)),
});
const TagBody = v.object({
  type: v.literal('TextualBody'),
  purpose: v.literal('tagging'),
  value: v.pipe(v.string(), v.maxLength(TAG_MAX_LENGTH)),
});
const QuestionBody = v.object({ type: v.literal('SpecificResource'), purpose: v.literal('classifying'), source: iri });
const Body = v.union([NoteBody, TagBody, QuestionBody]);

const HighlightTarget = v.object({
  type: v.literal('SpecificResource'),
  source: v.pipe(iri, v.url()),
  scope: iri,
  selector: QuoteAndPositionSchema,
});

const AnnotationSchema = v.object({
  id: iri,
  type: v.literal('Annotation'),
  motivation: v.picklist(['commenting', 'highlighting', 'replying']),
  created: time,
  modified: time,
  creator: v.object({
    id: v.pipe(iri, v.url()),
    name: v.optional(v.pipe(v.string(), v.maxLength(NAME_MAX_LENGTH))),
  }),
  body: v.optional(v.pipe(v.array(Body), v.maxLength(BODIES_MAX))),
  target: v.union([v.pipe(iri, v.url()), HighlightTarget]),
});

export interface ReadContext {
  /** The document the annotation was read from: its id must be this address with a fragment. */
  documentUrl: string;
  doi: string;
  entryId: string;
  /** The connected reader's WebID, for `mine`. */
  readerWebId: string;
}

/** The annotation, or null when it is malformed, too big, or not about this article. */
export function readAnnotation(input: unknown, context: ReadContext): ClubAnnotation | null {
  const parsed = v.safeParse(AnnotationSchema, input, { abortEarly: true });
  if (!parsed.success) return null;
  const annotation = parsed.output;
  // An id outside its own document would let one member's item shadow another's (or a reply land elsewhere).
  if (!annotation.id.startsWith(`${context.documentUrl}#`)) return null;
  const isReply = typeof annotation.target === 'string';
  if (isReply !== (annotation.motivation === 'replying')) return null;
  let selectors: (TextQuoteSelector | TextPositionSelector)[] = [];
  if (typeof annotation.target !== 'string') {
    const scopeDoi = doiFromResolverUrl(annotation.target.scope);
    if (scopeDoi === null || !sameDoi(scopeDoi, context.doi)) return null;
    selectors = [...annotation.target.selector];
  }
  const bodies = annotation.body ?? [];
  const note = bodies.find((body) => body.type === 'TextualBody' && body.purpose === 'commenting');
  const question = bodies.find((body) => body.type === 'SpecificResource');
  const author = annotation.creator;
  return {
    remoteId: annotation.id,
    author: { id: author.id, name: author.name?.trim() || nameFromWebId(author.id) },
    mine: author.id === context.readerWebId,
    createdAt: annotation.created,
    updatedAt: annotation.modified,
    questionId: question === undefined ? null : questionIdFromIri(question.source, context.entryId),
    note: note?.value ?? '',
    selectors,
    replyTo: typeof annotation.target === 'string' ? annotation.target : null,
  };
}

/**
 * A name for a member whose profile gives none: the pod's name (`https://host/alice/profile/card#me` → alice),
 * or the first label of a pod's own host (`https://alice.solidcommunity.net/profile/card#me` → alice).
 */
export function nameFromWebId(webId: string): string {
  const url = new URL(webId);
  const first = url.pathname.split('/').find((segment) => segment !== '');
  const name = first !== undefined && first !== 'profile' ? first : url.hostname.split('.')[0];
  try {
    return decodeURIComponent(name ?? url.hostname).slice(0, NAME_MAX_LENGTH);
  } catch {
    return url.hostname;
  }
}
