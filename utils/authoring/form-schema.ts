import * as v from 'valibot';
import { CATALOG_LIMITS } from '../catalog/schema';
import type { AuthoringForm } from './form';

/**
 * The shape of a draft as it crosses to the background and comes back from storage. It checks only that it is a
 * form, with bounds: a draft may hold any mistake the organiser has not fixed yet, so the catalog's rules are
 * not applied here (they are applied on Save).
 */
const text = v.pipe(v.string(), v.maxLength(CATALOG_LIMITS.markdownLength));
/** A list of DOIs or addresses, one per line: the items' caps times their count, with room for the newlines. */
const list = v.pipe(v.string(), v.maxLength(CATALOG_LIMITS.authors * (CATALOG_LIMITS.authorLength + 1)));

export const AuthoringFormSchema = v.object({
  id: text,
  dois: list,
  titleEn: text,
  titleFr: text,
  authors: list,
  citation: text,
  year: text,
  articleUrls: list,
  pdfUrl: text,
  clubNameEn: text,
  clubNameFr: text,
  clubUrl: text,
  postUrl: text,
  summaryEn: text,
  summaryFr: text,
  commentaryEn: text,
  commentaryFr: text,
  questions: v.pipe(
    v.array(
      v.object({
        id: v.pipe(v.string(), v.maxLength(CATALOG_LIMITS.questionIdLength)),
        en: text,
        fr: text,
      }),
    ),
    v.maxLength(CATALOG_LIMITS.questions),
  ),
  nextQuestion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)),
  published: text,
  meeting: text,
}) satisfies v.GenericSchema<unknown, AuthoringForm>;

/** A draft's key: `doi:…` for a new entry on an article, `entry:…` for an edit, `blank` for neither. */
export const DraftKeySchema = v.pipe(v.string(), v.regex(/^(doi:|entry:|blank$)/), v.maxLength(400));
