import { describe, expect, it } from 'vitest';
import { handleRequest, type RequestSender } from '../../utils/background/handle-request';
import { MAX_PDF_REDIRECTS, pdfRedirectRules } from '../../utils/background/pdf-redirects';
import { parseSettings } from '../../utils/background/settings';
import { bundledCatalog } from '../../utils/catalog/bundled';
import { createCatalogIndex } from '../../utils/catalog/lookup';
import type { CatalogEntry } from '../../utils/catalog/schema';
import { looksLikePdfAddress, pdfViewerPath } from '../../utils/pdf/address';
import { article, makeBackgroundWorld } from '../support/background-world';

const TAB = 21;
const seed = bundledCatalog[0] as CatalogEntry;
const CLUB_PDF = seed.pdfUrl as string;
const popup: RequestSender = {
  tabId: null,
  frameId: null,
  fromExtensionPage: true,
  url: 'chrome-extension://x/popup.html',
};
const page: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: false, url: 'https://example.org/a' };
const panel: RequestSender = {
  tabId: TAB,
  frameId: 3,
  fromExtensionPage: true,
  url: 'chrome-extension://x/panel.html',
  panelBound: true,
};

const entryWithPdf = (id: string, pdfUrl: string | undefined, doi = `10.5555/${id}`): CatalogEntry => ({
  ...seed,
  id,
  dois: [doi],
  ...(pdfUrl === undefined ? { pdfUrl: undefined } : { pdfUrl }),
});

async function world(name: string) {
  const made = await makeBackgroundWorld({ name, catalog: createCatalogIndex(bundledCatalog), detectorTab: TAB });
  return made;
}

describe('the viewer’s address', () => {
  it('keeps the PDF’s address whole, its own query included, and the DOI beside it', () => {
    const path = pdfViewerPath('https://example.org/get?id=1&format=pdf#page=2', '10.1/x');
    const query = new URL(path, 'chrome-extension://id/').searchParams;
    expect(path.startsWith('/pdf.html?')).toBe(true);
    expect(query.get('file')).toBe('https://example.org/get?id=1&format=pdf#page=2');
    expect(query.get('doi')).toBe('10.1/x');
  });

  it.each([
    ['https://arxiv.org/pdf/2301.12345', true],
    ['https://example.org/paper.PDF', true],
    ['https://onlinelibrary.wiley.com/doi/pdf/10.1002/x', true],
    ['https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978', false],
    ['https://example.org/pdfs-explained', false],
    ['file:///home/reader/paper.pdf', false],
  ])('%s looks like a PDF’s address: %s', (address, expected) => {
    expect(looksLikePdfAddress(address)).toBe(expected);
  });
});

describe('“Open in Journal Club Reader” on a tab showing a PDF', () => {
  it('says in the popup that the tab shows the club’s PDF, and opens it in the viewer with the DOI', async () => {
    const w = await world('pdf-popup-club');
    w.page.address = CLUB_PDF;
    w.page.type = 'application/pdf';
    const status = await handleRequest({ type: 'tab-status', tabId: TAB }, popup, w.services);
    expect(status).toEqual({ ok: true, value: { kind: 'pdf', entryId: seed.id, title: seed.title } });
    expect(await handleRequest({ type: 'pdf-open', tabId: TAB }, popup, w.services)).toEqual({
      ok: true,
      value: 'opened',
    });
    expect(w.extensionPages).toEqual([{ tabId: TAB, path: pdfViewerPath(CLUB_PDF, seed.dois[0]) }]);
  });

  it('opens any other PDF too, without a DOI, and does nothing on a page that is not a PDF', async () => {
    const w = await world('pdf-popup-other');
    w.page.address = 'https://example.org/some/paper';
    w.page.type = 'application/pdf';
    expect(await handleRequest({ type: 'tab-status', tabId: TAB }, popup, w.services)).toEqual({
      ok: true,
      value: { kind: 'pdf', entryId: null, title: null },
    });
    await handleRequest({ type: 'pdf-open', tabId: TAB }, popup, w.services);
    expect(w.extensionPages).toEqual([{ tabId: TAB, path: pdfViewerPath('https://example.org/some/paper') }]);
    w.page.type = 'text/html';
    w.page.address = 'https://example.org/paper.pdf';
    expect(await handleRequest({ type: 'tab-status', tabId: TAB }, popup, w.services)).toEqual({
      ok: true,
      value: { kind: 'no-article' },
    });
    expect(await handleRequest({ type: 'pdf-open', tabId: TAB }, popup, w.services)).toEqual({
      ok: true,
      value: 'not-a-pdf',
    });
    expect(w.extensionPages).toHaveLength(1);
  });

  it('goes by the address where no script may run in the tab (Firefox’s PDF viewer)', async () => {
    const w = await world('pdf-popup-firefox');
    w.page.type = null;
    w.page.address = 'https://arxiv.org/pdf/2301.12345v2';
    expect(await handleRequest({ type: 'pdf-open', tabId: TAB }, popup, w.services)).toEqual({
      ok: true,
      value: 'opened',
    });
    w.page.address = 'https://example.org/article/1';
    expect(await handleRequest({ type: 'pdf-open', tabId: TAB }, popup, w.services)).toEqual({
      ok: true,
      value: 'not-a-pdf',
    });
  });

  it('is the popup’s to ask, never a page’s', async () => {
    const w = await world('pdf-popup-refused');
    w.page.address = CLUB_PDF;
    w.page.type = 'application/pdf';
    expect((await handleRequest({ type: 'pdf-open', tabId: TAB }, page, w.services)).ok).toBe(false);
    expect(w.extensionPages).toEqual([]);
  });
});

