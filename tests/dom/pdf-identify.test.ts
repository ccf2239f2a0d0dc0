import { afterEach, describe, expect, it } from 'vitest';
import { identifyPdf } from '../../utils/pdf/doi/identify-pdf';
import { openPdf } from '../../utils/pdf/open-pdf';
import { articlePdf, longPdf, type TestPage, type TestPdf, textPage } from '../support/pdf/article-pdf';
import { testPdfAssets } from '../support/pdf/test-assets';
import { xmpAttributes, xmpElements } from '../support/pdf/xmp';

/** identifyPdf on hand-written PDFs read by PDF.js's real worker: each source of the DOI, and each trap. */

const DOI = '10.1186/s12913-020-05145-1';
const REFERENCE = '10.1186/s13012-015-0209-1';
const body = textPage('Implementation support practitioners', 'Background', 'Workforce development for practice.');
const destroyers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const destroy of destroyers.splice(0)) await destroy();
});

async function identify(spec: TestPdf | Uint8Array, url?: string, signal?: AbortSignal) {
  const data = spec instanceof Uint8Array ? spec : articlePdf(spec);
  const opened = await openPdf({ kind: 'bytes', data, name: 'test.pdf' }, testPdfAssets);
  if (!opened.ok) throw new Error(opened.message);
  destroyers.push(() => opened.pdf.loadingTask.destroy());
  return identifyPdf(opened.pdf, { ...(url === undefined ? {} : { url }), ...(signal ? { signal } : {}) });
}

const references = (...dois: string[]): TestPage =>
  textPage(
    'References',
    ...dois.map((doi, i) => `${i + 1}. Author A, et al. A cited work. J Stud. 2015;3:12. doi:${doi}`),
  );

describe('identifyPdf finds the article’s own DOI', () => {
  it('in the address, before anything in the file', async () => {
    const identity = await identify({ pages: [body] }, `https://publisher.example/doi/pdf/${DOI}`);
    expect(identity.doi).toEqual({ doi: DOI, source: 'address' });
  });

  it.each([
    ['prism:doi as an element', xmpElements({ 'prism:doi': DOI })],
    ['dc:identifier with a doi: prefix', xmpElements({ 'dc:identifier': `doi:${DOI}` })],
    ['pdfx:doi', xmpElements({ 'pdfx:doi': DOI })],
    ['prism:doi as an attribute (which PDF.js’s parser drops)', xmpAttributes({ 'prism:doi': DOI })],
  ])('in XMP: %s', async (_name, xmp) => {
    expect((await identify({ pages: [body], xmp })).doi).toEqual({ doi: DOI, source: 'xmp' });
  });

  it('in the Info dictionary: a custom doi key, or the Subject line', async () => {
    expect((await identify({ pages: [body], info: { doi: DOI } })).doi).toEqual({ doi: DOI, source: 'info' });
    const subject = { Subject: `BMC Health Services Research, 20:368, doi:${DOI}` };
    expect((await identify({ pages: [body], info: subject })).doi).toEqual({ doi: DOI, source: 'info' });
  });

  it('on page one, as a doi.org link or after "DOI:", also broken across two lines or written in TJ pieces', async () => {
    for (const page of [
      textPage('Albers et al. BMC Health Services Research (2020) 20:368', `https://doi.org/${DOI}`, 'Abstract'),
      textPage('Research article', `DOI: ${DOI}`),
      textPage('Research article', 'https://doi.org/10.1186/s12913-020-', '05145-1', 'Abstract'),
      textPage('Research article', ['DOI: 10.1186/s129', '13-020-05145-1']),
    ]) {
      expect((await identify({ pages: [page, references(REFERENCE)] })).doi).toEqual({ doi: DOI, source: 'page-text' });
    }
  });

  it('as the article behind figure and table DOIs', async () => {
    const plos = '10.1371/journal.pone.0123456';
    const pages = [
      textPage('Citation: Author A (2019) Title. PLoS ONE 14(3): e0123456.', `https://doi.org/${plos}`),
      textPage('Fig 1. Results.', `https://doi.org/${plos}.g001`, 'Table 1.', `https://doi.org/${plos}.t001`),
    ];
    expect((await identify({ pages })).doi).toEqual({ doi: plos, source: 'page-text' });
    const onlyFigures = [textPage('Fig 1.', `https://doi.org/${plos}.g001`), textPage(`https://doi.org/${plos}.g002`)];
    expect((await identify({ pages: onlyFigures })).doi).toEqual({ doi: plos, source: 'page-text' });
  });

  it('on a later page, when page one names none', async () => {
    const pages = [body, textPage('Methods'), textPage(`Published online. DOI: ${DOI}`), references(REFERENCE)];
    expect((await identify({ pages })).doi).toEqual({ doi: DOI, source: 'page-text' });
  });

  it('in a link annotation only, when the text names none', async () => {
    const pages = [{ ...body, links: [`https://doi.org/${DOI}`, 'https://orcid.org/0000-0001-2345-6789'] }];
    expect((await identify({ pages })).doi).toEqual({ doi: DOI, source: 'link' });
  });

  it('from an arXiv stamp, without its version', async () => {
    const stamp = textPage('arXiv:1706.03762v7  [cs.CL]  2 Aug 2023', 'Attention Is All You Need');
    expect((await identify({ pages: [stamp] })).doi).toEqual({ doi: '10.48550/arXiv.1706.03762', source: 'arxiv' });
  });
});

