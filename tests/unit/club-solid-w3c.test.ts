import { describe, expect, it } from 'vitest';
import type { ClubDraft } from '../../utils/club/backend';
import { type ClubWebAnnotation, draftToAnnotation } from '../../utils/club/solid/annotation-write';
import { ANNOTATION_CONTEXT, memberCollection } from '../../utils/club/solid/member-document';
import { failedMusts, loadAssertions, SUITE_DIR, suitePresent } from '../support/unit/w3c-suite';

/**
 * What the Solid backend writes to a pod, through the W3C's own Web Annotation test suite: every MUST of
 * `annotationMusts.test` for each kind of annotation (a highlight with a note and a question, a bare highlight, a
 * reply), alone and as it sits in the member's document, and every MUST of `collectionMusts.test` for that
 * document. `draftToAnnotation` and `memberCollection` are what `solid-backend.ts` and `own-document.ts` write
 * with; other tools reading the club's pod read exactly these.
 */
const DOCUMENT = 'http://localhost:3000/alice/journal-club/jc1/members/a1b2/10.5555%2Fclub.jsonld';
const article = {
  doi: '10.5555/club',
  entryId: 'albers-2020',
  title: 'Implementation support practitioners',
  pageUrl: 'https://journal.example/articles/club',
};
const selectors: ClubDraft['selectors'] = [
  { type: 'TextQuoteSelector', exact: 'the passage', prefix: 'Before ', suffix: ' after' },
  { type: 'TextPositionSelector', start: 120, end: 131 },
];
const alice = { id: 'http://localhost:3000/alice/profile/card#me', name: 'Alice Martin' };
const times = { created: '2026-12-01T10:00:00.000Z', modified: '2026-12-01T10:05:00.000Z' };

const drafts: [string, ClubDraft][] = [
  [
    'a highlight tied to a question, with a note',
    {
      article,
      localId: crypto.randomUUID(),
      question: { id: 'q2', text: 'What would change your mind?' },
      note: 'Worth discussing.',
      selectors,
    },
  ],
  [
    'a bare highlight (no question, no note)',
    { article, localId: crypto.randomUUID(), question: null, note: '', selectors },
  ],
  ['a reply', { article, question: null, note: 'I agree.', replyTo: `${DOCUMENT}#${crypto.randomUUID()}` }],
];
const written: [string, ClubWebAnnotation][] = drafts.map(([name, draft]) => [
  name,
  draftToAnnotation(draft, `${DOCUMENT}#${crypto.randomUUID()}`, alice, times),
]);

describe.skipIf(!suitePresent)('what the Solid backend writes, against the W3C Web Annotation test suite', () => {
  const annotationMusts = suitePresent ? loadAssertions('annotations/annotationMusts.test') : [];
  const collectionMusts = suitePresent ? loadAssertions('collections/collectionMusts.test') : [];

  it('reads the suite', () => {
    expect(annotationMusts.filter((a) => a.must).length).toBeGreaterThanOrEqual(50);
    expect(collectionMusts.filter((a) => a.must).length).toBeGreaterThanOrEqual(10);
  });

  it.each(written)('%s meets every annotation MUST', (_name, annotation) => {
    expect(failedMusts(annotationMusts, { '@context': ANNOTATION_CONTEXT, ...annotation })).toEqual([]);
  });

  it('the member document meets every collection MUST, and each annotation in it every annotation MUST', () => {
    const document = memberCollection(
      DOCUMENT,
      written.map(([, annotation]) => annotation),
    );
    expect(failedMusts(collectionMusts, document)).toEqual([]);
    for (const item of document.first.items) {
      expect(failedMusts(annotationMusts, { '@context': ANNOTATION_CONTEXT, ...item })).toEqual([]);
    }
  });

  it('would catch a broken annotation (the suite is really applied)', () => {
    const [, first] = written[0] as [string, ClubWebAnnotation];
    const { target: _target, ...untargeted } = first;
    expect(failedMusts(annotationMusts, { '@context': ANNOTATION_CONTEXT, ...untargeted }).length).toBeGreaterThan(0);
  });
});

describe.runIf(!suitePresent)('the W3C Web Annotation test suite', () => {
  it(`is absent (${SUITE_DIR}): the Solid documents were not checked against it`, () => {
    console.warn(`Skipped: the W3C Web Annotation tests are not at ${SUITE_DIR}`);
  });
});