describe('the panel’s “Read the PDF”', () => {
  it('opens the catalog’s PDF, else the one the page names, and says why when there is none', async () => {
    const w = await world('pdf-panel');
    const detect = (pdfUrl: string | null) =>
      handleRequest(
        { type: 'article-detected', article: { ...article(seed.dois[0] as string), pdfUrl } },
        page,
        w.services,
      );
    await detect('https://example.org/page-named.pdf');
    expect(await handleRequest({ type: 'pdf-read' }, panel, w.services)).toEqual({ ok: true, value: null });
    expect(w.extensionPages.at(-1)).toEqual({ tabId: null, path: pdfViewerPath(CLUB_PDF, seed.dois[0]) });
    // Only the bound panel may ask.
    expect((await handleRequest({ type: 'pdf-read' }, page, w.services)).ok).toBe(false);

    const other = await makeBackgroundWorld({
      name: 'pdf-panel-page-named',
      catalog: createCatalogIndex([entryWithPdf('no-pdf', undefined, seed.dois[0])]),
    });
    const report = (pdfUrl: string | null) =>
      handleRequest(
        { type: 'article-detected', article: { ...article(seed.dois[0] as string), pdfUrl } },
        page,
        other.services,
      );
    await report('https://example.org/page-named.pdf');
    await handleRequest({ type: 'pdf-read' }, panel, other.services);
    expect(other.extensionPages.at(-1)?.path).toBe(pdfViewerPath('https://example.org/page-named.pdf', seed.dois[0]));
    await report(null);
    expect(await handleRequest({ type: 'pdf-read' }, panel, other.services)).toEqual({
      ok: false,
      error: "Neither the club's catalog nor this page names a PDF of the article.",
    });
  });
});

describe('opening the club’s PDFs directly (declarativeNetRequest)', () => {
  it('makes one exact rule per catalog PDF, and none for entries without one', () => {
    const catalog = createCatalogIndex([
      entryWithPdf('a', 'https://pub.example/a.pdf?download=1#page=3'),
      entryWithPdf('b', undefined),
      entryWithPdf('c', 'https://pub.example/a.pdf?download=1'),
      entryWithPdf('d', 'https://pub.example/files/(d)+[1].pdf'),
    ]);
    const rules = pdfRedirectRules(catalog);
    expect(rules.map((rule) => rule.id)).toEqual([1, 2]);
    const matches = (address: string) =>
      rules.filter((rule) => new RegExp(rule.condition.regexFilter).test(address)).map((rule) => rule.id);
    expect(matches('https://pub.example/a.pdf?download=1')).toEqual([1]);
    expect(matches('https://pub.example/files/(d)+[1].pdf')).toEqual([2]);
    // Never a PDF the catalog does not name: another file, another query, another case, a longer address.
    for (const stranger of [
      'https://pub.example/b.pdf',
      'https://pub.example/a.pdf',
      'https://pub.example/a.pdf?download=2',
      'https://pub.example/A.pdf?download=1',
      'https://pub.example/a.pdf?download=1&x=1',
      'https://evil.example/?https://pub.example/a.pdf?download=1',
      'https://pub.example/files/d1.pdf',
    ]) {
      expect(matches(stranger)).toEqual([]);
    }
    expect(rules[0]?.condition).toMatchObject({ resourceTypes: ['main_frame'], requestMethods: ['get'] });
    expect(rules[0]?.action.redirect.extensionPath).toBe(
      pdfViewerPath('https://pub.example/a.pdf?download=1', '10.5555/a'),
    );
  });

  it('keeps at most the first 500 PDFs', () => {
    const many = Array.from({ length: 600 }, (_, i) => entryWithPdf(`e${i}`, `https://pub.example/${i}.pdf`));
    expect(pdfRedirectRules(createCatalogIndex(many))).toHaveLength(MAX_PDF_REDIRECTS);
  });

  it('sets the rules when the reader turns the option on, and removes them all when off', async () => {
    const w = await world('pdf-redirect-setting');
    expect(await handleRequest({ type: 'pdf-redirect-setting' }, popup, w.services)).toEqual({
      ok: true,
      value: false,
    });
    expect(await handleRequest({ type: 'pdf-redirect-setting', open: true }, popup, w.services)).toEqual({
      ok: true,
      value: true,
    });
    expect(w.redirects.map((rule) => rule.action.redirect.extensionPath)).toEqual([
      pdfViewerPath(CLUB_PDF, seed.dois[0]),
    ]);
    await handleRequest({ type: 'pdf-redirect-setting', open: false }, popup, w.services);
    expect(w.redirects).toEqual([]);
    // A page cannot switch it.
    expect((await handleRequest({ type: 'pdf-redirect-setting', open: true }, page, w.services)).ok).toBe(false);
    expect(w.redirects).toEqual([]);
  });

  it('is off unless the stored settings say exactly true', () => {
    expect(parseSettings(undefined).openClubPdfs).toBe(false);
    expect(parseSettings({ openClubPdfs: 'yes' }).openClubPdfs).toBe(false);
    expect(parseSettings({ openClubPdfs: true }).openClubPdfs).toBe(true);
  });
});
