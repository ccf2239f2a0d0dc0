import nodeConsole from 'node:console';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type ArticleInfo, detectArticle } from '../../utils/article/detect';
import { REAL_PAGES, REAL_PAGES_FROM_ROOT, realPage } from '../support/real-pages.mjs';

/**
 * Real publisher pages, read from the shared folder at test time (their markup is the publishers', so it is
 * never copied into this repository). Without the folder the suite is skipped, loudly.
 */
// The shared folder, found from this file (node:path, not URL: happy-dom replaces URL).
const pagesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..', REAL_PAGES_FROM_ROOT);
const present = existsSync(pagesDir);
if (!present) console.warn(`article-fixtures: skipped, the real pages folder is missing: ${pagesDir}`);

type Kind = NonNullable<ArticleInfo['openAccessEvidence']>['kind'];

/** What detection must read on each page beyond its DOI and access: where the DOI was and the access evidence. */
const EXPECTED: Record<string, { kinds: Kind[]; doiSource: ArticleInfo['doiSource'] }> = {
  springer: { kinds: ['json-ld'], doiSource: 'meta' },
  pmc: { kinds: ['rel-license'], doiSource: 'meta' },
  plos: { kinds: ['rel-license'], doiSource: 'meta' },
  arxiv: { kinds: ['rel-license'], doiSource: 'body-link' },
  nature: { kinds: ['json-ld', 'rel-license'], doiSource: 'meta' },
  frontiers: { kinds: ['world-readable'], doiSource: 'meta' },
};
// The canonical URL each page declares is the address it was saved from.
const PAGES = REAL_PAGES.map((page) => {
  const expected = EXPECTED[page.site];
  if (!expected) throw new Error(`article-fixtures: say what to expect on ${page.file}`);
  return { ...page, ...expected, canonicalUrl: page.url };
});

/** Parsing a megabyte page in happy-dom takes a while; detection never mutates, so each page is parsed once. */
const parsed = new Map<string, Document>();
function load(file: string): Document {
  const doc = parsed.get(file);
  if (!doc) throw new Error(`${file} was not parsed`);
  return doc;
}

describe.skipIf(!present)('detectArticle on real publisher pages', () => {
  beforeAll(async () => {
    // happy-dom logs an error for every stylesheet and iframe a page links (it loads none here), some a tick
    // later, on the Node console it was set up with (not the test's): mute that while parsing.
    const mute = vi.spyOn(nodeConsole, 'error').mockImplementation(() => {});
    try {
      for (const { file } of PAGES) {
        parsed.set(file, new DOMParser().parseFromString(readFileSync(join(pagesDir, file), 'utf8'), 'text/html'));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      mute.mockRestore();
    }
  });

  it.each(PAGES)('finds the article DOI on $file', ({ file, url, doi, doiSource }) => {
    const article = detectArticle(load(file), url);
    expect(article?.doi).toBe(doi);
    expect(article?.doiSource).toBe(doiSource);
  });

  it.each(PAGES)('reads $openAccess access on $file from evidence about the article', ({ file, url, ...page }) => {
    const article = detectArticle(load(file), url);
    expect(article?.openAccess).toBe(page.openAccess);
    expect(page.kinds).toContain(article?.openAccessEvidence?.kind);
    expect(article?.openAccessEvidence?.value).toBeTruthy();
  });

  it.each(PAGES)('gives a title, an absolute canonical URL and a plain result on $file', ({ file, url, ...page }) => {
    const article = detectArticle(load(file), url);
    expect(article?.title?.trim()).toBeTruthy();
    expect(article?.canonicalUrl).toBe(page.canonicalUrl);
    if (article?.pdfUrl) expect(article.pdfUrl).toMatch(/^https?:\/\//);
    expect(structuredClone(article)).toEqual(article);
  });

  it('ignores the "Open access" badges of recommended articles on a paywalled Springer page', () => {
    const springer = realPage('springer');
    const article = detectArticle(load(springer.file), springer.url);
    expect(article?.openAccessEvidence).toEqual({ kind: 'json-ld', value: 'isAccessibleForFree: false' });
  });

  it("does not take the Frontiers article's own DOI from its JSON-LD citation list as evidence of a listing", () => {
    const frontiers = realPage('frontiers');
    const article = detectArticle(load(frontiers.file), frontiers.url);
    expect(article?.title).toBe('Using Bayes to get the most out of non-significant results');
  });

  it('finds the arXiv DOI even when the page URL names a version', () => {
    const article = detectArticle(load(realPage('arxiv').file), 'https://arxiv.org/abs/1706.03762v7');
    expect(article?.doi).toBe('10.48550/arXiv.1706.03762');
  });
});
