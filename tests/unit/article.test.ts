import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../utils/article/detect';

const PAGE_URL = 'https://publisher.example/article/123';
const DOI = '10.1234/jc.2024.001';
const OTHER = '10.5678/other.99';
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head><title>Page title</title>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const meta = (name: string, content: string, attr = 'name', extra = '') =>
  `<meta ${attr}="${name}" content="${content}"${extra}>`;
const scholarly = meta('citation_title', 'A study of things');
const jsonLd = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const doiLink = (doi: string, attrs = '') => `<a href="https://doi.org/${doi}"${attrs}>https://doi.org/${doi}</a>`;

describe('DOI from head metadata', () => {
  it.each([
    ['citation_doi', meta('citation_doi', DOI)],
    ['bepress_citation_doi', meta('bepress_citation_doi', DOI)],
    ['DOI', meta('DOI', DOI)],
    ['dc.identifier', meta('dc.identifier', DOI)],
    ['DC.Identifier', meta('DC.Identifier', DOI)],
    ['DC.Identifier scheme="doi"', meta('DC.Identifier', DOI, 'name', ' scheme="doi"')],
    ['dc.identifier scheme="DOI"', meta('dc.identifier', DOI, 'name', ' scheme="DOI"')],
    ['dc.identifier.doi', meta('dc.identifier.doi', DOI)],
    ['prism.doi with doi: prefix', meta('prism.doi', `doi:${DOI}`)],
    ['CITATION_DOI (upper case)', meta('CITATION_DOI', DOI)],
    ['property="citation_doi"', meta('citation_doi', DOI, 'property')],
    ['property="dc:identifier" (RDFa)', meta('dc:identifier', DOI, 'property')],
    ['property="prism:doi"', meta('prism:doi', DOI, 'property')],
    ['id="DOI"', meta('DOI', DOI, 'id')],
    ['a resolver URL value', meta('citation_doi', `https://doi.org/${DOI}`)],
    ['an info:doi value', meta('dc.identifier', `info:doi/${DOI}`)],
    ['a percent-encoded value', meta('citation_doi', DOI.replace('/', '%2F'))],
  ])('reads the DOI from %s', (_spelling, head) => {
    expect(detectArticle(page(head), PAGE_URL)).toMatchObject({ doi: DOI, doiSource: 'meta' });
  });

  it('reads an XHTML document (lower-case tag names)', () => {
    const xhtml = `<html xmlns="http://www.w3.org/1999/xhtml"><head><meta name="citation_doi" content="${DOI}"/></head><body/></html>`;
    const doc = new DOMParser().parseFromString(xhtml, 'application/xhtml+xml');
    expect(detectArticle(doc, PAGE_URL)?.doi).toBe(DOI);
  });

  it('keeps the case the publisher uses', () => {
    const article = detectArticle(page(meta('dc.identifier', 'doi:10.7554/eLife.00001')), PAGE_URL);
    expect(article?.doi).toBe('10.7554/eLife.00001');
  });

  it('skips a non-DOI citation_doi and takes the DOI from dc.Identifier scheme="doi"', () => {
    const head = meta('citation_doi', 'ade/1391109086') + meta('dc.Identifier', DOI, 'name', ' scheme="doi"');
    expect(detectArticle(page(head), PAGE_URL)?.doi).toBe(DOI);
  });

  it.each([['publisher-id'], ['URI'], ['ISSN'], ['coden']])('ignores dc.Identifier with scheme="%s"', (scheme) => {
    const head =
      meta('dc.Identifier', OTHER, 'name', ` scheme="${scheme}"`) + meta('dc.Identifier', DOI, 'name', ' scheme="doi"');
    expect(detectArticle(page(head), PAGE_URL)?.doi).toBe(DOI);
    expect(detectArticle(page(meta('dc.Identifier', OTHER, 'name', ` scheme="${scheme}"`)), PAGE_URL)).toBeNull();
  });

  it.each([
    ['an ISBN', meta('dc.identifier', 'ISBN 978-3-16-148410-0')],
    ['a URL', meta('dc.identifier', 'https://publisher.example/article/123')],
    ['a PMID', meta('citation_doi', '23193287')],
    ['an empty value', meta('citation_doi', '')],
  ])('treats %s in a DOI meta as no DOI', (_what, head) => {
    expect(detectArticle(page(head), PAGE_URL)).toBeNull();
  });
});