describe('identifyPdf says "not found" rather than pick a reference', () => {
  it('for a reference list (some DOIs with the article’s own prefix)', async () => {
    const pages = [references(REFERENCE, '10.1186/s12913-019-4000-1', '10.1016/j.socscimed.2020.01.001')];
    expect((await identify({ pages })).doi).toBeNull();
  });

  it('for a page that cites works without a references heading', async () => {
    const cites = textPage('As shown before (doi:10.1234/aaa) and since (doi:10.5678/bbb), practice varies.');
    expect((await identify({ pages: [cites, textPage('More text')] })).doi).toBeNull();
  });

  it('for metadata naming many DOIs, unless the pages name one of them', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `10.5555/ref.${i}`);
    const xmp = xmpElements({ 'dc:identifier': many.join(' ') });
    expect((await identify({ pages: [body], xmp })).doi).toBeNull();
    const info = Object.fromEntries(many.map((doi, i) => [`doi${i}`, doi]));
    expect((await identify({ pages: [body], info })).doi).toBeNull();
    const named = textPage('Research article', `DOI: ${many[7]}`);
    expect((await identify({ pages: [named], info })).doi).toEqual({ doi: many[7], source: 'info' });
    const disagreeing = xmpAttributes({ 'prism:doi': many[1] as string, 'pdfx:doi': many[2] as string });
    expect((await identify({ pages: [body], xmp: disagreeing })).doi).toBeNull();
  });
});

describe('identifyPdf reads little, and tells a scan', () => {
  it('finds a 500-page file’s DOI on page one without reading the others', async () => {
    const started = performance.now();
    const identity = await identify(longPdf(500, textPage('Report', `DOI: ${DOI}`)));
    expect(identity).toMatchObject({ doi: { doi: DOI, source: 'page-text' }, hasText: true, pagesRead: 1 });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reads at most its first and last pages of a 500-page file that names no DOI', async () => {
    const identity = await identify(longPdf(500));
    expect(identity).toMatchObject({ doi: null, hasText: true });
    expect(identity.pagesRead).toBeLessThanOrEqual(10);
  });

  it('reports no text for a scan, and its title from XMP or Info', async () => {
    const scan = { pages: [{ scan: true }, { scan: true }, { scan: true }, { scan: true }] };
    const identity = await identify({ ...scan, xmp: xmpElements({ 'dc:title': 'A scanned article' }) });
    expect(identity).toMatchObject({ doi: null, hasText: false, title: 'A scanned article', pagesRead: 4 });
    const titled = await identify({
      pages: [{ scan: true }, body],
      info: { Title: 'Implementation  support\u0000 practitioners' },
    });
    expect(titled).toMatchObject({ hasText: true, title: 'Implementation support practitioners' });
  });

  it('prefers the XMP title to the Info one', async () => {
    const both = { pages: [body], xmp: xmpElements({ 'dc:title': 'From XMP' }), info: { Title: 'From Info' } };
    expect((await identify(both)).title).toBe('From XMP');
  });

  it('reads no page once its signal is aborted, and decides on the metadata alone', async () => {
    const stopped = AbortSignal.abort();
    const identity = await identify({ pages: [body], info: { doi: DOI } }, undefined, stopped);
    expect(identity).toMatchObject({ doi: { doi: DOI, source: 'info' }, pagesRead: 0, hasText: false });
  });

  it('counts a text page after a scanned cover as text', async () => {
    expect((await identify({ pages: [{ scan: true }, body] })).hasText).toBe(true);
  });
});
