import { normalizeDoi } from './doi';

/**
 * Reads a page's bibliographic `<meta>` and `<link>` tags once into plain values, so the rest of detection
 * never walks the DOM again for them.
 */

/** One DOI meta that names a valid DOI. Lower `rank` = a spelling scrapers trust more (Highwire first). */
export interface DoiMeta {
  doi: string;
  name: string;
  rank: number;
}

export interface PageMetadata {
  /** Values of the metas detection reads, keyed by lower-case name with `:` as `.` (`og:url` → `og.url`). */
  values: Map<string, string[]>;
  doiMetas: DoiMeta[];
  /** Some citation_/bepress_/eprints./prism. meta (reference metas aside): the page describes a work. */
  scholarly: boolean;
  /** The metas came from deep in `<body>`, on a page with none in its head: weaker evidence. */
  inBody: boolean;
  canonical: string | null;
  licenseLinks: string[];
  pdfLink: string | null;
}

/**
 * Meta names that carry this page's DOI, by rank. A `scheme` attribute naming anything but DOI disqualifies
 * the meta (Atypon pairs `dc.Identifier scheme="doi"` with `scheme="publisher-id"`).
 */
const DOI_NAMES = new Map<string, number>([
  ['citation_doi', 0],
  ['bepress_citation_doi', 1],
  ['prism.doi', 2],
  ['dc.identifier.doi', 2],
  ['dcterms.identifier.doi', 2],
  ['doi', 3],
  ['dc.doi', 3],
  ['dc.identifier', 4],
  ['dcterms.identifier', 4],
]);
/** Non-DOI metas detection reads; everything else is skipped without being stored. */
const READ_NAMES = new Set([
  'citation_title',
  'bepress_citation_title',
  'dc.title',
  'og.title',
  'og.url',
  'citation_pdf_url',
  'bepress_citation_pdf_url',
  'citation_fulltext_html_url',
  'citation_abstract_html_url',
  'citation_arxiv_id',
  'citation_fulltext_world_readable',
  'citation_license',
  'dc.rights',
  'dc.rights.license',
  'dc.license',
  'dcterms.rights',
  'dcterms.license',
  'dcterms.accessrights',
  'prism.copyright',
  'license',
]);
const SCHOLARLY_PREFIXES = ['citation_', 'bepress_citation_', 'eprints.', 'prism.'];
/** Metas that describe *other* works; their presence says nothing about this page being an article. */
const CITING_NAMES = new Set(['citation_reference', 'dc.relation', 'dcterms.references', 'dc.relation.references']);

/**
 * Heads carry a few hundred metas, a few thousand for papers with huge author lists (one `citation_author` and
 * `citation_author_institution` each); past these caps a page is hostile and the rest is ignored.
 */
const MAX_ELEMENTS = 20_000;
const MAX_NAME_LENGTH = 80;
const MAX_VALUE_LENGTH = 4096;
const MAX_VALUES_PER_NAME = 20;
/** Enough to see that DOI metas disagree; a page with more distinct ones is a listing, not an article. */
const MAX_DOI_METAS = 50;
/**
 * DOI-named metas read at all, valid or not. Articles carry a handful; counting only the valid ones let a page
 * have every one of 20,000 junk metas cleaned up as a DOI, on every `<head>` change the watcher re-checks.
 */
const MAX_DOI_NAMED_METAS = 100;

/** What one reading of the page may still spend; shared by the head and the body's direct children. */
interface Budget {
  doiNamed: number;
}

export function readMetadata(doc: Document): PageMetadata {
  const metadata = emptyMetadata(false);
  const { head, body } = doc;
  const budget: Budget = { doiNamed: MAX_DOI_NAMED_METAS };
  if (head) {
    readElements(head.getElementsByTagName('meta'), metadata, budget);
    readElements(head.getElementsByTagName('link'), metadata, budget);
  }
  // A stray element in <head> (often `<noscript><iframe>` from a tag manager, when scripting is off as in
  // DOMParser) ends the head early: the parser then puts every later meta and link straight into <body>.
  // Those are the head's own tags, so they count fully; only direct children are read, which costs no walk.
  if (body) readElements(body.children, metadata, budget);
  if (metadata.doiMetas.length > 0 || metadata.scholarly || !body) return metadata;
  // Metas nested deeper in the body, read only on a page with none above: weaker, see `inBody`.
  const nested = emptyMetadata(true);
  readElements(body.getElementsByTagName('meta'), nested, { doiNamed: MAX_DOI_NAMED_METAS });
  if (nested.doiMetas.length === 0 && !nested.scholarly) return metadata;
  return { ...nested, canonical: metadata.canonical, licenseLinks: metadata.licenseLinks, pdfLink: metadata.pdfLink };
}

