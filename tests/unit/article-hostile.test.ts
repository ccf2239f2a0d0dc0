import { describe, expect, it } from 'vitest';
import { type ArticleInfo, detectArticle } from '../../utils/article/detect';

/**
 * Pages we do not control: whatever their markup, detection must not throw, must not hang, and must not
 * report a DOI the page does not plausibly name. Time bounds here are generous (happy-dom is slow); they catch
 * quadratic blow-ups, not regressions of a few percent.
 */

const PAGE_URL = 'https://hostile.example/article';
const DOI = '10.1234/real.article';
const MEGABYTE = 1024 * 1024;

function build(fill: (doc: Document) => void): Document {
  const doc = new DOMParser().parseFromString('<!doctype html><html><head></head><body></body></html>', 'text/html');
  fill(doc);
  return doc;
}

function addMeta(doc: Document, attrs: Record<string, string>, parent: Element = doc.head): void {
  const meta = doc.createElement('meta');
  for (const [name, value] of Object.entries(attrs)) meta.setAttribute(name, value);
  parent.append(meta);
}

function addScript(doc: Document, text: string): void {
  const script = doc.createElement('script');
  script.setAttribute('type', 'application/ld+json');
  script.textContent = text;
  doc.head.append(script);
}

function timed(doc: Document, url = PAGE_URL): { article: ArticleInfo | null; ms: number } {
  const started = performance.now();
  const article = detectArticle(doc, url);
  return { article, ms: performance.now() - started };
}

/** Whatever is reported fits the protocol's limits and is plain data. */
function expectWellFormed(article: ArticleInfo | null): void {
  if (article === null) return;
  expect(article.doi).toMatch(/^10\.\d{4,9}(?:\.\d+)*\/\S+$/);
  expect(article.doi.length).toBeLessThanOrEqual(300);
  expect((article.title ?? '').length).toBeLessThanOrEqual(2000);
  expect((article.openAccessEvidence?.value ?? '').length).toBeLessThanOrEqual(2000);
  expect(article.canonicalUrl.length).toBeLessThanOrEqual(4096);
  expect((article.pdfUrl ?? '').length).toBeLessThanOrEqual(4096);
  expect(structuredClone(article)).toEqual(article);
}

describe('huge values', () => {
  it.each([
    ['a 5 MB citation_doi', { name: 'citation_doi', content: `10.1234/${'x'.repeat(5 * MEGABYTE)}` }],
    [
      'a 5 MB dc.identifier of spaces around a DOI',
      { name: 'dc.identifier', content: `${' '.repeat(5 * MEGABYTE)}${DOI}` },
    ],
    ['a 1 MB meta name', { name: `citation_doi${'x'.repeat(MEGABYTE)}`, content: DOI }],
    ['a 1 MB percent-encoded value', { name: 'citation_doi', content: `10.1234/${'%41'.repeat(MEGABYTE / 3)}` }],
  ])('rejects %s quickly', (_case, attrs) => {
    const { article, ms } = timed(build((doc) => addMeta(doc, attrs)));
    expect(article).toBeNull();
    expect(ms).toBeLessThan(500);
  });

  it('caps a huge title and still reports the article', () => {
    const doc = build((d) => {
      addMeta(d, { name: 'citation_doi', content: DOI });
      addMeta(d, { name: 'citation_title', content: 'T '.repeat(MEGABYTE) });
    });
    const { article } = timed(doc);
    expect(article?.doi).toBe(DOI);
    expectWellFormed(article);
  });

  it('skips over-long URLs rather than reporting them', () => {
    const long = `https://hostile.example/${'a'.repeat(10_000)}`;
    const doc = build((d) => {
      addMeta(d, { name: 'citation_doi', content: DOI });
      addMeta(d, { name: 'citation_pdf_url', content: long });
      addMeta(d, { property: 'og:url', content: long });
    });
    const article = detectArticle(doc, `${PAGE_URL}?q=${'b'.repeat(10_000)}`);
    expect(article?.pdfUrl).toBeNull();
    expect(article?.canonicalUrl).toBe(PAGE_URL);
    expectWellFormed(article);
  });
});

describe('thousands of tags', () => {
  it('finds the DOI after 10 000 reference metas (a big collaboration paper has as many author metas)', () => {
    const doc = build((d) => {
      for (let i = 0; i < 10_000; i++)
        addMeta(d, { name: 'citation_reference', content: `citation_doi=10.9999/ref.${i}` });
      addMeta(d, { name: 'citation_doi', content: DOI });
    });
    const { article, ms } = timed(doc);
    expect(article?.doi).toBe(DOI);
    expect(ms).toBeLessThan(2000);
  });

  it('reports no DOI for 5 000 disagreeing DOI metas', () => {
    const doc = build((d) => {
      for (let i = 0; i < 5_000; i++) addMeta(d, { name: 'citation_doi', content: `10.1234/item.${i}` });
    });
    const { article, ms } = timed(doc);
    expect(article).toBeNull();
    expect(ms).toBeLessThan(2000);
  });

  it('reads at most 100 DOI-named metas, valid or not (review F7: junk DOI metas cost every re-check)', () => {
    const junk = (d: Document, count: number) => {
      for (let i = 0; i < count; i++) addMeta(d, { name: 'dc.identifier', content: `10.1234/x${').'.repeat(595)}<` });
    };
    const within = build((d) => {
      junk(d, 99);
      addMeta(d, { name: 'citation_doi', content: DOI });
    });
    expect(timed(within).article?.doi).toBe(DOI);
    const past = build((d) => {
      junk(d, 100);
      addMeta(d, { name: 'citation_doi', content: DOI });
    });
    expect(timed(past).article).toBeNull();
    const flood = build((d) => junk(d, 20_000));
    timed(flood);
    const { ms } = timed(flood);
    // 20,000 crafted metas cost some 15 s when each was cleaned up, quadratically; now the walk alone remains.
    expect(ms).toBeLessThan(500);
  });

  it('reports no DOI for 10 000 DOI links on a scholarly page', () => {
    const doc = build((d) => {
      addMeta(d, { name: 'citation_title', content: 'A listing' });
      for (let i = 0; i < 10_000; i++) {
        const a = d.createElement('a');
        a.setAttribute('href', `https://doi.org/10.1234/link.${i}`);
        d.body.append(a);
      }
    });
    const { article, ms } = timed(doc);
    expect(article).toBeNull();
    expect(ms).toBeLessThan(2000);
  });

  it('survives 1 000 JSON-LD scripts', () => {
    const doc = build((d) => {
      addMeta(d, { name: 'citation_doi', content: DOI });
      for (let i = 0; i < 1_000; i++)
        addScript(d, JSON.stringify({ '@type': 'ScholarlyArticle', isAccessibleForFree: i > 500 }));
    });
    const { article, ms } = timed(doc);
    expect(article?.doi).toBe(DOI);
    expect(ms).toBeLessThan(2000);
  });
});

