import { i18n } from '#i18n';
import { doiFromUrl } from '../article/doi';
import type { CatalogEntry } from '../catalog/schema';
import { doiFromResolverUrl } from './common';

/**
 * Reads a W3C Web Annotation back into the shape of a highlight, inverting `highlightToAnnotation` in
 * `web-annotation.ts`. The result is only a candidate: the import checks it with `HighlightSchema`, which
 * explains wrong values better than this mapping could. The mapping itself only needs the annotation to be
 * one we can place: a `urn:uuid:` id (highlights merge by id), a quote and a position, and an article.
 *
 * Besides our own output it accepts the model's equivalent spellings, since other tools write them: a single
 * value or an array, an IRI as a string or as `{ id }`, `bodyValue` for a plain-text note, a missing
 * `modified`, and timestamps with an offset (normalised to UTC).
 */

export type FindEntry = (doi: string) => CatalogEntry | null | undefined;
export type MappedAnnotation = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

export function annotationToHighlight(annotation: unknown, entryForDoi?: FindEntry): MappedAnnotation {
  if (!isRecord(annotation) || !hasType(annotation.type, 'Annotation')) {
    return fail(i18n.t('validation.notAnnotation'));
  }
  const id = typeof annotation.id === 'string' ? /^urn:uuid:(.*)$/is.exec(annotation.id)?.[1] : undefined;
  if (id === undefined) return fail(i18n.t('validation.annotationId'));

  const target = many(annotation.target).find(isRecord);
  if (target === undefined) return fail(i18n.t('validation.noTarget'));
  const source = iriOf(target.source);
  if (source === null) return fail(i18n.t('validation.noSource'));
  const selectors = many(target.selector).filter(isRecord);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (quote === undefined) return fail(i18n.t('validation.noQuote'));
  if (position === undefined) return fail(i18n.t('validation.noPosition'));

  const doi =
    many(target.scope)
      .map(iriOf)
      .map(doiOf)
      .find((d) => d !== null) ?? doiFromUrl(source);
  if (doi === null) return fail(i18n.t('validation.noDoi'));
  const entry = entryForDoi?.(doi) ?? null;

  const bodies =
    annotation.bodyValue === undefined ? many(annotation.body).filter(isRecord) : [{ value: annotation.bodyValue }];
  const isTag = (body: Record<string, unknown>) => many(body.purpose).includes('tagging');
  const tags = bodies.filter(isTag);
  const comments = bodies.filter((body) => !isTag(body) && 'value' in body);
  const created = timestamp(annotation.created ?? annotation.modified);
  return {
    ok: true,
    value: {
      id,
      doi,
      entryId: entry?.id ?? null,
      questionId: firstQuestion(tags, entry),
      note: noteOf(comments),
      target: {
        source,
        selectors: [
          { type: quote.type, exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
          { type: position.type, start: position.start, end: position.end },
        ],
      },
      createdAt: created,
      updatedAt: annotation.modified === undefined ? created : timestamp(annotation.modified),
    },
  };
}

/** The question of the first tag that names one; a loop, so a hostile list of tags is not all parsed. */
function firstQuestion(tags: Record<string, unknown>[], entry: CatalogEntry | null): string | null {
  for (const tag of tags) {
    const question = questionOf(tag, entry);
    if (question !== null) return question;
  }
  return null;
}

/** One comment's value as it is (so a wrong type is reported as such); several, joined as paragraphs. */
function noteOf(comments: Record<string, unknown>[]): unknown {
  if (comments.length === 0) return '';
  if (comments.length === 1) return comments[0]?.value;
  return comments
    .map((c) => c.value)
    .filter((v) => typeof v === 'string')
    .join('\n\n');
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The question id in a tag's IRI fragment. With the catalog entry known, the IRI must be the club's post or
 * the fragment one of its questions, so that another tool's semantic tag (`…/cities#paris`) is not taken for a
 * question; without it (an article outside the catalog) the fragment must at least look like a question id.
 */
function questionOf(tag: Record<string, unknown>, entry: CatalogEntry | null): string | null {
  const iri = iriOf(tag.id) ?? iriOf(tag.source);
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

const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * `xsd:dateTime` with any offset, as `toISOString` writes it; anything else is returned unchanged for the
 * schema to reject. The calendar date is checked because `Date.parse` rolls 30 February over into March.
 */
function timestamp(value: unknown): unknown {
  if (typeof value !== 'string' || !OFFSET_TIME.test(value)) return value;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  if (calendar.getUTCMonth() + 1 !== month || calendar.getUTCDate() !== day) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function doiOf(iri: string | null): string | null {
  return iri === null ? null : doiFromResolverUrl(iri);
}

/** An IRI given as a string or as a resource `{ id }`. */
function iriOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value.id === 'string' ? value.id : null;
}

/** The model allows one value or an array wherever there may be several. */
function many(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function hasType(value: unknown, type: string): boolean {
  return value === type || (Array.isArray(value) && value.includes(type));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(message: string): MappedAnnotation {
  return { ok: false, message };
}