/** The first stored value of a meta, trimmed, or null. */
export function firstValue(metadata: PageMetadata, name: string): string | null {
  const values = metadata.values.get(name);
  if (!values) return null;
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed) return trimmed;
  }
  return null;
}

function emptyMetadata(inBody: boolean): PageMetadata {
  return {
    values: new Map(),
    doiMetas: [],
    scholarly: false,
    inBody,
    canonical: null,
    licenseLinks: [],
    pdfLink: null,
  };
}

/** Reads the metas and links among `elements` (other elements are skipped), up to the caps. */
function readElements(elements: HTMLCollection, into: PageMetadata, budget: Budget): void {
  const total = Math.min(elements.length, MAX_ELEMENTS);
  for (let i = 0; i < total; i++) {
    const element = elements[i];
    // localName, unlike tagName, is lower-case in XHTML documents too.
    if (element?.localName === 'meta') readMetaElement(element, into, budget);
    else if (element?.localName === 'link') readLink(element, into);
  }
}

function readMetaElement(meta: Element, into: PageMetadata, budget: Budget): void {
  // `content` is read only for metas detection uses: most of a head is authors and references.
  const name = metaKey(meta.getAttribute('name'));
  const property = metaKey(meta.getAttribute('property'));
  const id = name === null && property === null ? metaKey(meta.getAttribute('id')) : null;
  for (const key of [name, property === name ? null : property, id]) {
    if (key === null) continue;
    markScholarly(key, into);
    if (DOI_NAMES.has(key) || READ_NAMES.has(key)) readMeta(meta, key, into, budget);
  }
}

function readMeta(meta: Element, key: string, into: PageMetadata, budget: Budget): void {
  const rank = DOI_NAMES.get(key);
  if (rank !== undefined) {
    if (budget.doiNamed <= 0) return;
    budget.doiNamed--;
  }
  const content = meta.getAttribute('content');
  if (content === null || content.length > MAX_VALUE_LENGTH) return;
  if (rank !== undefined) {
    if (into.doiMetas.length >= MAX_DOI_METAS || !allowsDoi(meta.getAttribute('scheme'))) return;
    const doi = normalizeDoi(content);
    if (doi !== null && !into.doiMetas.some((m) => m.name === key && m.doi === doi)) {
      into.doiMetas.push({ doi, name: key, rank });
    }
    return;
  }
  const values = into.values.get(key);
  if (!values) into.values.set(key, [content]);
  else if (values.length < MAX_VALUES_PER_NAME) values.push(content);
}

function markScholarly(key: string, into: PageMetadata): void {
  if (into.scholarly || CITING_NAMES.has(key)) return;
  if (SCHOLARLY_PREFIXES.some((prefix) => key.startsWith(prefix))) into.scholarly = true;
}

/** `scheme` absent, or naming DOI (`doi`, `DOI`, `info:doi`, `dcterms.DOI`); `publisher-id`, `URI`… are not. */
function allowsDoi(scheme: string | null): boolean {
  if (scheme === null) return true;
  const normal = scheme.trim().toLowerCase();
  return normal === '' || /(?:^|[:.\s])doi$/.test(normal);
}

function metaKey(attr: string | null): string | null {
  if (attr === null || attr.length > MAX_NAME_LENGTH) return null;
  const key = attr.trim().toLowerCase().replaceAll(':', '.');
  return key === '' ? null : key;
}

function readLink(link: Element, into: PageMetadata): void {
  const rel = link.getAttribute('rel');
  const href = link.getAttribute('href');
  if (!rel || !href || href.length > MAX_VALUE_LENGTH || rel.length > MAX_NAME_LENGTH) return;
  const tokens = rel.toLowerCase().split(/\s+/);
  if (tokens.includes('canonical') && into.canonical === null) into.canonical = href;
  if (tokens.includes('license') && into.licenseLinks.length < MAX_VALUES_PER_NAME) into.licenseLinks.push(href);
  if (tokens.includes('alternate') && into.pdfLink === null) {
    const type = link.getAttribute('type');
    if (type !== null && type.trim().toLowerCase() === 'application/pdf') into.pdfLink = href;
  }
}