describe('script-like and malformed strings', () => {
  it.each([
    ['<script>alert(1)</script>'],
    ['javascript:alert(1)'],
    ['10.1234/"><img src=x onerror=alert(1)>'],
    ['10.1234/<script>alert(1)</script>'],
    ['10.1234/<svg/onload=alert(1)>'],
    ['10.1234/\u0000\u0007'],
    ['10.1234/%E0%A4%A'],
    ['10.1234/%zz'],
    ['%%%%'],
    ['doi:'],
    ['https://doi.org/'],
    ['10./x'],
    ['\u202e10.1234/rtl'],
  ])('never reports %j as a DOI', (value) => {
    for (const name of ['citation_doi', 'dc.identifier', 'DOI', 'prism.doi']) {
      const doc = build((d) => addMeta(d, { name, content: value }));
      expect(() => detectArticle(doc, PAGE_URL)).not.toThrow();
      expect(detectArticle(doc, PAGE_URL)).toBeNull();
    }
  });

  it.each([
    [''],
    ['not a url'],
    ['javascript:alert(1)'],
    ['https://hostile.example/doi/10.1234/%E0%A4%A'],
    ['https://hostile.example/?doi=%zz'],
    [`https://hostile.example/doi/10.1234/${'x'.repeat(100_000)}`],
    ['https://[::1'],
  ])('survives the page URL %j', (url) => {
    const doc = build(() => {});
    expect(() => detectArticle(doc, url)).not.toThrow();
    expect(detectArticle(doc, url)).toBeNull();
  });

  it('survives non-string and missing arguments', () => {
    const doc = build((d) => addMeta(d, { name: 'citation_doi', content: DOI }));
    expect(detectArticle(doc, undefined as unknown as string)).toBeNull();
    expect(detectArticle(null as unknown as Document, PAGE_URL)).toBeNull();
    expect(detectArticle({} as Document, PAGE_URL)).toBeNull();
  });
});

describe('malformed JSON-LD', () => {
  const nested = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
  it.each([
    ['truncated JSON', '{"@type": "ScholarlyArticle", "isAccessibleForFree": tr'],
    ['trailing commas', '{"@type": "ScholarlyArticle", "isAccessibleForFree": true,}'],
    ['deep nesting', nested],
    ['a string', '"ScholarlyArticle"'],
    ['null', 'null'],
    ['a number', '42'],
    [
      'junk in an array',
      '[1, "a", null, [], {"@type": 7}, {"@type": ["ScholarlyArticle", 3], "isAccessibleForFree": {"x": 1}}]',
    ],
    ['a @graph that is not an array', '{"@graph": "nope", "mainEntity": 5}'],
    ['a __proto__ key', '{"@type": "ScholarlyArticle", "__proto__": {"isAccessibleForFree": true}}'],
    ['an HTML comment wrapper', '<!-- {"@type": "ScholarlyArticle", "isAccessibleForFree": true} -->'],
    ['a 2 MB blob', `{"@type": "ScholarlyArticle", "isAccessibleForFree": true, "x": "${'y'.repeat(2 * MEGABYTE)}"}`],
  ])('gives no access evidence from %s and does not throw', (_case, text) => {
    const doc = build((d) => {
      addMeta(d, { name: 'citation_doi', content: DOI });
      addScript(d, text);
    });
    const { article, ms } = timed(doc);
    expect(article).toMatchObject({ doi: DOI, openAccess: 'unknown', openAccessEvidence: null });
    expect(ms).toBeLessThan(1000);
  });
});

describe('odd documents', () => {
  it.each([
    [
      'an XML document',
      () => new DOMParser().parseFromString('<root><meta name="citation_doi" content="10.1234/x"/></root>', 'text/xml'),
    ],
    ['a document without a head', () => build((d) => d.head.remove())],
    ['a document without a body', () => build((d) => d.body.remove())],
    ['an empty document', () => build((d) => d.documentElement.remove())],
  ])('handles %s', (_case, make) => {
    const doc = make();
    expect(() => detectArticle(doc, PAGE_URL)).not.toThrow();
    expectWellFormed(detectArticle(doc, PAGE_URL));
  });

  it('reads a DOI from a page whose head has no DOM head element, via the URL', () => {
    const doc = build((d) => d.head.remove());
    expect(detectArticle(doc, `https://x.example/doi/${DOI}`)?.doi).toBe(DOI);
  });
});
