import { describe, expect, it } from 'vitest';
import { ANNOTATION_CONTEXT, annotationDocument, exportWebAnnotations } from '../../utils/exchange';
import type { Highlight } from '../../utils/highlights/highlight';
import { UNKNOWN_POSITION } from '../../utils/highlights/position';
import { ENTRY, highlightAt } from '../support/unit/export-fixtures';
import { failedMusts, loadAssertions, SUITE_DIR, suitePresent } from '../support/unit/w3c-suite';

/**
 * Everything we export passes every MUST of the W3C's own Web Annotation test suite: the single-annotation
 * assertions (`annotationMusts.test`) for each annotation, alone and as it sits in a collection's page, and the
 * collection and page assertions (`collectionMusts.test`, `pageMusts.test`) for the file around them.
 */
if (!suitePresent) console.warn(`w3c-web-annotation-suite: skipped, the W3C test suite is missing: ${SUITE_DIR}`);

const generator = {
  id: 'https://example.org/jcr',
  name: 'Journal Club Reader 0.1.0',
  homepage: 'https://example.org/',
};
const times = { createdAt: '2024-05-01T12:00:00.000Z', updatedAt: '2024-05-03T08:30:00.000Z' };

/** As the import stores an annotation that quoted its passage without giving a position. */
function withoutPosition(highlight: Highlight): Highlight {
  const [quote] = highlight.target.selectors;
  return { ...highlight, target: { ...highlight.target, selectors: [quote, { ...UNKNOWN_POSITION }] } };
}

/** One of each kind a reader makes: tied or not, with a note or not, saved from a share link, and odd text. */
const HIGHLIGHTS: [string, Highlight][] = [
  [
    'tied, with a note',
    highlightAt('knowledge brokers', 1200, { questionId: 'q1', note: 'Protected time.', ...times }),
  ],
  ['tied, without a note', highlightAt('the role', 50, { questionId: 'q2', note: '', ...times })],
  ['untied, with a note', highlightAt('health systems', 900, { questionId: null, note: 'See §2.', ...times })],
  ['untied, without a note', highlightAt('brokers', 10, { questionId: null, note: '', ...times })],
  [
    'saved from a share link',
    highlightAt('support practitioners', 300, { questionId: 'q3', note: 'Their words.', sharedFrom: 'KMb', ...times }),
  ],
  ['tied to a question the club removed', highlightAt('gone', 5, { questionId: 'old question', ...times })],
  ['imported with a quote and no position', withoutPosition(highlightAt('brokers', 0, { questionId: 'q2', ...times }))],
  [
    'with markup and astral characters in its text',
    highlightAt('<script>x</script> 😀', 7, { questionId: 'q1', note: '"quoted" \\ \u0000 😀 <b>b</b>', ...times }),
  ],
];

describe.skipIf(!suitePresent)('the W3C Web Annotation test suite on our export', () => {
  const annotationMusts = suitePresent ? loadAssertions('annotations/annotationMusts.test') : [];
  const collectionMusts = suitePresent ? loadAssertions('collections/collectionMusts.test') : [];
  const pageMusts = suitePresent ? loadAssertions('collections/pages/pageMusts.test') : [];
  const options = { language: 'en', generator };
  /** As a file holds it: written out and read back, so only JSON reaches the schemas. */
  const exported = (highlights: Highlight[]) =>
    JSON.parse(JSON.stringify(exportWebAnnotations(ENTRY, highlights, options))) as Record<string, unknown>;
  const itemsOf = (collection: Record<string, unknown>) =>
    (collection.first as { items: Record<string, unknown>[] }).items;

  it('reads every MUST assertion the suite lists', () => {
    expect(annotationMusts.filter((a) => a.must).length).toBeGreaterThanOrEqual(50);
    expect(collectionMusts.filter((a) => a.must).length).toBeGreaterThanOrEqual(10);
    expect(pageMusts.filter((a) => a.must).length).toBeGreaterThan(0);
  });

  it.each(HIGHLIGHTS)('passes every annotation MUST for a highlight %s, in a collection', (_, highlight) => {
    const [annotation] = itemsOf(exported([highlight]));
    // The suite tests a single annotation, which carries its own context: an embedded one has its collection's.
    expect(failedMusts(annotationMusts, { '@context': ANNOTATION_CONTEXT, ...annotation })).toEqual([]);
  });

  it.each(HIGHLIGHTS)('passes every annotation MUST for a highlight %s, as a document of its own', (_, highlight) => {
    // As a club backend writes it to a server: one annotation per resource, with its own context.
    const document = JSON.parse(JSON.stringify(annotationDocument(highlight, ENTRY, options)));
    expect(failedMusts(annotationMusts, document)).toEqual([]);
  });

  it('passes every collection and page MUST for a file of all of them, and for an empty one', () => {
    const full = exported(HIGHLIGHTS.map(([, h]) => h));
    expect(itemsOf(full)).toHaveLength(HIGHLIGHTS.length);
    expect(failedMusts(collectionMusts, full)).toEqual([]);
    expect(failedMusts(pageMusts, { '@context': ANNOTATION_CONTEXT, ...(full.first as object) })).toEqual([]);
    expect(failedMusts(collectionMusts, exported([]))).toEqual([]);
  });

  it('fails the MUSTs on a broken annotation, so a pass means something', () => {
    const [annotation] = itemsOf(exported([HIGHLIGHTS[0]?.[1] as Highlight]));
    const broken = { ...annotation, '@context': 'https://schema.org/', id: 'not an iri', bodyValue: 'both' };
    expect(failedMusts(annotationMusts, broken)).toEqual([
      expect.stringContaining('3.1-annotationContextValidated'),
      expect.stringContaining('3.1-annotationIdValidated'),
      expect.stringContaining('3.2.5-notBodyBodyValue'),
    ]);
  });
});
