import { describe, expect, it } from 'vitest';
import { planImport } from '../../utils/exchange';
import { ALBERS_DOI } from '../support/unit/db-fixtures';
import { annotations, ENTRY, entryForDoi, T1, tied } from '../support/unit/export-fixtures';

describe('planImport: Web Annotations from elsewhere', () => {
  const [base = {}] = annotations([tied]);
  const target = base.target as Record<string, unknown>;
  const tagged = (id: string) => ({ ...base, body: [{ type: 'TextualBody', purpose: 'tagging', value: 'tag', id }] });

  it.each([
    ['our question tag', tagged(`${ENTRY.postUrl}#q2`), entryForDoi, { questionId: 'q2', entryId: ENTRY.id }],
    [
      'a question the club removed, from its post',
      tagged(`${ENTRY.postUrl}#gone`),
      entryForDoi,
      { questionId: 'gone' },
    ],
    [
      'a question of the entry from a moved post',
      tagged('https://club.example/new-post#q3'),
      entryForDoi,
      { questionId: 'q3' },
    ],
    ['another tool’s semantic tag', tagged('https://dbpedia.org/page/Canada#x'), entryForDoi, { questionId: null }],
    [
      'a tag without entry, shaped like a question id',
      tagged('https://club.example/post#q1'),
      undefined,
      { questionId: 'q1', entryId: null },
    ],
    [
      'a tag without entry, not shaped like one',
      tagged('https://dbpedia.org/page/Canada#Ottawa'),
      undefined,
      { questionId: null },
    ],
    [
      'a semantic tag as a specific resource',
      { ...base, body: { type: 'SpecificResource', purpose: 'tagging', source: `${ENTRY.postUrl}#q1` } },
      entryForDoi,
      { questionId: 'q1', note: '' },
    ],
    [
      'a bodyValue',
      { ...base, body: undefined, bodyValue: 'plain note' },
      entryForDoi,
      { note: 'plain note', questionId: null },
    ],
    [
      'several comments',
      { ...base, body: [{ value: 'a' }, { type: 'TextualBody', value: 'b', purpose: 'describing' }] },
      entryForDoi,
      { note: 'a\n\nb' },
    ],
    [
      'times with an offset',
      { ...base, created: '2024-05-01T14:00:00+02:00', modified: '2024-05-01T12:00:30.5Z' },
      entryForDoi,
      { createdAt: T1, updatedAt: '2024-05-01T12:00:30.500Z' },
    ],
    ['no modified time', { ...base, modified: undefined }, entryForDoi, { createdAt: T1, updatedAt: T1 }],
    [
      'a DOI only in the page URL',
      { ...base, target: { ...target, scope: undefined } },
      entryForDoi,
      { doi: ALBERS_DOI },
    ],
    [
      'a scope as a resource',
      { ...base, target: { ...target, scope: [{ id: 'https://doi.org/10.1234/ABC' }] } },
      entryForDoi,
      { doi: '10.1234/ABC', entryId: null },
    ],
    [
      'a quote without context',
      {
        ...base,
        target: {
          ...target,
          selector: [
            { type: 'TextQuoteSelector', exact: 'x' },
            { type: 'TextPositionSelector', start: 0, end: 1 },
          ],
        },
      },
      entryForDoi,
      {
        target: {
          source: tied.target.source,
          selectors: [
            { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: 1 },
          ],
        },
      },
    ],
  ])('reads %s', (_, annotation, find, expected) => {
    const plan = planImport(JSON.stringify(annotation), [], { entryForDoi: find });
    expect(plan.summary.invalid).toEqual([]);
    expect(plan.toWrite[0]).toMatchObject(expected);
  });
});
