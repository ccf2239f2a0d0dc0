import { i18n } from '#i18n';
import { shortenText } from '../highlights/groups';
import { UNKNOWN_POSITION } from '../highlights/position';
import { articleOf, type FindEntry, type FindEntryByPage } from './annotation-article';
import { readBodies } from './annotation-bodies';
import { localIdOf } from './annotation-id';
import { readTarget, type TargetRead } from './annotation-target';
import { hasType, isRecord } from './json-ld';
import { ANNOTATION_MAX_PARTS } from './limits';

/**
 * Reads a W3C Web Annotation into the shape of a highlight: our own exports exactly (inverting
 * `highlightToAnnotation` in `web-annotation.ts`), and what other tools write. The result is only a candidate:
 * the import checks it with `HighlightSchema`, which explains wrong values better than this mapping could. The
 * mapping needs only what placing a highlight needs: an IRI to know the annotation again by (`annotation-id.ts`),
 * a quoted passage of a page (`annotation-target.ts`) and the article it belongs to (`annotation-article.ts`).
 *
 * Everything else the model allows is read in its equivalent spellings (one value or an array, an IRI as a string
 * or as `{ id }`, `bodyValue` for a plain-text note, timestamps with an offset, normalised to UTC), and what a
 * highlight cannot hold (a creator, a stylesheet, a state) is left out. An annotation is untrusted input: every
 * list in it is bounded (`limits.ts`), and every refusal says in plain words what the annotation lacks.
 */

export type { FindEntry, FindEntryByPage } from './annotation-article';

export interface AnnotationLookup {
  /** The catalog entry for a DOI, to tie the highlight to the club's entry and check its question. */
  entryForDoi?: FindEntry;
  /** The catalog entry whose article is at a page address, for annotations that name no DOI. */
  entryForPage?: FindEntryByPage;
  /** Given to an annotation that says neither when it was made nor changed (`toISOString()` form). */
  now: string;
}

export type MappedAnnotation =
  | {
      ok: true;
      value: Record<string, unknown>;
      /** It gave no time: `now` stands in, and the copy never replaces a stored one (see `mergeImport`). */
      undated: boolean;
    }
  | { ok: false; message: string };

export function annotationToHighlight(annotation: unknown, lookup: AnnotationLookup): MappedAnnotation {
  if (!isRecord(annotation) || !hasType(annotation.type, 'Annotation')) {
    return fail(i18n.t('validation.notAnnotation'));
  }
  const local = localIdOf(annotation.id);
  if ('problem' in local) {
    return fail(local.problem === 'several' ? i18n.t('validation.annotationIds') : i18n.t('validation.annotationId'));
  }

  const target = readTarget(annotation);
  if (!target.ok) return fail(targetProblem(target));
  const article = articleOf(target.source, target.scopes, lookup);
  if (article === null) return fail(i18n.t('validation.unknownArticle', [shortIri(target.source)]));
  const bodies = readBodies(annotation, article.entry);
  if (bodies === null) return fail(i18n.t('validation.annotationTooLarge', [String(ANNOTATION_MAX_PARTS)]));

  const { quote, position } = target;
  const dated = annotation.created ?? annotation.modified;
  const created = dated === undefined ? lookup.now : timestamp(dated);
  return {
    ok: true,
    undated: dated === undefined,
    value: {
      id: local.id,
      doi: article.doi,
      entryId: article.entry?.id ?? null,
      questionId: bodies.questionId,
      note: bodies.note,
      target: {
        source: target.source,
        selectors: [
          { type: quote.type, exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
          position === null
            ? { ...UNKNOWN_POSITION }
            : { type: position.type, start: position.start, end: position.end },
        ],
      },
      createdAt: created,
      updatedAt: annotation.modified === undefined ? created : timestamp(annotation.modified),
    },
  };
}

function targetProblem(target: Extract<TargetRead, { ok: false }>): string {
  switch (target.reason) {
    case 'too-large':
      return i18n.t('validation.annotationTooLarge', [String(ANNOTATION_MAX_PARTS)]);
    case 'no-target':
      return i18n.t('validation.noTarget');
    case 'no-source':
      return i18n.t('validation.noSource');
    case 'whole-resource':
      return i18n.t('validation.wholeResource', [shortIri(target.resource)]);
    case 'other-selectors':
      return i18n.t('validation.otherSelectors', [target.kinds.join(', ')]);
  }
}

/** An address in a sentence: whole when short, its start when a hostile one would fill the screen. */
const shortIri = (iri: string) => shortenText(iri, 100);

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

function fail(message: string): MappedAnnotation {
  return { ok: false, message };
}
