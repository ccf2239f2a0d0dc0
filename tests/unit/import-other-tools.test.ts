import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entryByArticlePage, planImport } from '../../utils/exchange';
import { ANNOTATION_MAX_PARTS, IRI_MAX_LENGTH } from '../../utils/exchange/limits';
import { uuidV5 } from '../../utils/exchange/uuid-v5';
import { UNKNOWN_POSITION } from '../../utils/highlights/position';
import { ALBERS_DOI } from '../support/unit/db-fixtures';
import { annotations, ENTRY, entryForDoi, NOW, T1, tied } from '../support/unit/export-fixtures';

/**
 * Annotations other tools write (Hypothesis, a Solid app, the specification's examples): no urn:uuid id, a quote
 * without a position, one value where we write an array, the article named only by its page, no dates.
 */
const ARTICLE_PAGE = ENTRY.articleUrls[0] as string;
const options = { entryForDoi, entryForPage: entryByArticlePage([ENTRY]), now: NOW };
const quote = { type: 'TextQuoteSelector', exact: 'knowledge brokers', prefix: 'the role of ', suffix: ' in' };
/** What Hypothesis exports for a highlight, in the W3C form: an https id, one target, a quote and a position. */
const foreign = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'https://hypothes.is/a/Kq8nGgUyEe-8jz8Nr5cY0Q',
  type: 'Annotation',
  created: '2024-05-01T12:00:00Z',
  body: { type: 'TextualBody', value: 'Worth discussing', format: 'text/markdown' },
  target: {
    source: 'https://example.org/some/copy',
    scope: `https://doi.org/${ALBERS_DOI}`,
    selector: [quote, { type: 'TextPositionSelector', start: 10, end: 27 }],
  },
};
const withTarget = (target: Record<string, unknown>) => ({ ...foreign, target: { ...foreign.target, ...target } });
const imported = (annotation: unknown) => {
  const plan = planImport(JSON.stringify(annotation), [], options);
  expect(plan.summary.invalid).toEqual([]);
  return plan.toWrite[0];
};

