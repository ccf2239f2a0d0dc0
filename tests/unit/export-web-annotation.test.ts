import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_CONTEXT, annotationDocument, exportWebAnnotations } from '../../utils/exchange';
import { doiFromResolverUrl, doiUrl } from '../../utils/exchange/common';
import { REMOVED_QUESTION_TEXT } from '../../utils/exchange/web-annotation';
import type { Highlight } from '../../utils/highlights/highlight';
import { UNKNOWN_POSITION } from '../../utils/highlights/position';
import schema from '../fixtures/web-annotation.schema.json';
import { ENTRY, highlightAt } from '../support/unit/export-fixtures';

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validate = ajv.compile(schema);
const errorsOf = (document: unknown) => (validate(document) ? [] : (validate.errors ?? []));

const ID = '0b5f4a8e-3c1d-4e7a-9f00-5a1b2c3d4e5f';
const tied = highlightAt('knowledge brokers', 1200, {
  id: ID,
  questionId: 'q1',
  note: 'Brokers need <b>protected</b> time.',
  createdAt: '2024-05-01T12:00:00.000Z',
  updatedAt: '2024-05-03T08:30:00.000Z',
});
const en = { language: 'en' };

describe('exportWebAnnotations', () => {
  it('maps a highlight with a note and a question to a commenting annotation', () => {
    const collection = exportWebAnnotations(ENTRY, [tied], en);
    expect(collection.first?.items).toEqual([
      {
        id: `urn:uuid:${ID}`,
        type: 'Annotation',
        motivation: 'commenting',
        created: '2024-05-01T12:00:00.000Z',
        modified: '2024-05-03T08:30:00.000Z',
        body: [
          {
            type: 'TextualBody',
            purpose: 'commenting',
            value: 'Brokers need <b>protected</b> time.',
            format: 'text/plain',
          },
          { type: 'TextualBody', purpose: 'tagging', value: 'What skills do brokers need?', format: 'text/plain' },
          {
            type: 'SpecificResource',
            purpose: 'classifying',
            source: 'https://researchimpact.ca/kmb-journal-club/implementation-support-practitioners/#q1',
          },
        ],
        target: {
          type: 'SpecificResource',
          source: 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1',
          scope: 'https://doi.org/10.1186/s12913-020-05145-1',
          selector: [
            { type: 'TextQuoteSelector', exact: 'knowledge brokers', prefix: 'before ', suffix: ' after' },
            { type: 'TextPositionSelector', start: 1200, end: 1217 },
          ],
        },
      },
    ]);
  });

  it.each([
    ['an untied highlight without a note', { questionId: null, note: '' }, 'highlighting', []],
    ['a tied highlight without a note', { questionId: 'q2', note: '' }, 'highlighting', ['tagging', 'classifying']],
    ['an untied highlight with a note', { questionId: null, note: 'n' }, 'commenting', ['commenting']],
  ] as const)('maps %s', (_, overrides, motivation, purposes) => {
    const [annotation] = exportWebAnnotations(ENTRY, [{ ...tied, ...overrides }], en).first?.items ?? [];
    expect(annotation?.motivation).toBe(motivation);
    expect((annotation?.body ?? []).map((b) => b.purpose)).toEqual(purposes);
    expect('body' in (annotation ?? {})).toBe(purposes.length > 0);
  });

  it('tags a question the club removed with a placeholder text, and links it by its id', () => {
    const [annotation] = exportWebAnnotations(ENTRY, [{ ...tied, questionId: 'old question' }], en).first?.items ?? [];
    expect(annotation?.body?.slice(1)).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: REMOVED_QUESTION_TEXT, format: 'text/plain' },
      {
        type: 'SpecificResource',
        purpose: 'classifying',
        source: 'https://researchimpact.ca/kmb-journal-club/implementation-support-practitioners/#old%20question',
      },
    ]);
  });

  it('gives a highlight imported without a position its quote alone', () => {
    const [quote] = tied.target.selectors;
    const quoteOnly: Highlight = { ...tied, target: { ...tied.target, selectors: [quote, UNKNOWN_POSITION] } };
    const [annotation] = exportWebAnnotations(ENTRY, [quoteOnly], en).first?.items ?? [];
    expect(annotation?.target.selector).toEqual([quote]);
    expect(errorsOf(JSON.parse(JSON.stringify(exportWebAnnotations(ENTRY, [quoteOnly], en))))).toEqual([]);
  });

  it('writes one highlight as a standalone document, with its own context', () => {
    const document = annotationDocument(tied, ENTRY, en);
    expect(document).toEqual({
      '@context': ANNOTATION_CONTEXT,
      ...exportWebAnnotations(ENTRY, [tied], en).first?.items[0],
    });
  });

  it('uses the reader’s language for the label and the question', () => {
    const collection = exportWebAnnotations(ENTRY, [tied], { language: 'fr' });
    expect(collection.label).toBe('Highlights: Les praticiens du soutien à la mise en œuvre');
    expect(collection.first?.items[0]?.body?.[1]).toMatchObject({
      value: 'De quelles compétences les courtiers ont-ils besoin ?',
    });
  });

  it('names the generator on every annotation', () => {
    const generator = {
      id: 'https://example.org/jcr',
      name: 'Journal Club Reader 0.1.0',
      homepage: 'https://example.org/',
    };
    const collection = exportWebAnnotations(ENTRY, [tied, { ...tied, id: crypto.randomUUID() }], { ...en, generator });
    expect(collection.first?.items).toHaveLength(2);
    for (const item of collection.first?.items ?? [])
      expect(item.generator).toEqual({ ...generator, type: 'Software' });
    expect(errorsOf(collection)).toEqual([]);
  });

  it('lists annotations in page order, with a deterministic collection and page id', () => {
    const later = highlightAt('later', 5000, { questionId: null });
    const earlier = highlightAt('earlier', 10, { questionId: null });
    const a = exportWebAnnotations(ENTRY, [later, earlier], en);
    const b = exportWebAnnotations(ENTRY, [earlier, later], en);
    expect(a.first?.items.map((i) => i.id)).toEqual([`urn:uuid:${earlier.id}`, `urn:uuid:${later.id}`]);
    expect(a).toEqual(b);
    expect(a.total).toBe(2);
    expect(a.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.first?.id).not.toBe(a.id);
    expect(exportWebAnnotations(ENTRY, [earlier], en).id).not.toBe(a.id);
  });

  it('has no page when there is nothing to list, as the model requires of pages', () => {
    const collection = exportWebAnnotations(ENTRY, [], en);
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 0 });
    expect('first' in collection).toBe(false);
    expect(errorsOf(collection)).toEqual([]);
  });

  it('validates against the Web Annotation schema, hostile text included', () => {
    const highlights = [
      tied,
      highlightAt('<script>alert(1)</script>', 3, { questionId: null, note: '' }),
      highlightAt('x', 4, { questionId: 'q3', note: '"quoted" \\ \u0000 \u{1F600}' }),
    ];
    const collection = JSON.parse(JSON.stringify(exportWebAnnotations(ENTRY, highlights, en)));
    expect(errorsOf(collection)).toEqual([]);
  });

  it.each([
    ['10.1186/s12913-020-05145-1', 'https://doi.org/10.1186/s12913-020-05145-1'],
    [
      '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O',
      'https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-O',
    ],
    ['10.1234/a#b?c%d', 'https://doi.org/10.1234/a%23b%3Fc%25d'],
    ['10.1234/ends.with.dot.', 'https://doi.org/10.1234/ends.with.dot.'],
    ['10.1234/été', 'https://doi.org/10.1234/%C3%A9t%C3%A9'],
  ])('gives the DOI %s as the scope %s, which reads back exactly', (doi, url) => {
    expect(doiUrl(doi)).toBe(url);
    expect(doiFromResolverUrl(url)).toBe(doi);
    const [annotation] = exportWebAnnotations(ENTRY, [{ ...tied, doi }], en).first?.items ?? [];
    expect(annotation?.target.scope).toBe(url);
  });
});

