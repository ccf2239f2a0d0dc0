import 'pdfjs-dist/web/pdf_viewer.css';
import { afterEach, describe, expect, it } from 'vitest';
import type { Selector } from '../../utils/anchoring';
import type { DocumentIntegration } from '../../utils/page/document';
import { createPdfIntegration } from '../../utils/page/document/pdf';
import { identifyPdf } from '../../utils/pdf/doi/identify-pdf';
import { openPdf } from '../../utils/pdf/open-pdf';
import { extractDocumentText } from '../../utils/pdf/text/extract';
import { type MountedPdfViewer, mountPdfViewer } from '../../utils/pdf/viewer/mount-viewer';
import publisherPdf from '../fixtures/pdfs/datta-2010-dvt-prophylaxis.pdf?url';
import { createRng } from '../support/dom/prng';
import { testPdfAssets } from '../support/pdf/test-assets';

/**
 * A real publisher PDF (BioMed Central, CC BY; tests/fixtures/pdfs/README.md): two columns, words hyphenated at
 * line ends, ligatures, running heads and footers. Its DOI is found where the publisher put it, and passages a
 * reader selects in the viewer's text layer are described and anchored back to the very same characters.
 */
const DOI = '10.1186/1752-2897-4-1';

let mounted: MountedPdfViewer | null = null;
let integration: DocumentIntegration | null = null;
afterEach(() => {
  integration?.destroy();
  mounted?.destroy();
  integration = null;
  mounted = null;
  document.body.replaceChildren();
});

async function open() {
  const data = new Uint8Array(await (await fetch(publisherPdf)).arrayBuffer());
  const opened = await openPdf({ kind: 'bytes', data, name: 'datta-2010.pdf' }, testPdfAssets);
  if (!opened.ok) throw new Error(opened.message);
  return opened.pdf;
}

const drawn = (page: number) =>
  expect
    .poll(() => document.querySelector(`.page[data-page-number="${page}"] .textLayer .endOfContent`), {
      timeout: 10_000,
    })
    .not.toBeNull();

/** The page's text-layer Text nodes that hold words (a reader's selection starts and ends in one of them). */
function wordNodes(page: number): Text[] {
  const layer = document.querySelector(`.page[data-page-number="${page}"] .textLayer`) as Element;
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\p{L}{3}/u.test((node as Text).data)) nodes.push(node as Text);
  }
  return nodes;
}

describe('a real publisher PDF', () => {
  it('gives its DOI from the Info dictionary, as the publisher wrote it', async () => {
    const pdf = await open();
    try {
      const identity = await identifyPdf(pdf);
      expect(identity.doi).toEqual({ doi: DOI, source: 'info' });
      expect(identity.hasText).toBe(true);
      expect(identity.title).toMatch(/^Complications related to deep venous thrombosis prophylaxis in trauma/);
    } finally {
      await pdf.loadingTask.destroy();
    }
  });

  it('anchors passages selected in the viewer back exactly, on every page', async () => {
    const pdf = await open();
    const container = document.createElement('div');
    container.setAttribute('style', 'position:absolute;inset:0;overflow:auto');
    document.body.append(container);
    mounted = await mountPdfViewer(container, pdf);
    const viewer = mounted;
    integration = createPdfIntegration(document, {
      pages: viewer.pages,
      events: viewer.eventBus as never,
      text: extractDocumentText(pdf),
      article: async () => null,
      showPage: (index) => viewer.viewer.scrollPageIntoView({ pageNumber: index + 1 }),
    });
    await drawn(1);
    const rng = createRng(2010);
    let checked = 0;
    for (let page = 1; page <= pdf.numPages; page++) {
      viewer.viewer.scrollPageIntoView({ pageNumber: page });
      await drawn(page);
      const nodes = wordNodes(page);
      for (let n = 0; n < 10; n++) {
        const i = rng.int(0, nodes.length - 1);
        const j = Math.min(nodes.length - 1, i + rng.pick([0, 1, 2, 4]));
        const start = nodes[i] as Text;
        const end = nodes[j] as Text;
        const range = document.createRange();
        range.setStart(start, rng.int(0, Math.max(0, start.data.length - 2)));
        range.setEnd(end, i === j ? end.data.length : rng.int(1, end.data.length));
        if (!/\p{L}/u.test(range.toString())) continue;
        const described = await integration.describe(range);
        if (!described.ok) throw new Error(`not describable: ${described.reason}`);
        const [quote, , pageSelector] = described.selectors;
        expect(pageSelector?.value).toBe(`page=${page}`);
        const { anchored } = await integration.anchorAll([{ selectors: described.selectors as readonly Selector[] }]);
        const found = anchored[0]?.result;
        expect({ quote: quote.exact, method: found?.method, text: found?.text }).toEqual({
          quote: quote.exact,
          method: 'position',
          text: quote.exact,
        });
        const back = found?.range as Range;
        expect(back.startContainer).toBe(described.passage.startContainer);
        expect(back.startOffset).toBe(described.passage.startOffset);
        expect(back.endContainer).toBe(described.passage.endContainer);
        expect(back.endOffset).toBe(described.passage.endOffset);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  }, 60_000);
});
