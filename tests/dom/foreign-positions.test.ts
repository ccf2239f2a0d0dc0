import { afterEach, describe, expect, it } from 'vitest';
import { anchorAll, buildTextIndex, PDF_FRAGMENT_SPEC, type Selector } from '../../utils/anchoring';
import { createHtmlIntegration } from '../../utils/page/document/html';

/**
 * A highlight carries a position over the text of the format it was made in. On the HTML page, a highlight made
 * in the PDF (it has a page) is found by its quote and context alone: its position, counted over the PDF's text,
 * says nothing about this page, and must not settle which of two equal copies is meant (a caption the page shows
 * twice): that would be a guess, which the extension lists as found in more than one place instead.
 */
const CAPTION = 'Figure 2. Enrolment of the participants across the three study sites';

afterEach(() => document.body.replaceChildren());

function page() {
  const root = document.createElement('div');
  root.innerHTML = `<p>See below. ${CAPTION}. Next.</p><p>Enlarged view.</p><p>See below. ${CAPTION}. Next.</p>`;
  document.body.append(root);
  const text = buildTextIndex(root).text;
  const second = text.lastIndexOf(CAPTION);
  const selectors: Selector[] = [
    { type: 'TextQuoteSelector', exact: CAPTION, prefix: 'See below. ', suffix: '. Next.' },
    // Where the passage was in the text it was made on; here, by chance, the second copy's place.
    { type: 'TextPositionSelector', start: second, end: second + CAPTION.length },
  ];
  return { root, selectors, second };
}

const startOf = (range: Range | undefined, root: Element) => {
  if (!range) return -1;
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  return before.toString().length;
};

describe('positions from the other format', () => {
  it('are kept for a highlight made on this page, where they tell equal copies apart', async () => {
    const { root, selectors } = page();
    const html = createHtmlIntegration(document, root);
    const { anchored } = await html.anchorAll([{ selectors }]);
    expect(anchored[0]?.result.method).toBe('position');
    expect(startOf(anchored[0]?.result.range, root)).toBeGreaterThan(root.textContent?.indexOf('Enlarged') ?? 0);
    html.destroy();
  });

  it('are left out on the HTML page for a highlight made in the PDF: equal copies stay ambiguous', async () => {
    const { root, selectors } = page();
    const html = createHtmlIntegration(document, root);
    const fromPdf = [...selectors, { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: 'page=3' }];
    const item = { id: 'h1', selectors: fromPdf as readonly Selector[] };
    const result = await html.anchorAll([item]);
    expect(result.anchored).toEqual([]);
    expect(result.orphans).toEqual([item]);
    expect(result.orphanReasons.get(item)).toBe('ambiguous');
    html.destroy();
  });

  it('find a highlight made in the PDF where its words are, and hand back the stored item', async () => {
    const { root } = page();
    const html = createHtmlIntegration(document, root);
    const selectors: Selector[] = [
      { type: 'TextQuoteSelector', exact: 'Enlarged view', prefix: 'three study sites. Next. ', suffix: '. See' },
      { type: 'TextPositionSelector', start: 5000, end: 5013 },
      { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: 'page=1' },
    ];
    const item = { id: 'h2', selectors };
    const seen: unknown[] = [];
    const { anchored } = await html.anchorAll([item], { onAnchored: (found) => seen.push(found) });
    expect(anchored[0]?.item).toBe(item);
    expect(anchored[0]?.result.text).toBe('Enlarged view');
    expect(seen).toEqual([item]);
    // The same selectors trusted as they are: the position is past the page's end, which anchoring ignores too.
    expect((await anchorAll([{ selectors }], root)).anchored[0]?.result.text).toBe('Enlarged view');
    html.destroy();
  });
});
