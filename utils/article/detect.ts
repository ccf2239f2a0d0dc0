import { doiFromUrl, doiKey, normalizeDoi } from './doi';
import { httpUrl } from './http-url';
import { type DoiMeta, firstValue, type PageMetadata, readMetadata } from './metadata';
import { assessOpenAccess, type OpenAccessEvidence, type OpenAccessStatus } from './open-access';
import { isAboutOtherWorks } from './scope';

export type { OpenAccessEvidence, OpenAccessStatus } from './open-access';

/**
 * Which scholarly article a page *is* (not which ones it cites), from the page alone. Pure and cheap, because
 * the detector runs it on every page load and in-page navigation: it reads `<head>` tags, the URL, and only on
 * scholarly pages without a DOI elsewhere, the body's DOI links.
 */

export interface ArticleInfo {
  /** As the page spells it; compare with `doiKey`/`sameDoi`. */
  doi: string;
  title: string | null;
  openAccess: OpenAccessStatus;
  openAccessEvidence: OpenAccessEvidence | null;
  /** Absolute. */
  pdfUrl: string | null;
  /** Absolute: `<link rel=canonical>`, `og:url`, `citation_*_html_url`, else the page URL. */
  canonicalUrl: string;
  /**
   * Where the DOI was found; `share-link` when the page names none and a share link said which article it is;
   * `pdf` when the extension's PDF viewer read it from the file (its metadata or first pages).
   */
  doiSource: 'meta' | 'url' | 'body-link' | 'share-link' | 'pdf';
}

/** Matches both doi.org and dx.doi.org resolver links. */
const DOI_LINKS = 'a[href*="doi.org/10."]';
const MAX_DOI_LINKS = 200;
/** A page whose metas or links name more DOIs than this is a listing (search results, a table of contents). */
const MAX_DISTINCT_DOIS = 4;
const URL_RANK = 10;
const TITLE_METAS = ['citation_title', 'bepress_citation_title', 'dc.title', 'og.title'];
const PDF_METAS = ['citation_pdf_url', 'bepress_citation_pdf_url'];
const CANONICAL_METAS = ['og.url', 'citation_fulltext_html_url', 'citation_abstract_html_url'];
const MAX_TITLE_LENGTH = 1000;
const MAX_URL_LENGTH = 4096;

/** The article this page presents, or null when it presents none. Never throws; the result is plain data. */
export function detectArticle(doc: Document, url: string): ArticleInfo | null {
  try {
    return detect(doc, url);
  } catch {
    // Nothing below is expected to throw; this keeps a content script alive on a page no one foresaw.
    return null;
  }
}

function detect(doc: Document, url: string): ArticleInfo | null {
  if (typeof url !== 'string' || !doc) return null;
  const metadata = readMetadata(doc);
  const found = chooseDoi(metadata, doiFromUrl(url)) ?? doiFromBodyLinks(doc, metadata);
  if (found === null) return null;
  const access = assessOpenAccess(doc, metadata, found.doi);
  return {
    doi: found.doi,
    title: pageTitle(doc, metadata),
    openAccess: access.status,
    openAccessEvidence: access.evidence,
    pdfUrl: firstHttpUrl([...metaValues(metadata, PDF_METAS), metadata.pdfLink], url),
    canonicalUrl: firstHttpUrl([metadata.canonical, ...metaValues(metadata, CANONICAL_METAS)], url) ?? fallbackUrl(url),
    doiSource: found.source,
  };
}

interface Found {
  doi: string;
  source: ArticleInfo['doiSource'];
}

interface Tally {
  doi: string;
  votes: number;
  rank: number;
  order: number;
  fromMeta: boolean;
}

/**
 * Each DOI meta and the URL is a vote; the DOI with most votes wins, ties going to the most trusted spelling
 * (`citation_doi` first) and then to document order. So signals that agree beat a lone one, and a stray
 * `dc.identifier` cannot outvote `citation_doi` plus the URL.
 */
