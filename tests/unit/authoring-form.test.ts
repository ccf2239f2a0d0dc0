import { describe, expect, it } from 'vitest';
import { apaAuthor, formatCitation } from '../../utils/authoring/citation';
import { slugify, suggestEntryId } from '../../utils/authoring/entry-id';
import { type AuthoringForm, blankForm, entryToForm, formToEntry } from '../../utils/authoring/form';
import { addQuestion, moveQuestion, removeQuestion, restoreQuestion } from '../../utils/authoring/questions';
import { checkForm, type FieldKey } from '../../utils/authoring/validate';
import { bundledCatalog } from '../../utils/catalog/bundled';
import { CATALOG_LIMITS } from '../../utils/catalog/schema';

/** A form that passes the feeds' schema, to break one field at a time. */
const valid = (): AuthoringForm => ({
  ...blankForm(),
  id: 'li-2019',
  dois: '10.1371/journal.pone.0213978',
  titleEn: 'Assessment on reticuloendotheliosis virus infection',
  authors: 'Yang Li\nPeng Zhao',
  citation: 'Li, Y., & Zhao, P. (2019). Assessment. PLOS ONE.',
  year: '2019',
  articleUrls: 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978',
  clubNameEn: 'Poultry Health Journal Club',
  clubUrl: 'https://club.example/',
  postUrl: 'https://club.example/posts/yolk',
  summaryEn: 'Yolk for serum.',
  commentaryEn: 'Cheaper.',
  questions: [
    { id: 'q1', en: 'First?', fr: '' },
    { id: 'q2', en: 'Second?', fr: 'Deuxième ?' },
  ],
  nextQuestion: 3,
});

describe('checking the form with the feeds’ schema', () => {
  it('accepts a complete form, as the entry a feed would carry', () => {
    const { entry, issues } = checkForm(valid());
    expect(issues).toEqual([]);
    expect(entry?.questions[1]).toEqual({ id: 'q2', text: { en: 'Second?', fr: 'Deuxième ?' } });
    expect(entry?.title).toBe('Assessment on reticuloendotheliosis virus infection');
    expect(entry?.year).toBe(2019);
  });

  it.each<[string, Partial<AuthoringForm>, FieldKey, string, number?]>([
    ['an empty title', { titleEn: '  ' }, 'titleEn', 'expected a non-empty string'],
    ['a French title too long', { titleFr: 'é'.repeat(1_001) }, 'titleFr', 'expected at most 1000 characters'],
    ['a second DOI that is not one', { dois: '10.1371/journal.pone.0213978\nnot-a-doi' }, 'dois', 'expected a DOI', 2],
    ['no author', { authors: '\n \n' }, 'authors', 'expected at least one item'],
    ['a year in words', { year: 'twenty' }, 'year', 'expected a number'],
    ['a year too early', { year: '1500' }, 'year', 'expected a year from 1600'],
    ['an id with capitals', { id: 'Li-2019' }, 'id', 'expected a slug'],
    ['a javascript: post address', { postUrl: 'javascript:alert(1)' }, 'postUrl', 'expected an http(s) URL'],
    ['a club address missing', { clubUrl: '' }, 'clubUrl', 'expected a non-empty string'],
    ['a club name missing', { clubNameEn: '' }, 'clubNameEn', 'expected a non-empty string'],
    ['a meeting on 30 February', { meeting: '2026-02-30' }, 'meeting', 'expected a date that exists'],
    ['a published date with a time', { published: '2026-01-01T10:00' }, 'published', 'expected an ISO date'],
    ['a PDF on ftp', { pdfUrl: 'ftp://example.org/a.pdf' }, 'pdfUrl', 'expected an http(s) URL'],
    ['an empty summary', { summaryEn: '' }, 'summaryEn', 'expected a non-empty string'],
    ['a French commentary too long', { commentaryFr: 'é'.repeat(20_001) }, 'commentaryFr', 'expected at most'],
    ['no question', { questions: [] }, 'questions', 'expected at least one item'],
  ])('puts %s beside its field', (_name, change, field, message, line) => {
    const { entry, issues } = checkForm({ ...valid(), ...change });
    expect(entry).toBeNull();
    expect(issues.map((issue) => issue.field)).toEqual(issues.map(() => field));
    expect(issues[0]).toEqual(expect.objectContaining({ message: expect.stringContaining(message) }));
    expect(issues[0]?.line).toBe(line);
  });

  it('puts an empty question, or its French version too long, beside that question by its id', () => {
    const form = valid();
    const issues = checkForm({
      ...form,
      questions: [form.questions[0] as AuthoringForm['questions'][0], { id: 'q2', en: '', fr: 'é'.repeat(2_001) }],
    }).issues;
    expect(issues.map((issue) => issue.field)).toEqual(['question:q2:en', 'question:q2:fr']);
  });

  it('reads a blank French box as no French version, since French is optional', () => {
    expect(checkForm({ ...valid(), titleFr: ' ', summaryFr: '\n' }).entry?.title).toBe(valid().titleEn);
  });

  it('reports every problem at once, so the organiser sees all that is left', () => {
    expect(checkForm(blankForm()).issues.length).toBeGreaterThan(8);
  });

  it('takes back a saved entry unchanged (bundled Albers 2020, with its French versions)', () => {
    const albers = bundledCatalog[0];
    if (!albers) throw new Error('no bundled entry');
    expect(checkForm(entryToForm(albers)).entry).toEqual(albers);
    expect(formToEntry(entryToForm(albers)).questions).toEqual(albers.questions);
  });

  it('caps nothing the schema would not: a title at the limit passes, one more character fails', () => {
    const atLimit = 'a'.repeat(CATALOG_LIMITS.titleLength);
    expect(checkForm({ ...valid(), titleEn: atLimit }).issues).toEqual([]);
    expect(checkForm({ ...valid(), titleEn: `${atLimit}a` }).issues[0]?.field).toBe('titleEn');
  });
});