/** RFC 9562's name-based UUID, computed by Node's own SHA-1 as the oracle. */
function nodeUuidV5(name: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1')
    .update(Buffer.concat([namespace, Buffer.from(name, 'utf8')]))
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('uuidV5', () => {
  it.each([
    ['an IRI', 'http://example.org/anno1'],
    ['the empty name', ''],
    ['non-ASCII text', 'é'.repeat(100)],
    ['a name that just fits the first block with its length', 'x'.repeat(39)],
    ['a name that pushes the length into a second block', 'x'.repeat(40)],
    ['a name of exactly one block', 'x'.repeat(48)],
    ['the longest id read', 'x'.repeat(IRI_MAX_LENGTH)],
  ])('derives the RFC 9562 UUID of %s', (_, name) => {
    expect(uuidV5(name)).toBe(nodeUuidV5(name));
  });
});

describe('planImport: annotations from other tools', () => {
  it('reads a Hypothesis-style annotation, its id turned into a stable UUID', () => {
    expect(imported(foreign)).toEqual({
      id: nodeUuidV5(foreign.id),
      doi: ALBERS_DOI,
      entryId: ENTRY.id,
      questionId: null,
      note: 'Worth discussing',
      target: {
        source: 'https://example.org/some/copy',
        selectors: [quote, { type: 'TextPositionSelector', start: 10, end: 27 }],
      },
      createdAt: T1,
      updatedAt: T1,
    });
  });

  it.each([
    [
      'a quote without a position',
      withTarget({ selector: quote }),
      { target: { selectors: [quote, UNKNOWN_POSITION] } },
    ],
    [
      'a quote refining a fragment, whose relative position is not kept',
      withTarget({
        selector: {
          type: 'FragmentSelector',
          value: 'sec2',
          refinedBy: { ...quote, refinedBy: { type: 'TextPositionSelector', start: 0, end: 17 } },
        },
      }),
      { target: { selectors: [quote, UNKNOWN_POSITION] } },
    ],
    [
      'targets as an array, the first a whole page',
      { ...foreign, target: ['https://example.org/', foreign.target] },
      { doi: ALBERS_DOI },
    ],
    [
      'a Composite target',
      { ...foreign, target: { type: 'Composite', items: ['https://example.org/', foreign.target] } },
      { doi: ALBERS_DOI },
    ],
    [
      'the DOI as a doi.org source',
      withTarget({ source: `https://doi.org/${ALBERS_DOI}`, scope: undefined }),
      { doi: ALBERS_DOI, entryId: ENTRY.id },
    ],
    [
      'the DOI as a doi: source',
      withTarget({ source: `doi:${ALBERS_DOI}`, scope: undefined }),
      { doi: ALBERS_DOI, entryId: ENTRY.id },
    ],
    [
      'the article named only by its catalogued address',
      withTarget({ source: `${ARTICLE_PAGE}/?utm_source=x#sec1`, scope: undefined }),
      { doi: ENTRY.dois[0], entryId: ENTRY.id },
    ],
    [
      'the article as a catalogued scope page',
      withTarget({ source: 'https://cdn.example.org/render/1', scope: ARTICLE_PAGE }),
      { doi: ENTRY.dois[0], entryId: ENTRY.id },
    ],
    [
      'a body that is an IRI',
      { ...foreign, body: 'https://example.org/comments/1' },
      { note: 'https://example.org/comments/1' },
    ],
    [
      'bodies of every kind, in order',
      {
        ...foreign,
        body: [
          { type: 'TextualBody', value: 'First' },
          { id: 'https://example.org/audio.mp3', type: 'Sound' },
          { type: 'SpecificResource', purpose: 'describing', source: 'https://example.org/notes#p3' },
          { type: 'TextualBody', purpose: 'tagging', value: 'keyword' },
          {
            type: 'Choice',
            items: [
              { type: 'TextualBody', value: 'English' },
              { type: 'TextualBody', value: 'Français' },
            ],
          },
        ],
      },
      { note: 'First\n\nhttps://example.org/audio.mp3\n\nhttps://example.org/notes#p3\n\nEnglish', questionId: null },
    ],
    [
      'our question as a classifying link',
      { ...foreign, body: { type: 'SpecificResource', purpose: 'classifying', source: `${ENTRY.postUrl}#q3` } },
      { questionId: 'q3', note: '' },
    ],
    [
      'our question as the body of a classifying annotation',
      { ...foreign, motivation: 'classifying', body: `${ENTRY.postUrl}#q1` },
      { questionId: 'q1', note: '' },
    ],
    [
      'another vocabulary’s class, which is neither a question nor a note',
      { ...foreign, motivation: ['classifying'], body: 'http://example.org/vocab/art/portrait' },
      { questionId: null, note: '' },
    ],
    [
      'our question in the older form, the tag’s own id',
      { ...foreign, body: { id: `${ENTRY.postUrl}#q2`, type: 'TextualBody', purpose: 'tagging', value: 'Who pays?' } },
      { questionId: 'q2', note: '' },
    ],
  ])('reads %s', (_, annotation, expected) => {
    expect(imported(annotation)).toMatchObject(expected);
  });

  it('reads its own export back, in the new form, with the question', () => {
    const [ours] = annotations([tied]);
    expect(imported(ours)).toEqual(tied);
  });

  it('dates an undated annotation now, adds it once, and never lets it replace a stored copy', () => {
    const undated = { ...foreign, created: undefined };
    const first = planImport(JSON.stringify(undated), [], options);
    expect(first.toWrite).toMatchObject([{ createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() }]);
    const stored = first.toWrite.map((h) => ({ ...h, note: 'edited', updatedAt: '2024-06-01T11:00:00.000Z' }));
    for (const mode of ['merge', 'restore'] as const) {
      const later = planImport(JSON.stringify(undated), stored, { ...options, now: new Date('2030-01-01'), mode });
      expect(later.toWrite).toEqual([]);
      expect(later.summaryText).toBe('1 unchanged');
    }
  });

  it.each([
    ['too many targets', { ...foreign, target: Array(ANNOTATION_MAX_PARTS + 1).fill('https://example.org/') }],
    ['too many selectors', withTarget({ selector: Array(ANNOTATION_MAX_PARTS + 1).fill(quote) })],
    ['too many bodies', { ...foreign, body: Array(ANNOTATION_MAX_PARTS + 1).fill('https://example.org/') }],
  ])('refuses an annotation with %s, saying so', (_, annotation) => {
    const plan = planImport(JSON.stringify(annotation), [], options);
    expect(plan.summary.invalid[0]?.reason).toBe(
      `It lists more than ${ANNOTATION_MAX_PARTS} targets, bodies or selectors, more than a highlight can be made of.`,
    );
  });

  it.each([
    ['an id longer than any address', { ...foreign, id: `https://example.org/${'a'.repeat(IRI_MAX_LENGTH)}` }],
    ['an id with spaces', { ...foreign, id: 'my annotation' }],
    ['a blank-node id', { ...foreign, id: '_:b0' }],
  ])('refuses %s', (_, annotation) => {
    const plan = planImport(JSON.stringify(annotation), [], options);
    expect(plan.summary.invalid[0]?.reason).toMatch(/^It has no address of its own/);
  });

  it('stops following refinements after a few levels, and says what it found', () => {
    // A thousand levels deep, written out by hand: JSON.stringify itself would recurse that deep.
    const open = '{"type":"FragmentSelector","value":"f","refinedBy":'.repeat(1_000);
    const selector = `${open}${JSON.stringify(quote)}${'}'.repeat(1_000)}`;
    const text = JSON.stringify(withTarget({ selector: 'HERE' })).replace('"HERE"', selector);
    const started = performance.now();
    const plan = planImport(text, [], options);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(plan.summary.invalid[0]?.reason).toMatch(/^It finds its passage by FragmentSelector, which/);
  });

  it('refuses a note of a megabyte with the note’s own message, quickly', () => {
    const started = performance.now();
    const plan = planImport(
      JSON.stringify({ ...foreign, bodyValue: 'x'.repeat(1_000_000), body: undefined }),
      [],
      options,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(plan.summary.invalid[0]?.reason).toMatch(/^The note is 1,000,000 characters long/);
  });

  it('plans 10,000 annotations from another tool in a few seconds at most', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ ...foreign, id: `https://hypothes.is/a/${i}` }));
    const started = performance.now();
    const plan = planImport(JSON.stringify({ type: 'AnnotationPage', items }), [], options);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(new Set(plan.toWrite.map((h) => h.id)).size).toBe(10_000);
  }, 30_000);
});
