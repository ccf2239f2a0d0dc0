import 'pdfjs-dist/web/pdf_viewer.css';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { buildTextIndex, type Selector } from '../../utils/anchoring';
import { createHtmlIntegration } from '../../utils/page/document/html';
import { createPdfIntegration } from '../../utils/page/document/pdf';
import { openPdf } from '../../utils/pdf/open-pdf';
import { extractDocumentText } from '../../utils/pdf/text/extract';
import { type MountedPdfViewer, mountPdfViewer } from '../../utils/pdf/viewer/mount-viewer';
import { articleBody } from '../support/across/article-body';
import { type PassageSpan, samplePassages } from '../support/across/passages';
import { pdfSelectors } from '../support/across/pdf-selectors';
import { rangeIsVisible, renderedPage } from '../support/across/rendered-page';
import { comparable, type Tally, tallyOf } from '../support/across/verdict';
import { loadFixturePages } from '../support/dom/fixtures';
import { createRng } from '../support/dom/prng';
import { testPdfAssets } from '../support/pdf/test-assets';

/**
 * Issue 13, part 5, measured: a highlight made on the HTML article is found in the PDF of the same article, and
 * the reverse. Each of the six real publisher pages is printed to PDF by Chromium (as a reader's "Save as PDF"),
 * 150 passages of the article's body that a reader can see (the page laid out with its inline styles, no request
 * let out) are described on the HTML page as the extension describes a selection and
 * anchored in the PDF through the PDF integration, and 150 passages of the PDF's text (described as the viewer
 * does, with their page) are anchored in the HTML page. Goal: at least 95% found per page and direction, and
 * never a WRONG place (found text that is not the passage).
 */
const pages = await loadFixturePages();
if (pages.length === 0) console.warn('Skipping the cross-format measure: ../shared/fixtures/pages is absent.');

const PASSAGES = 150;
const GOAL = 0.95;
/**
 * Pages below the goal today, with why (the misses are printed with the figures). They must still place nothing
 * at a wrong place, and must not fall below what was measured when this list was written.
 */
const BELOW_GOAL: Record<string, { floor: number; why: string }> = {
  nature: {
    floor: 0.88,
    why:
      'its reference list has link labels ("Article CAS PubMed PubMed Central Google Scholar") that its print style ' +
      'leaves out of the PDF, a quarter of such a passage\'s words, and the author pop-ups ("View author ' +
      'publications Search author on:PubMed") are not printed',
  },
  springer: {
    floor: 0.84,
    why:
      "Chromium's PDF holds the page's positioned header and sidebar after the abstract in content order, so the " +
      'abstract\'s last sentence is cut by "Springer Nature Link Log in Menu …" in the PDF\'s text; the ' +
      "recommendation cards' dates print apart from their titles",
  },
};
const figures: Record<string, { 'HTML → PDF': Tally; 'PDF → HTML': Tally }> = {};
afterAll(() => {
  for (const [site, both] of Object.entries(figures)) {
    for (const [direction, t] of Object.entries(both)) {
      const found = ((100 * (t.exact + t.approximate)) / t.passages).toFixed(1);
      console.info(
        `${site} ${direction}: ${t.passages} passages, ${t.exact} exact, ${t.approximate} approximate, ` +
          `${t['not found']} not found, ${t.wrong} WRONG (${found}% found)${t.examples.map((e) => `\n  ${e}`).join('')}`,
      );
    }
  }
});

let mounted: MountedPdfViewer | null = null;
afterEach(() => {
  mounted?.destroy();
  mounted = null;
  document.body.replaceChildren();
});