describe('the Web Annotation schema', () => {
  const valid = (): Record<string, unknown> => JSON.parse(JSON.stringify(exportWebAnnotations(ENTRY, [tied], en)));
  const annotation = (c: Record<string, unknown>) => (c.first as { items: Record<string, unknown>[] }).items[0] ?? {};
  const target = (c: Record<string, unknown>) => annotation(c).target as Record<string, unknown>;
  const selectors = (c: Record<string, unknown>) => target(c).selector as Record<string, unknown>[];
  const bodies = (c: Record<string, unknown>) => annotation(c).body as Record<string, unknown>[];

  it('accepts the examples of the specification that use these resources', () => {
    const documents = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'http://example.org/anno1',
        type: 'Annotation',
        body: 'http://example.net/comment1',
        target: 'http://example.com/page1',
      },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'http://example.org/anno5',
        type: 'Annotation',
        body: { type: 'TextualBody', value: "<p>j'adore !</p>", format: 'text/html', language: 'fr' },
        target: 'http://example.org/photo1',
      },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'http://example.org/anno18',
        type: 'Annotation',
        body: { type: 'SpecificResource', purpose: 'tagging', source: 'http://example.org/city1' },
        target: { id: 'http://example.org/photo1', type: 'Image' },
      },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'http://example.org/anno37',
        type: 'Annotation',
        body: 'http://example.org/note1',
        target: { source: 'http://example.org/image1', scope: 'http://example.org/page1' },
      },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'http://example.org/collection1',
        type: 'AnnotationCollection',
        label: 'Steampunk Annotations',
        creator: 'http://example.com/publisher',
        total: 42023,
        first: 'http://example.org/page1',
        last: 'http://example.org/page42',
      },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'http://example.org/anno',
        type: 'Annotation',
        bodyValue: 'Comment text',
        target: 'http://example.org/target1',
      },
    ];
    for (const document of documents) expect(errorsOf(document)).toEqual([]);
  });

  it.each<[string, (c: Record<string, unknown>) => void]>([
    ['a collection without @context', (c) => delete c['@context']],
    ['a collection with another context only', (c) => (c['@context'] = 'https://schema.org/')],
    ['a collection without id', (c) => delete c.id],
    ['a collection of another type', (c) => (c.type = 'Collection')],
    ['a negative total', (c) => (c.total = -1)],
    ['a fractional total', (c) => (c.total = 1.5)],
    ['annotations counted but not listed', (c) => delete c.first],
    ['a page with no items', (c) => ((c.first as Record<string, unknown>).items = [])],
    ['a page without id', (c) => delete (c.first as Record<string, unknown>).id],
    ['an annotation without target', (c) => delete annotation(c).target],
    ['an annotation without id', (c) => delete annotation(c).id],
    ['an annotation id that is not an IRI', (c) => (annotation(c).id = 'not an iri')],
    ['an annotation of another type', (c) => (annotation(c).type = 'Note')],
    ['a motivation the model does not define', (c) => (annotation(c).motivation = 'liking')],
    ['a time with an offset', (c) => (annotation(c).created = '2024-05-01T14:00:00+02:00')],
    ['a time without a zone', (c) => (annotation(c).modified = '2024-05-01T14:00:00')],
    ['both body and bodyValue', (c) => (annotation(c).bodyValue = 'text')],
    ['a textual body without value', (c) => delete bodies(c)[0]?.value],
    ['a textual body with a non-text value', (c) => ((bodies(c)[0] ?? {}).value = 42)],
    ['a purpose the model does not define', (c) => ((bodies(c)[1] ?? {}).purpose = 'asking')],
    ['a specific resource without source', (c) => delete target(c).source],
    ['a quote selector without exact', (c) => delete selectors(c)[0]?.exact],
    ['a quote selector with a numeric prefix', (c) => ((selectors(c)[0] ?? {}).prefix = 1)],
    ['a position selector without end', (c) => delete selectors(c)[1]?.end],
    ['a negative position', (c) => ((selectors(c)[1] ?? {}).start = -1)],
    ['a fractional position', (c) => ((selectors(c)[1] ?? {}).end = 12.5)],
    ['a selector without type', (c) => delete selectors(c)[1]?.type],
  ])('rejects %s', (_, damage) => {
    const collection = valid();
    expect(errorsOf(collection)).toEqual([]);
    damage(collection);
    expect(errorsOf(collection)).not.toEqual([]);
  });
});
