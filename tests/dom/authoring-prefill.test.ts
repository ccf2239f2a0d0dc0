import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../utils/article/detect';
import { collectPageMetadata } from '../../utils/authoring/page-metadata';
import { prefillForm } from '../../utils/authoring/prefill';
import { checkForm } from '../../utils/authoring/validate';
import { loadFixturePages, parsePage } from '../support/dom/fixtures';

/**
 * "Start a club discussion" on the six real publisher pages: the metadata reader the background injects, run
 * here on each page's document, and the form it prefills. Every field a page can know must come out valid by
 * the feeds' schema; only what the club alone knows (its name, post, summary, questions) may be left to fill.
 */
const pages = await loadFixturePages();
if (pages.length === 0) console.warn('Skipping the authoring prefill: ../shared/fixtures/pages is absent.');

const CLUB_ONLY = new Set(['clubNameEn', 'clubUrl', 'postUrl', 'summaryEn', 'commentaryEn', 'question:q1:en']);

/** What each page's own metadata says, checked by hand against the page. */
const EXPECTED: Record<string, { id: string; year: string; firstAuthor: string; citationStart: string }> = {
  arxiv: {
    id: 'vaswani-2017',
    year: '2017',
    firstAuthor: 'Vaswani, Ashish',
    citationStart: 'Vaswani, A., Shazeer, N.',
  },
  frontiers: { id: 'dienes-2014', year: '2014', firstAuthor: 'Dienes, Zoltan', citationStart: 'Dienes, Z. (2014). ' },
  nature: { id: 'jumper-2021', year: '2021', firstAuthor: 'Jumper', citationStart: 'Jumper, J., ' },
  plos: { id: 'li-2019', year: '2019', firstAuthor: 'Yang Li', citationStart: 'Li, Y., Wang, T., ' },
  // The page gives the online date (2012 Nov 26); the print issue is January 2013.
  pmc: {
    id: 'benson-2012',
    year: '2012',
    firstAuthor: 'Dennis A Benson',
    citationStart: 'Benson, D. A., Cavanaugh, M.',
  },
  springer: {
    id: 'bandyopadhyay-ghosh-2010',
    year: '2010',
    firstAuthor: 'Bandyopadhyay-Ghosh',
    citationStart: 'Bandyopadhyay-Ghosh, S., Jeng, R., ',
  },
};

describe.skipIf(pages.length === 0)('prefilling from a real article page', () => {
  it.each(pages.map((page) => [page.site, page] as const))('%s', (site, page) => {
    const doc = parsePage(page.html);
    const started = performance.now();
    const metadata = { ...collectPageMetadata(doc), url: page.url };
    const read = performance.now() - started;
    const form = prefillForm(metadata, detectArticle(doc, page.url));
    const { issues } = checkForm(form);

    expect(form.dois).toBe(page.doi);
    expect(form.titleEn.trim()).not.toBe('');
    expect(form.citation).toContain(`https://doi.org/${page.doi}`);
    expect(form.articleUrls).toMatch(/^https:\/\//);
    expect(issues.filter((issue) => !CLUB_ONLY.has(issue.field))).toEqual([]);
    expect(metadata.meta.some(([name]) => name === 'citation_reference')).toBe(false);
    const expected = EXPECTED[site];
    expect(form.id).toBe(expected?.id);
    expect(form.year).toBe(expected?.year);
    expect(form.authors.split('\n')[0]).toContain(expected?.firstAuthor);
    expect(form.citation.slice(0, expected?.citationStart.length)).toBe(expected?.citationStart);
    console.info(`${site}: metadata read in ${read.toFixed(1)} ms (${metadata.meta.length} tags) · ${form.id}`);
  });
});

describe('a hostile page’s metadata', () => {
  it('is capped in count and length, and a script address is never prefilled', () => {
    const doc = document.implementation.createHTMLDocument('hostile');
    const huge = 'x'.repeat(100_000);
    for (let i = 0; i < 2_000; i++) {
      const meta = doc.createElement('meta');
      meta.name = i === 0 ? 'citation_pdf_url' : 'citation_author';
      meta.content = i === 0 ? 'javascript:alert(1)' : huge;
      doc.head.append(meta);
    }
    const started = performance.now();
    const metadata = collectPageMetadata(doc);
    const elapsed = performance.now() - started;
    expect(metadata.meta).toHaveLength(500);
    expect(Math.max(...metadata.meta.map(([, content]) => content.length))).toBe(4_096);
    expect(prefillForm({ ...metadata, url: 'https://example.org/' }, null).pdfUrl).toBe('');
    expect(elapsed).toBeLessThan(500);
  });
});