describe('DOI from the URL', () => {
  it.each([
    ['https://www.tandfonline.com/doi/abs/10.1080/01621459.2017.1285773', '10.1080/01621459.2017.1285773'],
    ['https://www.tandfonline.com/doi/10.1080/01621459.2017.1285773', '10.1080/01621459.2017.1285773'],
    ['https://www.frontiersin.org/articles/10.3389/fpsyg.2014.00781/full', '10.3389/fpsyg.2014.00781'],
    ['https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978', '10.1371/journal.pone.0213978'],
    ['https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3', '10.1101/2020.03.22.002386'],
  ])('reads %s when no meta names a DOI', (url, doi) => {
    expect(detectArticle(page(''), url)).toMatchObject({ doi, doiSource: 'url' });
  });

  it('uses the url argument, not the environment location', () => {
    expect(detectArticle(page(''), 'https://example.org/doi/10.1234/from-argument')?.doi).toBe('10.1234/from-argument');
  });
});

describe('signals that agree win over a lone one', () => {
  it.each([
    [
      'two metas beat citation_doi',
      meta('citation_doi', OTHER) + meta('dc.identifier', DOI) + meta('prism.doi', DOI),
      PAGE_URL,
      DOI,
    ],
    [
      'a meta and the URL beat citation_doi',
      meta('citation_doi', OTHER) + meta('dc.identifier', DOI),
      `https://x.example/doi/${DOI}`,
      DOI,
    ],
    [
      'on a tie, citation_doi beats dc.identifier',
      meta('dc.identifier', OTHER) + meta('citation_doi', DOI),
      PAGE_URL,
      DOI,
    ],
    ['on a tie, a meta beats the URL', meta('citation_doi', DOI), `https://x.example/doi/${OTHER}`, DOI],
    [
      'a repeated meta counts once',
      meta('dc.identifier', OTHER) + meta('dc.identifier', OTHER) + meta('citation_doi', DOI),
      PAGE_URL,
      DOI,
    ],
  ])('%s', (_case, head, url, expected) => {
    expect(detectArticle(page(head), url)?.doi).toBe(expected);
  });

  it('counts spellings that differ only in case as one DOI, keeping the meta spelling', () => {
    const article = detectArticle(
      page(meta('citation_doi', '10.1234/ABC.def')),
      'https://x.example/doi/10.1234/abc.DEF',
    );
    expect(article).toMatchObject({ doi: '10.1234/ABC.def', doiSource: 'meta' });
  });

  it('treats many disagreeing DOI metas as a listing, unless the URL picks one of them', () => {
    const head = [1, 2, 3, 4, 5, 6].map((n) => meta('citation_doi', `10.1234/item.${n}`)).join('');
    expect(detectArticle(page(head), PAGE_URL)).toBeNull();
    expect(detectArticle(page(head), 'https://x.example/doi/10.1234/item.4')?.doi).toBe('10.1234/item.4');
  });
});

describe('DOI from a body link (arXiv)', () => {
  const arxivHead = meta('citation_title', 'Attention Is All You Need') + meta('citation_arxiv_id', '1706.03762');

  it('takes the single DOI link on a page with scholarly metadata', () => {
    const body = `<table><tr><td class="tablecell arxivdoi">${doiLink('10.48550/arXiv.1706.03762', ' id="arxiv-doi-link"')}</td></tr></table>`;
    expect(detectArticle(page(arxivHead, body), 'https://arxiv.org/abs/1706.03762')).toMatchObject({
      doi: '10.48550/arXiv.1706.03762',
      doiSource: 'body-link',
    });
  });

  it('prefers the link matching citation_arxiv_id over a journal version DOI', () => {
    const body = doiLink('10.1103/PhysRevLett.1.1') + doiLink('10.48550/arXiv.1706.03762');
    expect(detectArticle(page(arxivHead, body), 'https://arxiv.org/abs/1706.03762')?.doi).toBe(
      '10.48550/arXiv.1706.03762',
    );
  });

  it('ignores DOI links in reference lists and recommendations', () => {
    const body = `<main>${doiLink(DOI)}<section class="c-article-references">${doiLink(OTHER)}</section><aside>${doiLink('10.9999/aside.1')}</aside></main>`;
    expect(detectArticle(page(scholarly, body), PAGE_URL)?.doi).toBe(DOI);
  });

  it('gives up when several DOIs are linked', () => {
    expect(detectArticle(page(scholarly, doiLink(DOI) + doiLink(OTHER)), PAGE_URL)).toBeNull();
  });

  it('does not read the body when a meta names the DOI', () => {
    const article = detectArticle(page(meta('citation_doi', DOI), doiLink(OTHER)), PAGE_URL);
    expect(article).toMatchObject({ doi: DOI, doiSource: 'meta' });
  });
});