function chooseDoi(metadata: PageMetadata, urlDoi: string | null): Found | null {
  const tallies = new Map<string, Tally>();
  metadata.doiMetas.forEach((meta: DoiMeta, order) => {
    vote(tallies, meta.doi, meta.rank, order, true);
  });
  const metaDois = tallies.size;
  // Metas that disagree too much (or body metas that disagree at all) describe several works, not this page.
  const listing = metaDois > MAX_DISTINCT_DOIS || (metadata.inBody && metaDois > 1);
  if (urlDoi !== null) {
    const key = doiKey(urlDoi);
    if (listing) {
      const agreeing = tallies.get(key);
      return agreeing ? { doi: agreeing.doi, source: 'meta' } : { doi: urlDoi, source: 'url' };
    }
    vote(tallies, urlDoi, URL_RANK, Number.MAX_SAFE_INTEGER, false);
  } else if (listing) {
    return null;
  }
  let best: Tally | null = null;
  for (const tally of tallies.values()) if (best === null || beats(tally, best)) best = tally;
  return best && { doi: best.doi, source: best.fromMeta ? 'meta' : 'url' };
}

function vote(tallies: Map<string, Tally>, doi: string, rank: number, order: number, fromMeta: boolean): void {
  const key = doiKey(doi);
  const tally = tallies.get(key);
  if (!tally) {
    tallies.set(key, { doi, votes: 1, rank, order, fromMeta });
    return;
  }
  tally.votes++;
  tally.fromMeta ||= fromMeta;
  if (rank < tally.rank) {
    tally.rank = rank;
    tally.doi = doi;
  }
}

function beats(a: Tally, b: Tally): boolean {
  if (a.votes !== b.votes) return a.votes > b.votes;
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.order < b.order;
}

/**
 * arXiv's case: a page with scholarly metadata but no DOI meta shows its DOI as a link. Only a page that
 * describes a work qualifies (a news story or search result linking DOIs does not), only links outside
 * reference lists and recommendations count, and they must name a single DOI, or the one matching
 * `citation_arxiv_id` when arXiv also links a journal version's DOI.
 */
function doiFromBodyLinks(doc: Document, metadata: PageMetadata): Found | null {
  if (!metadata.scholarly || !doc.body) return null;
  const links = doc.body.querySelectorAll(DOI_LINKS);
  const total = Math.min(links.length, MAX_DOI_LINKS);
  const dois = new Map<string, string>();
  for (let i = 0; i < total && dois.size <= MAX_DISTINCT_DOIS; i++) {
    const link = links[i];
    const href = link?.getAttribute('href');
    if (!link || !href) continue;
    const doi = normalizeDoi(href);
    if (doi === null || dois.has(doiKey(doi)) || isAboutOtherWorks(link)) continue;
    dois.set(doiKey(doi), doi);
  }
  if (dois.size === 1) {
    const [only] = dois.values();
    return only === undefined ? null : { doi: only, source: 'body-link' };
  }
  const arxivId = firstValue(metadata, 'citation_arxiv_id');
  const arxivDoi = arxivId === null ? undefined : dois.get(doiKey(`10.48550/arXiv.${arxivId}`));
  return arxivDoi === undefined ? null : { doi: arxivDoi, source: 'body-link' };
}

function pageTitle(doc: Document, metadata: PageMetadata): string | null {
  for (const name of TITLE_METAS) {
    const title = cleanTitle(firstValue(metadata, name));
    if (title) return title;
  }
  return cleanTitle(doc.title);
}

function cleanTitle(value: string | null | undefined): string | null {
  if (!value) return null;
  const title = value
    .slice(0, 4 * MAX_TITLE_LENGTH)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TITLE_LENGTH);
  return title === '' ? null : title;
}

function metaValues(metadata: PageMetadata, names: string[]): (string | null)[] {
  return names.map((name) => firstValue(metadata, name));
}

/** The first candidate that resolves (against the page URL) to an http(s) URL, absolute. */
function firstHttpUrl(candidates: (string | null)[], base: string): string | null {
  for (const candidate of candidates) {
    const absolute = candidate === null ? null : absoluteHttpUrl(candidate, base);
    if (absolute !== null) return absolute;
  }
  return null;
}

function absoluteHttpUrl(value: string, base: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > MAX_URL_LENGTH) return null;
  const parsed = httpUrl(trimmed, base.length <= MAX_URL_LENGTH ? base : undefined);
  return parsed === null || parsed.href.length > MAX_URL_LENGTH ? null : parsed.href;
}

/** The page URL itself, shortened (query, then path dropped) only if it would not fit the message limit. */
function fallbackUrl(url: string): string {
  if (url.length <= MAX_URL_LENGTH || !URL.canParse(url)) return url.slice(0, MAX_URL_LENGTH);
  const parsed = new URL(url);
  const withoutQuery = parsed.origin + parsed.pathname;
  return withoutQuery.length <= MAX_URL_LENGTH ? withoutQuery : `${parsed.origin}/`;
}
