import nodeConsole from 'node:console';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type ArticleInfo, detectArticle } from '../../utils/article/detect';

/**
 * Real publisher pages, read from the shared folder at test time (their markup is the publishers', so it is
 * never copied into this repository). Without the folder the suite is skipped, loudly.
 */
// The repository's `../shared/fixtures/pages/`, found from this file (node:path, not URL: happy-dom replaces URL).
const pagesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures/pages');
const present = existsSync(pagesDir);
if (!present) console.warn(`article-fixtures: skipped, the real pages folder is missing: ${pagesDir}`);

type Kind = NonNullable<ArticleInfo['openAccessEvidence']>['kind'];

const PAGES: {
  file: string;
  url: string;
  doi: string;
  openAccess: ArticleInfo['openAccess'];
  kinds: Kind[];
  doiSource: ArticleInfo['doiSource'];
  canonicalUrl: string;
}[] = [
  {
    file: 'springer__10.1007_s10924-010-0192-1.html',
    url: 'https://link.springer.com/article/10.1007/s10924-010-0192-1',
    doi: '10.1007/s10924-010-0192-1',
    openAccess: 'closed',
    kinds: ['json-ld'],
    doiSource: 'meta',
    canonicalUrl: 'https://link.springer.com/article/10.1007/s10924-010-0192-1',
  },
  {
    file: 'pmc__10.1093_nar_gks1195.html',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/',
    doi: '10.1093/nar/gks1195',
    openAccess: 'open',
    kinds: ['rel-license'],
    doiSource: 'meta',
    canonicalUrl: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/',
  },
  {
    file: 'plos__10.1371_journal.pone.0213978.html',
    url: 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978',
    doi: '10.1371/journal.pone.0213978',
    openAccess: 'open',
    kinds: ['rel-license'],
    doiSource: 'meta',
    canonicalUrl: 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978',
  },
  {
    file: 'arxiv__10.48550_arXiv.1706.03762.html',
    url: 'https://arxiv.org/abs/1706.03762',
    doi: '10.48550/arXiv.1706.03762',
    openAccess: 'open',
    kinds: ['rel-license'],
    doiSource: 'body-link',
    canonicalUrl: 'https://arxiv.org/abs/1706.03762',
  },
  {
    file: 'nature__10.1038_s41586-021-03819-2.html',
    url: 'https://www.nature.com/articles/s41586-021-03819-2',
    doi: '10.1038/s41586-021-03819-2',
    openAccess: 'open',
    kinds: ['json-ld', 'rel-license'],
    doiSource: 'meta',
    canonicalUrl: 'https://www.nature.com/articles/s41586-021-03819-2',
  },
  {
    file: 'frontiers__10.3389_fpsyg.2014.00781.html',
    url: 'https://www.frontiersin.org/journals/psychology/articles/10.3389/fpsyg.2014.00781/full',
    doi: '10.3389/fpsyg.2014.00781',
    openAccess: 'open',
    kinds: ['world-readable'],
    doiSource: 'meta',
    canonicalUrl: 'https://www.frontiersin.org/journals/psychology/articles/10.3389/fpsyg.2014.00781/full',
  },
];

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
    const article = detectArticle(load(PAGES[0]?.file ?? ''), PAGES[0]?.url ?? '');
    expect(article?.openAccessEvidence).toEqual({ kind: 'json-ld', value: 'isAccessibleForFree: false' });
  });

  it("does not take the Frontiers article's own DOI from its JSON-LD citation list as evidence of a listing", () => {
    const page = PAGES[5];
    const article = detectArticle(load(page?.file ?? ''), page?.url ?? '');
    expect(article?.title).toBe('Using Bayes to get the most out of non-significant results');
  });

  it('finds the arXiv DOI even when the page URL names a version', () => {
    const article = detectArticle(load(PAGES[3]?.file ?? ''), 'https://arxiv.org/abs/1706.03762v7');
    expect(article?.doi).toBe('10.48550/arXiv.1706.03762');
  });
});