describe('pages that only cite DOIs are not articles', () => {
  const manyLinks = Array.from({ length: 20 }, (_, i) => `<li>${doiLink(`10.1234/result.${i}`)}</li>`).join('');
  it.each([
    ['a search-results page with 20 DOI links', page('', `<ol class="results">${manyLinks}</ol>`)],
    ['a table of contents', page(meta('dc.title', 'Volume 12, Issue 3'), `<ul>${manyLinks}</ul>`)],
    [
      'a news story with one DOI link',
      page(meta('og:type', 'article', 'property'), `<article><p>Read the paper: ${doiLink(DOI)}</p></article>`),
    ],
    ['citation_reference metas only', page(meta('citation_reference', `citation_title=Other; citation_doi=${OTHER}`))],
    [
      'citation_reference metas with a body link',
      page(meta('citation_reference', `citation_doi=${OTHER}`), doiLink(OTHER)),
    ],
    ['dc.relation metas', page(meta('dc.relation', OTHER) + meta('dcterms.references', DOI))],
    [
      'JSON-LD citations',
      page(jsonLd({ '@type': 'ScholarlyArticle', citation: [{ '@id': `https://doi.org/${OTHER}` }] })),
    ],
    ['a reference list', page('', `<ol class="references"><li>${doiLink(OTHER)}</li></ol>`)],
  ])('%s yields null', (_case, doc) => {
    expect(detectArticle(doc, PAGE_URL)).toBeNull();
  });

  it("yields the page's own DOI beside its references", () => {
    const head = meta('citation_doi', DOI) + meta('citation_reference', `citation_doi=${OTHER}`).repeat(30);
    const body = `<ol class="references"><li>${doiLink(OTHER)}</li></ol>`;
    expect(detectArticle(page(head, body), PAGE_URL)?.doi).toBe(DOI);
  });
});

describe('metas in <body>', () => {
  function withBodyMetas(parentTag: string | null, ...metas: [string, string][]): Document {
    const doc = page('', '<p>text</p>');
    const parent = parentTag === null ? doc.body : doc.body.appendChild(doc.createElement(parentTag));
    for (const [name, content] of metas) {
      const el = doc.createElement('meta');
      el.setAttribute('name', name);
      el.setAttribute('content', content);
      parent.append(el);
    }
    return doc;
  }

  it('counts as head metas when a stray element pushed them out of <head> (direct children of <body>)', () => {
    const doc = withBodyMetas(null, ['citation_title', 'T'], ['dc.identifier', OTHER], ['citation_doi', DOI]);
    expect(detectArticle(doc, PAGE_URL)).toMatchObject({ doi: DOI, doiSource: 'meta' });
  });

  it('reads spilled canonical links too', () => {
    const doc = withBodyMetas(null, ['citation_doi', DOI]);
    const link = doc.createElement('link');
    link.setAttribute('rel', 'canonical');
    link.setAttribute('href', 'https://publisher.example/canonical');
    doc.body.prepend(link);
    expect(detectArticle(doc, PAGE_URL)?.canonicalUrl).toBe('https://publisher.example/canonical');
  });

  it('reads nested metas only on a page without head metadata, and only when they agree', () => {
    expect(detectArticle(withBodyMetas('div', ['citation_doi', DOI], ['citation_title', 'T']), PAGE_URL)?.doi).toBe(
      DOI,
    );
    expect(detectArticle(withBodyMetas('div', ['citation_doi', DOI], ['citation_doi', OTHER]), PAGE_URL)).toBeNull();
  });

  it('ignores nested metas when the head has its own', () => {
    const doc = withBodyMetas('div', ['citation_doi', OTHER], ['dc.identifier', OTHER]);
    const head = doc.createElement('meta');
    head.setAttribute('name', 'citation_doi');
    head.setAttribute('content', DOI);
    doc.head.append(head);
    expect(detectArticle(doc, PAGE_URL)?.doi).toBe(DOI);
  });
});

