import { findJsonLdArticle } from './json-ld';
import { firstValue, type PageMetadata } from './metadata';
import { isAboutOtherWorks } from './scope';

/**
 * Whether the page's article is open access, and on what evidence. Only statements about *this* article count:
 * a licence URL or "Open access" badge elsewhere on the page (recommended articles, an author manuscript's
 * licence on a paywalled page) is about something else, and a wrong "open" would send a club to a paywall.
 */

export type OpenAccessStatus = 'open' | 'closed' | 'unknown';

export interface OpenAccessEvidence {
  kind: 'license-meta' | 'rel-license' | 'json-ld' | 'world-readable';
  value: string;
}

export interface OpenAccess {
  status: OpenAccessStatus;
  evidence: OpenAccessEvidence | null;
}

/** Licence metas, most specific first. `dc.rights` also carries plain copyright lines, which do not match. */
const LICENSE_METAS = [
  'citation_license',
  'dcterms.license',
  'dc.rights.license',
  'dc.license',
  'license',
  'dcterms.rights',
  'dc.rights',
  'dcterms.accessrights',
  'prism.copyright',
];
/**
 * Licences that let anyone read the work: Creative Commons (by URL or name), public domain, and arXiv's
 * distribution licences (every arXiv paper is free to read).
 */
const OPEN_LICENSE =
  /creativecommons\.org\/(?:licen[cs]es|publicdomain)\/|arxiv\.org\/licenses\/|\bcc[\s-]?(?:by|0|zero)\b|\bcreative\s+commons\b|\bpublic\s+domain\b/i;
/**
 * Links that can name an open licence. Queried one selector at a time: Chromium matches a selector list
 * several times slower than its parts. `rel="license"` alone is no selector, since a licence link only counts
 * when its target is an open licence anyway.
 */
const LICENSE_LINK_SELECTORS = ['a[href*="creativecommons.org/"]', 'a[href*="arxiv.org/licenses/"]'];
/** Container names that mark a licence or copyright block (`abs-license`, `c-article-rights`, `permissions`). */
const LICENSE_BLOCK = /licen[cs]e|rights|copyright|permissions/i;
/** How licence statements name their subject: "This is an open access article…", "This article is licensed…". */
const ARTICLE_STATEMENT = /\bthis\s+(?:is\s+an?\s+)?(?:open[\s-]*access\s+)?(?:article|paper)\b/i;
/** Elements that hold a sentence; a `<div>` only when it has few children (else it is a layout box). */
const STATEMENT_BLOCKS = new Set(['p', 'li', 'td', 'dd', 'span', 'small']);
const MAX_LICENSE_LINKS = 30;
const MAX_DIV_CHILDREN = 6;
const MAX_STATEMENT_LENGTH = 3000;
const MAX_EVIDENCE_LENGTH = 500;
const WORLD_READABLE = 'citation_fulltext_world_readable';

/**
 * Evidence in order of cost and directness: head metas and links, the JSON-LD article node (the only source
 * that can say "closed"), an empty world-readable flag (Highwire's "free" marker, but vaguer than JSON-LD), and
 * last the article's licence statement in the body.
 */
export function assessOpenAccess(doc: Document, metadata: PageMetadata, doi: string): OpenAccess {
  for (const name of LICENSE_METAS) {
    for (const value of metadata.values.get(name) ?? []) {
      if (OPEN_LICENSE.test(value)) return open('license-meta', value);
    }
  }
  for (const href of metadata.licenseLinks) {
    if (OPEN_LICENSE.test(href)) return open('rel-license', href);
  }
  const flag = worldReadable(metadata);
  if (flag === 'yes' || flag === 'true' || flag === '1') return open('world-readable', `${WORLD_READABLE}: ${flag}`);

  const article = findJsonLdArticle(doc, doi);
  if (article?.free === true) return open('json-ld', 'isAccessibleForFree: true');
  if (article?.free === false) {
    return { status: 'closed', evidence: { kind: 'json-ld', value: 'isAccessibleForFree: false' } };
  }
  if (article?.license && OPEN_LICENSE.test(article.license)) return open('json-ld', article.license);

  if (flag === '') return open('world-readable', `${WORLD_READABLE}: ""`);
  const statement = bodyLicense(doc);
  if (statement !== null) return open('rel-license', statement);
  return { status: 'unknown', evidence: null };
}

/** The Highwire flag's value, lower-cased; `''` when present but empty (its documented form), null when absent. */
function worldReadable(metadata: PageMetadata): string | null {
  if (!metadata.values.has(WORLD_READABLE)) return null;
  return (firstValue(metadata, WORLD_READABLE) ?? '').toLowerCase();
}

function open(kind: OpenAccessEvidence['kind'], value: string): OpenAccess {
  return { status: 'open', evidence: { kind, value: value.trim().slice(0, MAX_EVIDENCE_LENGTH) } };
}

/**
 * An open licence link the page marks as its article's: `rel="license"` (HTML: the licence of the page's main
 * content), a link inside a licence/copyright block or titled for "this article", or one inside a sentence
 * such as "This is an open access article distributed under…". Never one in a region about other works.
 */
function bodyLicense(doc: Document): string | null {
  if (!doc.body) return null;
  for (const selector of LICENSE_LINK_SELECTORS) {
    const links = doc.body.querySelectorAll(selector);
    const total = Math.min(links.length, MAX_LICENSE_LINKS);
    for (let i = 0; i < total; i++) {
      const link = links[i];
      const href = link?.getAttribute('href');
      if (!link || !href || href.length > MAX_EVIDENCE_LENGTH || !OPEN_LICENSE.test(href)) continue;
      if (!isAboutOtherWorks(link) && marksArticleLicense(link)) return href;
    }
  }
  return null;
}

function marksArticleLicense(link: Element): boolean {
  const rel = link.getAttribute('rel');
  if (rel?.toLowerCase().split(/\s+/).includes('license')) return true;
  const title = link.getAttribute('title');
  if (title !== null && title.length < 200 && /\bthis\s+(?:article|paper)\b/i.test(title)) return true;
  let textChecked = false;
  let block: Element | null = link.parentElement;
  for (let depth = 0; block !== null && depth < 3; depth++, block = block.parentElement) {
    const names = `${block.getAttribute('class') ?? ''} ${block.getAttribute('id') ?? ''}`;
    if (names.length < 1000 && LICENSE_BLOCK.test(names)) return true;
    const tag = block.localName;
    if (!textChecked && (STATEMENT_BLOCKS.has(tag) || (tag === 'div' && block.childElementCount <= MAX_DIV_CHILDREN))) {
      // Only the sentence around the link is read: its nearest text block, never a layout box above it.
      textChecked = true;
      const text = block.textContent ?? '';
      if (text.length <= MAX_STATEMENT_LENGTH && ARTICLE_STATEMENT.test(text)) return true;
    }
  }
  return false;
}
