import { normalizeDoi } from '../article/doi';
import { httpUrl } from '../article/http-url';
import { formatCitation } from './citation';
import { suggestEntryId } from './entry-id';
import { type AuthoringForm, blankForm } from './form';
import type { PageMetadata } from './page-metadata';

/** What the detector already knows about the source tab's article (its DOI rules are the extension's own). */
export interface DetectedArticle {
  doi: string;
  title: string | null;
  pdfUrl: string | null;
  canonicalUrl: string;
}

/** The first value of the first name that has one: tags are listed from the most to the least specific. */
function first(metadata: PageMetadata, ...names: string[]): string {
  for (const name of names) {
    const found = metadata.meta.find(([key]) => key === name);
    if (found) return found[1].trim();
  }
  return '';
}

const all = (metadata: PageMetadata, name: string) =>
  metadata.meta.filter(([key]) => key === name).map(([, value]) => value.trim().replace(/\s+/g, ' '));

/** An http(s) address, made absolute against the page's; anything else is not prefilled. */
const address = (raw: string, base: string): string => (raw === '' ? '' : (httpUrl(raw, base)?.href ?? ''));

/**
 * The form prefilled from the source page: the detector's DOI first (it already chose among the page's many),
 * then the Highwire tags publishers print for Google Scholar, then Dublin Core and PRISM. The club's fields come
 * from `club` (the organiser's last entry), because a page knows nothing of the club.
 */
export function prefillForm(
  metadata: PageMetadata | null,
  article: DetectedArticle | null,
  club: Pick<AuthoringForm, 'clubNameEn' | 'clubNameFr' | 'clubUrl'> | null = null,
): AuthoringForm {
  const form = { ...blankForm(), ...club };
  const page: PageMetadata = metadata ?? { url: article?.canonicalUrl ?? '', canonical: null, meta: [] };
  const doi =
    article?.doi ?? normalizeDoi(first(page, 'citation_doi', 'dc.identifier', 'prism.doi', 'dc.identifier.doi')) ?? '';
  const title = first(page, 'citation_title', 'dc.title', 'og:title') || (article?.title ?? '');
  const citationAuthors = all(page, 'citation_author');
  const authors = citationAuthors.length > 0 ? citationAuthors : all(page, 'dc.creator');
  const date = first(
    page,
    'citation_publication_date',
    'citation_date',
    'citation_online_date',
    'prism.publicationdate',
    'dc.date',
  );
  const year = /\b(1[6-9]\d\d|20\d\d)\b/.exec(date)?.[1] ?? '';
  const canonical = address(page.canonical ?? '', page.url) || address(article?.canonicalUrl ?? '', page.url);
  const pdfUrl = address(first(page, 'citation_pdf_url'), page.url) || address(article?.pdfUrl ?? '', page.url);
  return {
    ...form,
    id: suggestEntryId(authors[0], year, title),
    dois: doi,
    titleEn: title,
    authors: authors.join('\n'),
    citation: formatCitation({
      authors,
      year,
      title,
      journal: first(page, 'citation_journal_title', 'prism.publicationname', 'dc.source'),
      volume: first(page, 'citation_volume', 'prism.volume'),
      issue: first(page, 'citation_issue', 'prism.number'),
      firstPage: first(page, 'citation_firstpage', 'prism.startingpage'),
      lastPage: first(page, 'citation_lastpage', 'prism.endingpage'),
      doi,
    }),
    year,
    articleUrls: canonical || address(page.url, page.url),
    pdfUrl,
  };
}