describe('open access', () => {
  it.each([
    ['dc.rights with a CC URL', meta('dc.rights', CC_BY)],
    ['DC.rights with a CC URL', meta('DC.rights', CC_BY)],
    ['dcterms.license', meta('dcterms.license', CC_BY)],
    ['citation_license', meta('citation_license', CC_BY)],
    ['a licence named in words', meta('dc.rights', 'This article is distributed under CC BY 4.0')],
    ['CC0', meta('dcterms.license', 'CC0 1.0')],
  ])('is open on %s', (_case, head) => {
    expect(detectArticle(page(meta('citation_doi', DOI) + head), PAGE_URL)).toMatchObject({
      openAccess: 'open',
      openAccessEvidence: { kind: 'license-meta' },
    });
  });

  it('is open on a <link rel="license"> to an open licence in the head', () => {
    const article = detectArticle(page(`${meta('citation_doi', DOI)}<link rel="license" href="${CC_BY}">`), PAGE_URL);
    expect(article?.openAccessEvidence).toEqual({ kind: 'rel-license', value: CC_BY });
  });

  it.each([
    ['yes', 'yes', 'citation_fulltext_world_readable: yes'],
    ['empty (Highwire: present means free)', '', 'citation_fulltext_world_readable: ""'],
  ])('is open on citation_fulltext_world_readable %s', (_case, content, value) => {
    const article = detectArticle(
      page(meta('citation_doi', DOI) + meta('citation_fulltext_world_readable', content)),
      PAGE_URL,
    );
    expect(article).toMatchObject({ openAccess: 'open', openAccessEvidence: { kind: 'world-readable', value } });
  });

  it.each([[true], ['True'], ['true'], ['https://schema.org/True']])(
    'is open on JSON-LD isAccessibleForFree %j of the article node',
    (free) => {
      const head = meta('citation_doi', DOI) + jsonLd({ '@type': 'ScholarlyArticle', isAccessibleForFree: free });
      expect(detectArticle(page(head), PAGE_URL)).toMatchObject({
        openAccess: 'open',
        openAccessEvidence: { kind: 'json-ld' },
      });
    },
  );

  it.each([[false], ['False'], ['false']])('is closed on JSON-LD isAccessibleForFree %j', (free) => {
    const head =
      meta('citation_doi', DOI) +
      jsonLd({ '@type': 'WebPage', mainEntity: { '@type': 'ScholarlyArticle', isAccessibleForFree: free } });
    expect(detectArticle(page(head), PAGE_URL)).toMatchObject({
      openAccess: 'closed',
      openAccessEvidence: { kind: 'json-ld' },
    });
  });

  it.each([
    [
      'the paywalled hasPart',
      { '@type': 'ScholarlyArticle', hasPart: { '@type': 'WebPageElement', isAccessibleForFree: true } },
    ],
    ['the web page', { '@type': 'WebPage', isAccessibleForFree: true }],
    ['the journal', { '@type': 'ScholarlyArticle', isPartOf: { '@type': 'Periodical', isAccessibleForFree: true } }],
    [
      'a cited article',
      { '@type': 'ScholarlyArticle', citation: [{ '@type': 'ScholarlyArticle', isAccessibleForFree: true }] },
    ],
    ['another article', { '@type': 'ScholarlyArticle', sameAs: `https://doi.org/${OTHER}`, isAccessibleForFree: true }],
    ['one of two articles naming no DOI', [{ '@type': 'Article', isAccessibleForFree: true }, { '@type': 'Article' }]],
    ['a news article', { '@type': 'NewsArticle', isAccessibleForFree: true }],
  ])('is unknown when only %s is free in JSON-LD', (_case, data) => {
    expect(detectArticle(page(meta('citation_doi', DOI) + jsonLd(data)), PAGE_URL)?.openAccess).toBe('unknown');
  });

  it('finds the article among JSON-LD nodes by its DOI (@graph, identifiers)', () => {
    const data = {
      '@graph': [
        {
          '@type': 'ScholarlyArticle',
          identifier: { '@type': 'PropertyValue', value: OTHER },
          isAccessibleForFree: false,
        },
        { '@type': 'schema:ScholarlyArticle', identifier: `doi:${DOI.toUpperCase()}`, isAccessibleForFree: true },
      ],
    };
    expect(detectArticle(page(meta('citation_doi', DOI) + jsonLd(data)), PAGE_URL)?.openAccess).toBe('open');
  });

  it('prefers explicit JSON-LD "closed" to an empty world-readable flag', () => {
    const head =
      meta('citation_doi', DOI) +
      meta('citation_fulltext_world_readable', '') +
      jsonLd({ '@type': 'ScholarlyArticle', isAccessibleForFree: false });
    expect(detectArticle(page(head), PAGE_URL)?.openAccess).toBe('closed');
  });

  it.each([
    ['rel="license" in the article', `<article><p>${'<a rel="license" href="'}${CC_BY}">CC BY</a></p></article>`],
    [
      'a licence statement',
      `<div class="articleinfo"><p>Copyright: © 2019 Li et al. This is an open access article distributed under the terms of the <a href="${CC_BY}">Creative Commons Attribution License</a>.</p></div>`,
    ],
    [
      'a licence block',
      `<div class="abs-license"><a href="http://arxiv.org/licenses/nonexclusive-distrib/1.0/" title="Rights to this article">view license</a></div>`,
    ],
    ['a link titled for this article', `<div><a href="${CC_BY}" title="Licence of this article">licence</a></div>`],
  ])('is open on %s in the body', (_case, body) => {
    expect(detectArticle(page(meta('citation_doi', DOI), body), PAGE_URL)).toMatchObject({
      openAccess: 'open',
      openAccessEvidence: { kind: 'rel-license' },
    });
  });

  it.each([
    [
      'an "Open access" badge of a recommended article',
      `<div class="c-recommendations"><span>Open access</span><a href="/x">Other</a></div>`,
    ],
    [
      'a CC link in a recommended-articles box',
      `<div class="related-articles"><p>This is an open access article under <a href="${CC_BY}">CC BY</a></p></div>`,
    ],
    [
      'a CC link in an aside',
      `<aside><p>This article is licensed under <a rel="license" href="${CC_BY}">CC BY</a></p></aside>`,
    ],
    [
      'a site footer licensing the site',
      `<main><p>Article</p></main><footer><a rel="license" href="${CC_BY}">Site content CC BY</a></footer>`,
    ],
    [
      'an author manuscript licence on a paywalled page',
      `<p>This manuscript version is made available under the <a href="${CC_BY}">CC-BY-NC-ND 4.0 license</a>.</p>`,
    ],
    ['a CC URL in a script', `<script>var licence = "${CC_BY}";</script>`],
    ['a CC URL in plain text', `<p>See ${CC_BY} for details.</p>`],
    ['a bare CC link', `<p><a href="${CC_BY}">CC BY</a></p>`],
    [
      'a licence link to a closed licence',
      '<p>This article is licensed under <a rel="license" href="https://publisher.example/terms">our terms</a></p>',
    ],
  ])('is unknown on %s', (_case, body) => {
    expect(detectArticle(page(meta('citation_doi', DOI), body), PAGE_URL)).toMatchObject({
      openAccess: 'unknown',
      openAccessEvidence: null,
    });
  });

  it.each([
    ['a copyright line in dc.rights', meta('dc.rights', '© 2020 Elsevier B.V. All rights reserved.')],
    ['a world-readable flag of "no"', meta('citation_fulltext_world_readable', 'no')],
    ['a head licence link to publisher terms', '<link rel="license" href="https://publisher.example/terms">'],
  ])('is unknown on %s', (_case, head) => {
    expect(detectArticle(page(meta('citation_doi', DOI) + head), PAGE_URL)?.openAccess).toBe('unknown');
  });
});

