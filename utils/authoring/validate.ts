import * as v from 'valibot';
import { type CatalogEntry, CatalogEntrySchema } from '../catalog/schema';
import { type AuthoringForm, formToEntry, type TextFieldName } from './form';

/** Where an issue is shown: a text field, one language of one question, the question list, or the form. */
export type FieldKey = TextFieldName | `question:${string}:${'en' | 'fr'}` | 'questions' | 'form';

/** One problem of the form, in the schema's words, beside the field it concerns. */
export interface FieldIssue {
  field: FieldKey;
  message: string;
  /** The line of a one-per-line list (1-based), when the problem is one item's. */
  line?: number;
}

export interface FormCheck {
  /** The entry as the catalog will hold it, or null while any issue remains. */
  entry: CatalogEntry | null;
  issues: FieldIssue[];
}

const LOCALIZED: Partial<Record<string, [TextFieldName, TextFieldName]>> = {
  title: ['titleEn', 'titleFr'],
  summary: ['summaryEn', 'summaryFr'],
  commentary: ['commentaryEn', 'commentaryFr'],
};
const LISTS = new Set(['dois', 'authors', 'articleUrls']);
const PLAIN = new Set(['id', 'citation', 'year', 'pdfUrl', 'postUrl', 'published', 'meeting']);

/**
 * The field an issue's path names, by the shape `formToEntry` builds. A localised field's path ends in `fr` only
 * for its French version; its plain-string form is the English box.
 */
function fieldOf(path: readonly unknown[], form: AuthoringForm): Omit<FieldIssue, 'message'> {
  const [head, second, third, fourth] = path;
  if (typeof head !== 'string') return { field: 'form' };
  const pair = LOCALIZED[head];
  if (pair) return { field: second === 'fr' ? pair[1] : pair[0] };
  if (LISTS.has(head)) {
    return typeof second === 'number'
      ? { field: head as TextFieldName, line: second + 1 }
      : { field: head as TextFieldName };
  }
  if (PLAIN.has(head)) return { field: head as TextFieldName };
  if (head === 'club') {
    if (second === 'url') return { field: 'clubUrl' };
    return { field: third === 'fr' ? 'clubNameFr' : 'clubNameEn' };
  }
  if (head === 'questions') {
    const question = typeof second === 'number' ? form.questions[second] : undefined;
    if (!question || third !== 'text') return { field: 'questions' };
    return { field: `question:${question.id}:${fourth === 'fr' ? 'fr' : 'en'}` };
  }
  return { field: 'form' };
}

/**
 * Checks the form with the very schema that checks feeds, so that an entry saved here is one any member's
 * extension accepts, and maps each issue to its field. Every issue is reported (not only the first), so the
 * organiser sees all that is left to fix.
 */
export function checkForm(form: AuthoringForm): FormCheck {
  const parsed = v.safeParse(CatalogEntrySchema, formToEntry(form), { abortEarly: false });
  if (parsed.success) return { entry: parsed.output, issues: [] };
  return {
    entry: null,
    issues: parsed.issues.map((issue) => ({
      ...fieldOf(issue.path?.map((item) => item.key) ?? [], form),
      message: issue.message,
    })),
  };
}

/** The issues of one field, in the order the schema found them. */
export const issuesOf = (issues: readonly FieldIssue[], field: FieldKey) =>
  issues.filter((issue) => issue.field === field);