describe('question ids', () => {
  it('are given once and never reused, whatever is removed', () => {
    let form = blankForm();
    form = addQuestion(addQuestion(form));
    expect(form.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    form = removeQuestion(form, 2).form;
    form = addQuestion(form);
    expect(form.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q4']);
  });

  it('move with their question, and a removed question comes back where it was', () => {
    let form = addQuestion(addQuestion(blankForm()));
    form = moveQuestion(form, 2, -1);
    expect(form.questions.map((q) => q.id)).toEqual(['q1', 'q3', 'q2']);
    expect(moveQuestion(form, 0, -1)).toBe(form);
    expect(moveQuestion(form, 2, 1)).toBe(form);
    const { form: without, removed } = removeQuestion(form, 1);
    expect(without.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
    if (!removed) throw new Error('nothing removed');
    expect(restoreQuestion(without, removed).questions.map((q) => q.id)).toEqual(['q1', 'q3', 'q2']);
    expect(restoreQuestion(form, removed)).toBe(form);
  });

  it('continue after the highest id of a saved entry', () => {
    const albers = bundledCatalog[0];
    if (!albers) throw new Error('no bundled entry');
    const form = entryToForm({
      ...albers,
      questions: [
        { id: 'q7', text: 'A?' },
        { id: 'intro', text: 'B?' },
      ],
    });
    expect(addQuestion(form).questions.at(-1)?.id).toBe('q8');
  });
});

describe('the suggested citation and id', () => {
  it.each([
    ['Li, Yang', 'Li, Y.'],
    ['Yang Li', 'Li, Y.'],
    ['Jean-Pierre Dupont', 'Dupont, J.-P.'],
    ['van der Berg, Anna Maria', 'van der Berg, A. M.'],
    ['Plato', 'Plato'],
  ])('writes %s as %s', (name, apa) => {
    expect(apaAuthor(name)).toBe(apa);
  });

  it('leaves out what the page did not say, with its punctuation', () => {
    const parts = {
      authors: ['Yang Li', 'Tuanjie Wang', 'Peng Zhao'],
      year: '2019',
      title: 'Assessment.',
      journal: 'PLOS ONE',
      volume: '14',
      issue: '4',
      firstPage: 'e0213978',
      lastPage: '',
      doi: '10.1371/journal.pone.0213978',
    };
    expect(formatCitation(parts)).toBe(
      'Li, Y., Wang, T., & Zhao, P. (2019). Assessment. PLOS ONE, 14(4), e0213978. https://doi.org/10.1371/journal.pone.0213978',
    );
    expect(formatCitation({ ...parts, authors: [], volume: '', issue: '', firstPage: '', doi: '' })).toBe(
      '(2019). Assessment. PLOS ONE.',
    );
  });

  it.each([
    ['Vaswani, Ashish', '2017', 'Attention', 'vaswani-2017'],
    ['Zoë Ångström', '2020', 'T', 'angstrom-2020'],
    [undefined, '2014', 'The Value of Doubt: a study', 'the-value-of-doubt-2014'],
    [undefined, '', '', ''],
  ])('suggests an id from %s, %s, %s', (author, year, title, id) => {
    expect(suggestEntryId(author, year, title)).toBe(id);
  });

  it('cuts a slug without leaving a hyphen at its end', () => {
    expect(slugify('abc def', 4)).toBe('abc');
  });
});