/** The page printed by Chromium, shown in PDF.js's viewer, with the extension's PDF integration over it. */
async function printedCopy(html: string) {
  const base64 = await commands.printToPdf(html);
  const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const opened = await openPdf({ kind: 'bytes', data, name: 'printed.pdf' }, testPdfAssets);
  if (!opened.ok) throw new Error(opened.message);
  const container = document.createElement('div');
  container.setAttribute('style', 'position:absolute;inset:0;overflow:auto');
  document.body.append(container);
  mounted = await mountPdfViewer(container, opened.pdf);
  const viewer = mounted;
  const text = await extractDocumentText(opened.pdf);
  const integration = createPdfIntegration(document, {
    pages: viewer.pages,
    events: viewer.eventBus as never,
    text: Promise.resolve(text),
    article: async () => null,
    showPage: (index) => viewer.viewer.scrollPageIntoView({ pageNumber: index + 1 }),
  });
  return { text, integration };
}

/** Where the HTML article's body runs in the PDF: from the first to the last sampled passage found verbatim there. */
function bodyInPdf(pdfText: string, passages: readonly string[]): [number, number] {
  const at = (quote: string) => {
    const first = pdfText.indexOf(quote);
    return first >= 0 && pdfText.indexOf(quote, first + 1) < 0 ? first : -1;
  };
  const starts = passages.map(at);
  const first = starts.find((s) => s >= 0) ?? 0;
  const lastIndex = starts.findLastIndex((s) => s >= 0);
  const last = lastIndex >= 0 ? (starts[lastIndex] as number) + (passages[lastIndex] as string).length : pdfText.length;
  return [first, Math.max(first + 1, last)];
}

describe.skipIf(pages.length === 0)('a highlight crosses between the HTML article and its PDF', () => {
  it.each(pages.map((page) => [page.site, page] as const))(
    '%s: 150 passages found each way (≥ 95% unless listed below the goal), none at a wrong place',
    async (site, page) => {
      const doc = (await renderedPage(page.html)).contentDocument as Document;
      const html = createHtmlIntegration(doc, doc.body);
      const htmlIndex = buildTextIndex(doc.body);
      const { text, integration: pdf } = await printedCopy(page.html);
      const rng = createRng(site.length * 7919 + 13);

      const body = articleBody(doc);
      const from = htmlIndex.offsetOf(body, 0);
      const to = htmlIndex.offsetOf(body, body.childNodes.length);
      const htmlItems: { passage: string; selectors: readonly Selector[] }[] = [];
      const visible = (span: PassageSpan) => rangeIsVisible(htmlIndex.toRange(span.start, span.end));
      for (const span of samplePassages(htmlIndex.text, from, to, PASSAGES, rng, visible)) {
        const described = await html.describe(htmlIndex.toRange(span.start, span.end));
        if (!described.ok) throw new Error(`HTML passage not describable: ${described.reason}`);
        htmlItems.push({ passage: described.selectors[0].exact, selectors: described.selectors });
      }
      const toPdf = tallyOf(htmlItems, await pdf.anchorAll(htmlItems, { deadlineMs: 120_000 }));

      const [pdfFrom, pdfTo] = bodyInPdf(
        text.text,
        htmlItems.map((item) => item.passage),
      );
      const pdfItems = samplePassages(text.text, pdfFrom, pdfTo, PASSAGES, rng).map((span) => {
        const selectors = pdfSelectors(text, span.start, span.end);
        return { passage: selectors[0].exact, selectors };
      });
      const toHtml = tallyOf(pdfItems, await html.anchorAll(pdfItems, { deadlineMs: 120_000 }));
      figures[site] = { 'HTML → PDF': toPdf, 'PDF → HTML': toHtml };
      html.destroy();
      pdf.destroy();

      const below = BELOW_GOAL[site];
      if (below) console.warn(`${site} is below the 95% goal: ${below.why}.`);
      for (const tally of [toPdf, toHtml]) {
        expect(tally.passages).toBe(PASSAGES);
        expect({ site, wrong: tally.wrong, examples: tally.examples }).toMatchObject({ site, wrong: 0 });
        expect((tally.exact + tally.approximate) / tally.passages).toBeGreaterThanOrEqual(below?.floor ?? GOAL);
      }
      // The sample is of real text: most passages agree letter for letter once ligatures and spacing are read alike.
      expect(comparable(htmlItems[0]?.passage ?? '')).not.toBe('');
    },
    180_000,
  );
});
