import { describe, expect, it } from 'vitest';
import { chooseArticleDoi, type PdfDoiEvidence } from '../../utils/pdf/doi/article-doi';
import { pageSchedule } from '../../utils/pdf/doi/identify-pdf';
import { pageEvidence } from '../../utils/pdf/doi/page-evidence';

/** chooseArticleDoi, the DOI finder's decision, on pages given as plain text: which source wins, and when none does. */

const ARTICLE = '10.1186/s12913-020-05145-1';
const evidence = (parts: Partial<PdfDoiEvidence>): PdfDoiEvidence => ({
  address: null,
  xmp: [],
  info: [],
  pages: [],
  ...parts,
});
const pages = (...texts: string[]) => texts.map((text, i) => pageEvidence(i + 1, text, []));

describe('chooseArticleDoi', () => {
  it('takes the sources in order: address, XMP, Info, text, links, arXiv stamp', () => {
    const all = evidence({
      address: 'https://publisher.example/doi/pdf/10.1000/address',
      xmp: ['10.1000/xmp'],
      info: ['10.1000/info'],
      pages: [pageEvidence(1, 'DOI: 10.1000/text\narXiv:2101.00001v1 [cs.LG]', ['https://doi.org/10.1000/link'])],
    });
    expect(chooseArticleDoi(all, false)).toEqual({ doi: '10.1000/address', source: 'address' });
    expect(chooseArticleDoi({ ...all, address: null }, false)).toEqual({ doi: '10.1000/xmp', source: 'xmp' });
    expect(chooseArticleDoi({ ...all, address: null, xmp: [] }, false)).toEqual({
      doi: '10.1000/info',
      source: 'info',
    });
    const noMetadata = { ...all, address: null, xmp: [], info: [] };
    expect(chooseArticleDoi(noMetadata, false)).toEqual({ doi: '10.1000/text', source: 'page-text' });
    const linksOnly = {
      ...noMetadata,
      pages: [pageEvidence(1, 'arXiv:2101.00001v1 [cs.LG]', ['https://doi.org/10.1000/link'])],
    };
    expect(chooseArticleDoi(linksOnly, false)).toEqual({ doi: '10.1000/link', source: 'link' });
    const stampOnly = { ...noMetadata, pages: pages('arXiv:2101.00001v1 [cs.LG] 4 Jan 2021') };
    expect(chooseArticleDoi(stampOnly, false)).toEqual({ doi: '10.48550/arXiv.2101.00001', source: 'arxiv' });
  });

  it('trusts metadata naming several DOIs only for the one the front pages name too', () => {
    const xmp = ['10.1000/a', '10.1000/b', '10.1000/c'];
    expect(chooseArticleDoi(evidence({ xmp, pages: pages('Body') }), true)).toBe('read-more');
    expect(chooseArticleDoi(evidence({ xmp, pages: pages('Body') }), false)).toBe('not-found');
    expect(chooseArticleDoi(evidence({ xmp, pages: pages('Header https://doi.org/10.1000/b') }), true)).toEqual({
      doi: '10.1000/b',
      source: 'xmp',
    });
    // Named only in the reference list, it is a cited work, not a witness for the metadata.
    const cited = pages('Body\nReferences\n1. Cited. doi:10.1000/c');
    expect(chooseArticleDoi(evidence({ xmp, pages: cited }), false)).toBe('not-found');
  });

  it('takes the one article named before the references, whatever the reference list holds', () => {
    const text = `Header https://doi.org/${ARTICLE}\nReferences\n1. A. doi:10.1186/s13012-015-0209-1\n2. B. doi:10.1016/j.x.2020.01.001`;
    expect(chooseArticleDoi(evidence({ pages: pages(text) }), true)).toEqual({ doi: ARTICLE, source: 'page-text' });
  });

  it('with several articles named up front, takes the one labelled DOI, else the one on most pages, else none', () => {
    const labelled = pages(`Data: https://doi.org/10.5061/dryad.abc\nDOI: ${ARTICLE}`);
    expect(chooseArticleDoi(evidence({ pages: labelled }), true)).toEqual({ doi: ARTICLE, source: 'page-text' });
    const repeated = pages(
      `https://doi.org/${ARTICLE}\nData: https://doi.org/10.5061/dryad.abc`,
      `Header https://doi.org/${ARTICLE}`,
    );
    expect(chooseArticleDoi(evidence({ pages: repeated }), true)).toBe('read-more');
    expect(chooseArticleDoi(evidence({ pages: repeated }), false)).toEqual({ doi: ARTICLE, source: 'page-text' });
    const tied = pages('Compare https://doi.org/10.1000/a with https://doi.org/10.1000/b');
    expect(chooseArticleDoi(evidence({ pages: tied }), false)).toBe('not-found');
  });

  it('with nothing up front, takes the back matter’s one DOI-labelled DOI, and never a reference', () => {
    const front = pageEvidence(1, 'Title\nAbstract', []);
    const refs = pageEvidence(30, 'References\n1. A. https://doi.org/10.1038/s41586-021-03828-1 (2021).', [], true);
    const citeBox = pageEvidence(45, 'Cite this article\nDOIhttps://doi.org/10.1038/s41586-021-03819-2', [], true);
    expect(chooseArticleDoi(evidence({ pages: [front, refs] }), false)).toBe('not-found');
    expect(chooseArticleDoi(evidence({ pages: [front, refs, citeBox] }), false)).toEqual({
      doi: '10.1038/s41586-021-03819-2',
      source: 'page-text',
    });
  });

  it('never takes an in-text citation for the article, even when it is the only DOI up front', () => {
    const cites = pages('Practice varies (doi:10.1016/j.socscimed.2020.01.001), as others found.');
    expect(chooseArticleDoi(evidence({ pages: cites }), false)).toBe('not-found');
    const both = pages(`DOI: ${ARTICLE}`, 'Practice varies (doi:10.1016/j.socscimed.2020.01.001).');
    expect(chooseArticleDoi(evidence({ pages: both }), false)).toEqual({ doi: ARTICLE, source: 'page-text' });
  });

  it('asks for more pages while later pages could still name the DOI', () => {
    expect(chooseArticleDoi(evidence({ pages: pages('Title') }), true)).toBe('read-more');
    expect(chooseArticleDoi(evidence({ pages: pages('Title') }), false)).toBe('not-found');
  });

  it('counts only doi.org links on the first pages', () => {
    const elsewhere = [
      pageEvidence(1, '', ['https://link.springer.com/10.1007/978-981-32-9804-0_9?fromPaywallRec=true']),
    ];
    expect(chooseArticleDoi(evidence({ pages: elsewhere }), false)).toBe('not-found');
    const late = [...pages('a', 'b', 'c'), pageEvidence(4, '', ['https://doi.org/10.1000/late'])];
    expect(chooseArticleDoi(evidence({ pages: late }), false)).toBe('not-found');
    const two = [pageEvidence(1, '', ['https://doi.org/10.1000/a', 'https://doi.org/10.1000/b'])];
    expect(chooseArticleDoi(evidence({ pages: two }), false)).toBe('not-found');
  });
});

describe('pageSchedule', () => {
  it('reads the first eight pages, then the last two', () => {
    expect(pageSchedule(3).map((p) => p.number)).toEqual([1, 2, 3]);
    expect(pageSchedule(9).map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const long = pageSchedule(500);
    expect(long.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 499, 500]);
    expect(long.filter((p) => p.trailing).map((p) => p.number)).toEqual([499, 500]);
  });
});
