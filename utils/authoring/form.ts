import type { LocalizedText } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';

/** One question as the organiser edits it; `id` is given once and never changes (highlights refer to it). */
export interface QuestionDraft {
  id: string;
  en: string;
  fr: string;
}

/**
 * The authoring form as typed: every field is the text in its box, so that nothing the organiser typed is lost
 * to a conversion while it is still wrong. `formToEntry` turns it into a candidate entry for the feeds' schema.
 * Lists (DOIs, authors, article addresses) are one item per line.
 */
export interface AuthoringForm {
  id: string;
  dois: string;
  titleEn: string;
  titleFr: string;
  authors: string;
  citation: string;
  year: string;
  articleUrls: string;
  pdfUrl: string;
  clubNameEn: string;
  clubNameFr: string;
  clubUrl: string;
  postUrl: string;
  summaryEn: string;
  summaryFr: string;
  commentaryEn: string;
  commentaryFr: string;
  questions: QuestionDraft[];
  /** The number the next new question's id takes (`q4`): ids are never reused within an entry. */
  nextQuestion: number;
  published: string;
  meeting: string;
}

/** The form's plain text fields, each of which the page draws as one box. */
export type TextFieldName = Exclude<keyof AuthoringForm, 'questions' | 'nextQuestion'>;

export const blankForm = (): AuthoringForm => ({
  id: '',
  dois: '',
  titleEn: '',
  titleFr: '',
  authors: '',
  citation: '',
  year: '',
  articleUrls: '',
  pdfUrl: '',
  clubNameEn: '',
  clubNameFr: '',
  clubUrl: '',
  postUrl: '',
  summaryEn: '',
  summaryFr: '',
  commentaryEn: '',
  commentaryFr: '',
  questions: [{ id: 'q1', en: '', fr: '' }],
  nextQuestion: 2,
  published: '',
  meeting: '',
});

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** English only when no French was written: the feed's plain-string form, as clubs write it by hand. */
const localized = (en: string, fr: string): LocalizedText => (fr.trim() === '' ? en : { en, fr });

/**
 * The entry the form describes, unchecked: the schema checks it, exactly as it checks a feed's. A year that is
 * not digits stays text, so that the schema says what is wrong with it; empty optional fields are left out.
 */
export function formToEntry(form: AuthoringForm): Record<string, unknown> {
  const year = form.year.trim();
  return {
    id: form.id.trim(),
    dois: lines(form.dois),
    title: localized(form.titleEn, form.titleFr),
    authors: lines(form.authors),
    citation: form.citation,
    year: /^\d{1,4}$/.test(year) ? Number(year) : year,
    articleUrls: lines(form.articleUrls),
    ...(form.pdfUrl.trim() !== '' && { pdfUrl: form.pdfUrl.trim() }),
    club: { name: localized(form.clubNameEn, form.clubNameFr), url: form.clubUrl.trim() },
    postUrl: form.postUrl.trim(),
    summary: localized(form.summaryEn, form.summaryFr),
    commentary: localized(form.commentaryEn, form.commentaryFr),
    questions: form.questions.map((question) => ({ id: question.id, text: localized(question.en, question.fr) })),
    ...(form.published.trim() !== '' && { published: form.published.trim() }),
    ...(form.meeting.trim() !== '' && { meeting: form.meeting.trim() }),
  };
}

const english = (text: LocalizedText) => (typeof text === 'string' ? text : text.en);
const french = (text: LocalizedText) => (typeof text === 'string' ? '' : (text.fr ?? ''));

/** The numeric part of ids such as `q7`, so that a new question never takes an id the entry already used. */
const questionNumber = (id: string) => Number(/^q(\d+)$/.exec(id)?.[1] ?? 0);

/** A saved entry back in the form, to edit it. */
export function entryToForm(entry: CatalogEntry): AuthoringForm {
  return {
    id: entry.id,
    dois: entry.dois.join('\n'),
    titleEn: english(entry.title),
    titleFr: french(entry.title),
    authors: entry.authors.join('\n'),
    citation: entry.citation,
    year: String(entry.year),
    articleUrls: entry.articleUrls.join('\n'),
    pdfUrl: entry.pdfUrl ?? '',
    clubNameEn: english(entry.club.name),
    clubNameFr: french(entry.club.name),
    clubUrl: entry.club.url,
    postUrl: entry.postUrl,
    summaryEn: english(entry.summary),
    summaryFr: french(entry.summary),
    commentaryEn: english(entry.commentary),
    commentaryFr: french(entry.commentary),
    questions: entry.questions.map((question) => ({
      id: question.id,
      en: english(question.text),
      fr: french(question.text),
    })),
    nextQuestion: Math.max(0, ...entry.questions.map((question) => questionNumber(question.id))) + 1,
    published: entry.published ?? '',
    meeting: entry.meeting ?? '',
  };
}
