import 'pdfjs-dist/web/pdf_viewer.css';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentIntegration } from '../../utils/page/document';
import { createPdfIntegration } from '../../utils/page/document/pdf';
import { openPdf } from '../../utils/pdf/open-pdf';
import { extractDocumentText } from '../../utils/pdf/text/extract';
import { type MountedPdfViewer, mountPdfViewer } from '../../utils/pdf/viewer/mount-viewer';
import { articlePdf } from '../support/pdf/article-pdf';
import { testPdfAssets } from '../support/pdf/test-assets';

/**
 * The PDF document integration over PDF.js's real viewer and text layer in Chromium: the text model is the file's
 * text content, `describe` names the quote, its position over the whole file and the page, and `anchorAll` finds
 * the passage again, as one range across a page break, or on a placeholder until its page's text is drawn.
 */

const PAGE_ONE = ['Journal clubs read papers together.', 'The last line of page one ends the'];
const PAGE_TWO = ['sentence on page two, after the break.', 'Page two goes on.'];
const FAR = 'A passage on the last page, far from the view.';

let mounted: MountedPdfViewer | null = null;
let integration: DocumentIntegration | null = null;
afterEach(() => {
  integration?.destroy();
  mounted?.destroy();
  document.body.replaceChildren();
});

async function show(pages: string[][]) {
  const opened = await openPdf(
    { kind: 'bytes', data: articlePdf({ pages: pages.map((lines) => ({ lines })) }), name: 't.pdf' },
    testPdfAssets,
  );
  if (!opened.ok) throw new Error(opened.message);
  const container = document.createElement('div');
  container.setAttribute('style', 'position:absolute;inset:0;overflow:auto');
  document.body.append(container);
  mounted = await mountPdfViewer(container, opened.pdf);
  const viewer = mounted;
  integration = createPdfIntegration(document, {
    pages: viewer.pages,
    events: viewer.eventBus as never,
    text: extractDocumentText(opened.pdf),
    article: async () => null,
    showPage: (index) => viewer.viewer.scrollPageIntoView({ pageNumber: index + 1 }),
  });
  return { viewer, integration };
}

const drawn = (page: number) =>
  expect
    .poll(() => document.querySelector(`.page[data-page-number="${page}"] .textLayer .endOfContent`), {
      timeout: 10_000,
    })
    .not.toBeNull();

/** The text layer's Text node holding `needle` on a page. */
function nodeWith(page: number, needle: string): Text {
  const layer = document.querySelector(`.page[data-page-number="${page}"] .textLayer`) as Element;
  const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes(needle)) return node as Text;
  }
  throw new Error(`no "${needle}" on page ${page}`);
}

describe('the PDF document integration', () => {
  it('describes a selection across a page break as one quote, with its page, and anchors it back', async () => {
    const { integration } = await show([PAGE_ONE, PAGE_TWO]);
    await drawn(1);
    await drawn(2);
    const start = nodeWith(1, 'The last line');
    const end = nodeWith(2, 'sentence on page two');
    const range = document.createRange();
    range.setStart(start, start.data.indexOf('ends'));
    range.setEnd(end, 'sentence on page two'.length);
    const described = await integration.describe(range);
    expect(described.ok).toBe(true);
    if (!described.ok) return;
    const [quote, position, page] = described.selectors;
    expect(quote.exact).toBe('ends the sentence on page two');
    expect(quote.prefix.endsWith('The last line of page one ')).toBe(true);
    expect(quote.suffix.startsWith(', after the break.')).toBe(true);
    expect(page).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=1',
    });
    expect(position.end - position.start).toBe(quote.exact.length);

    const { anchored } = await integration.anchorAll([{ selectors: described.selectors }]);
    expect(anchored).toHaveLength(1);
    const found = anchored[0]?.result.range as Range;
    expect(found.startContainer).toBe(start);
    expect(found.endContainer).toBe(end);
    expect(found.toString().replace(/\s+/g, ' ')).toBe('ends thesentence on page two');
  });

  it('anchors a passage on a page not drawn yet to its placeholder, then to its text once drawn', async () => {
    const filler = Array.from({ length: 6 }, (_, i) => [`Filler page ${i + 2}.`]);
    const { viewer, integration } = await show([PAGE_ONE, ...filler, [FAR]]);
    await drawn(1);
    const selectors = [
      {
        type: 'TextQuoteSelector' as const,
        exact: 'far from the view',
        prefix: 'A passage on the last page, ',
        suffix: '.',
      },
      {
        type: 'FragmentSelector' as const,
        conformsTo: 'http://tools.ietf.org/rfc/rfc3778' as const,
        value: 'page=8' as const,
      },
    ];
    const first = await integration.anchorAll([{ selectors }]);
    const placeholder = first.anchored[0]?.result.range as Range;
    expect(placeholder.toString()).toBe('\u200b');
    expect(placeholder.startContainer.parentElement?.closest('.page')?.getAttribute('data-page-number')).toBe('8');

    let changed = 0;
    integration.onContentChange(() => changed++);
    viewer.viewer.scrollPageIntoView({ pageNumber: 8 });
    await drawn(8);
    // The placeholder went with the drawing: the range in it collapsed, which is what asks for a new pass.
    await expect.poll(() => placeholder.collapsed).toBe(true);
    expect(document.querySelector('.jc-pdf-placeholder')).toBeNull();
    await expect.poll(() => changed).toBeGreaterThan(0);
    const second = await integration.anchorAll([{ selectors }]);
    expect(second.anchored[0]?.result.range.toString()).toBe('far from the view');
  });

  it('refuses a selection outside the pages, as on an HTML article', async () => {
    const { integration } = await show([PAGE_ONE]);
    await drawn(1);
    const outside = document.createElement('p');
    outside.textContent = 'Not the article';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    expect(await integration.describe(range)).toEqual({ ok: false, reason: 'outside-root' });
  });
});