describe('title, PDF and canonical URL', () => {
  it.each([
    [
      'citation_title first',
      meta('og:title', 'OG', 'property') + meta('dc.title', 'DC') + meta('citation_title', 'Citation'),
      'Citation',
    ],
    ['then dc.title', meta('og:title', 'OG', 'property') + meta('DC.title', 'DC'), 'DC'],
    ['then og:title', meta('og:title', 'OG', 'property'), 'OG'],
    ['then the document title', '', 'Page title'],
    ['with whitespace collapsed', meta('citation_title', '  In&nbsp;Vitro \n  Study '), 'In Vitro Study'],
  ])('takes the title from %s', (_case, head, title) => {
    expect(detectArticle(page(meta('citation_doi', DOI) + head), PAGE_URL)?.title).toBe(title);
  });

  it('gives a null title when the page has none', () => {
    const doc = new DOMParser().parseFromString(`<html><head>${meta('citation_doi', DOI)}</head></html>`, 'text/html');
    expect(detectArticle(doc, PAGE_URL)?.title).toBeNull();
  });

  it.each([
    [
      'an absolute citation_pdf_url',
      meta('citation_pdf_url', 'https://cdn.example/a.pdf'),
      'https://cdn.example/a.pdf',
    ],
    [
      'a relative citation_pdf_url, resolved against the page URL',
      meta('citation_pdf_url', '/pdf/123.pdf'),
      'https://publisher.example/pdf/123.pdf',
    ],
    [
      'a PDF alternate link',
      '<link rel="alternate" type="application/pdf" href="123.pdf">',
      'https://publisher.example/article/123.pdf',
    ],
    ['a javascript: URL (rejected)', meta('citation_pdf_url', 'javascript:alert(1)'), null],
    ['nothing', '', null],
  ])('gives the PDF URL from %s', (_case, head, pdfUrl) => {
    expect(detectArticle(page(meta('citation_doi', DOI) + head), PAGE_URL)?.pdfUrl).toBe(pdfUrl);
  });

  it.each([
    [
      'rel=canonical first',
      `<link rel="canonical" href="/c">${meta('og:url', 'https://og.example/', 'property')}`,
      'https://publisher.example/c',
    ],
    ['then og:url', meta('og:url', 'https://og.example/a', 'property'), 'https://og.example/a'],
    [
      'then citation_fulltext_html_url',
      meta('citation_fulltext_html_url', 'https://full.example/a'),
      'https://full.example/a',
    ],
    [
      'then citation_abstract_html_url',
      meta('citation_abstract_html_url', 'https://abs.example/a'),
      'https://abs.example/a',
    ],
    ['else the page URL', '', PAGE_URL],
    ['skipping a javascript: canonical', '<link rel="canonical" href="javascript:alert(1)">', PAGE_URL],
  ])('gives the canonical URL from %s', (_case, head, canonicalUrl) => {
    expect(detectArticle(page(meta('citation_doi', DOI) + head), PAGE_URL)?.canonicalUrl).toBe(canonicalUrl);
  });
});

describe('the result', () => {
  const doc = page(
    meta('citation_doi', DOI) +
      meta('citation_title', 'T') +
      meta('citation_pdf_url', '/a.pdf') +
      meta('dc.rights', CC_BY),
    '<p>Body</p>',
  );

  it('is plain structured-clonable data', () => {
    const article = detectArticle(doc, PAGE_URL);
    expect(structuredClone(article)).toEqual(article);
    expect(Object.getPrototypeOf(article)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(article?.openAccessEvidence)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(article))).toEqual(article);
  });

  it('leaves the document untouched', () => {
    const before = doc.documentElement.outerHTML;
    detectArticle(doc, PAGE_URL);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('is the same on every call', () => {
    expect(detectArticle(doc, PAGE_URL)).toEqual(detectArticle(doc, PAGE_URL));
  });
});
