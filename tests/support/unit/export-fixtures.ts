import fc from 'fast-check';
import type { CatalogEntry } from '../../../utils/catalog/schema';
import { exportWebAnnotations } from '../../../utils/exchange/web-annotation-export';
import type { Highlight } from '../../../utils/highlights/highlight';
import { ALBERS_DOI, makeHighlight } from './db-fixtures';

/** A small entry: a bilingual question, an English-only one, and one nobody answers. */
export const ENTRY: CatalogEntry = {
  id: 'albers-2020',
  dois: [ALBERS_DOI, '10.21203/rs.3.rs-16374/v1'],
  title: { en: 'Implementation support practitioners', fr: 'Les praticiens du soutien à la mise en œuvre' },
  authors: ['Albers B', 'Metz A', 'Burke K'],
  citation: 'Albers, B., Metz, A. and Burke, K. (2020) Implementation support practitioners. BMC HSR 20:368.',
  year: 2020,
  articleUrls: ['https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1'],
  club: { name: 'KMb Journal Club', url: 'https://researchimpact.ca/kmb-journal-club/' },
  postUrl: 'https://researchimpact.ca/kmb-journal-club/implementation-support-practitioners/',
  summary: 'A summary.',
  commentary: 'A commentary.',
  questions: [
    {
      id: 'q1',
      text: { en: 'What skills do brokers need?', fr: 'De quelles compétences les courtiers ont-ils besoin ?' },
    },
    { id: 'q2', text: 'Who pays for this role?' },
    { id: 'q3', text: 'Is the concept new?' },
  ],
};

/** A highlight of `exact` at `start`, with the fields a test cares about overridden. */
export function highlightAt(exact: string, start: number, overrides: Partial<Highlight> = {}): Highlight {
  const base = makeHighlight(overrides);
  return {
    ...base,
    target: {
      source: base.target.source,
      selectors: [
        { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
    },
  };
}

const isoTime = fc
  .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** DOI suffixes with the characters that need care in a URL: `#`, `?`, `%`, `<`, `>`, parentheses, non-ASCII. */
const doiSuffix = fc.string({
  unit: fc.constantFrom(...'abcXYZ019-._;()/:<>#?%&+=é漢'.split('')),
  minLength: 1,
  maxLength: 30,
});
export const doiArb = fc
  .tuple(fc.integer({ min: 1000, max: 999_999_999 }), doiSuffix)
  .map(([registrant, suffix]) => `10.${registrant}/${suffix}`);

/** Any text, including astral characters, line breaks and markup. */
const text = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength });

/** Valid highlights of `entry` (question ids from it, or one it has lost, or none), with distinct ids. */
export function highlightsArb(entry: CatalogEntry, maxLength = 8): fc.Arbitrary<Highlight[]> {
  const highlight = fc
    .record({
      id: fc.uuid(),
      doi: doiArb,
      questionId: fc.option(fc.constantFrom(...entry.questions.map((q) => q.id), 'removed-question'), { nil: null }),
      note: text(300),
      source: fc.webUrl({ withQueryParameters: true, withFragments: true }),
      exact: text(200).filter((s) => s !== ''),
      prefix: text(40),
      suffix: text(40),
      start: fc.nat({ max: 1_000_000 }),
      // A passage is never empty; an empty span is how a highlight imported without a position stores that.
      length: fc.integer({ min: 1, max: 5_000 }),
      times: fc.tuple(isoTime, isoTime).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
    })
    .map(
      (r): Highlight => ({
        id: r.id,
        doi: r.doi,
        entryId: entry.id,
        questionId: r.questionId,
        note: r.note,
        target: {
          source: r.source,
          selectors: [
            { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix },
            { type: 'TextPositionSelector', start: r.start, end: r.start + r.length },
          ],
        },
        createdAt: r.times[0] ?? '',
        updatedAt: r.times[1] ?? '',
      }),
    );
  return fc.uniqueArray(highlight, { maxLength, selector: (h) => h.id.toLowerCase() });
}

export const byId = (a: Highlight, b: Highlight) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Fixed times and two highlights for import tests: a tied one with a note, changed after it was made, and an untied one. */
export const NOW = new Date('2024-06-01T10:00:00.000Z');
export const T1 = '2024-05-01T12:00:00.000Z';
export const T2 = '2024-05-02T12:00:00.000Z';
export const T3 = '2024-05-03T12:00:00.000Z';
export const tied = highlightAt('knowledge brokers', 1200, {
  questionId: 'q1',
  note: 'A note.',
  createdAt: T1,
  updatedAt: T2,
});
export const untied = highlightAt('the role', 50, { questionId: null, note: '', createdAt: T2, updatedAt: T2 });
export const entryForDoi = (doi: string) => (doi === ALBERS_DOI ? ENTRY : null);
export const jsonLd = (highlights: Highlight[]) =>
  JSON.stringify(exportWebAnnotations(ENTRY, highlights, { language: 'en' }));
export const annotations = (highlights: Highlight[]) =>
  JSON.parse(jsonLd(highlights)).first.items as Record<string, unknown>[];
export const backupOf = (items: unknown[]) =>
  JSON.stringify({
    format: 'journal-club-reader/backup',
    version: 1,
    exportedAt: NOW.toISOString(),
    highlights: items,
  });
