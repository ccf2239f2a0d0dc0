import { doiFromUrl, doiKey } from '../../article/doi';
import { type DoiFamily, distinctFamilies, doiFamilies } from './doi-family';
import type { PageEvidence } from './page-evidence';
import type { DoiMention } from './text-mentions';

/**
 * Which DOI is the PDF's own article, from everything read so far. Pure: the pdfjs reading is elsewhere
 * (read-pdf.ts), so each rule is tested on plain strings. Sources are tried in order, cheapest and most
 * deliberate first: the address, XMP, the Info dictionary, the text, link annotations, an arXiv stamp. A source
 * that names several articles is not trusted blindly, and when no source settles it the answer is "not found":
 * showing no club is better than showing the club of a paper the article merely cites.
 */

export type PdfDoiSource = 'address' | 'xmp' | 'info' | 'page-text' | 'link' | 'arxiv';

export interface PdfDoi {
  doi: string;
  source: PdfDoiSource;
}

export interface PdfDoiEvidence {
  /** The PDF's address, when it was opened from one. */
  address: string | null;
  /** DOIs the XMP packet states (parsed and raw, see xmp-dois.ts). */
  xmp: readonly string[];
  /** DOIs the Info dictionary states (a `doi` key, Subject, Keywords). */
  info: readonly string[];
  /** Pages read so far: the first pages in order, then the last ones. */
  pages: readonly PageEvidence[];
}

/** `read-more`: the answer may change with pages not read yet; `not-found`: no page to come would change it. */
export type PdfDoiChoice = PdfDoi | 'not-found' | 'read-more';

/** Link annotations count on the first pages only, where the article's header and citation line are. */
export const LINK_PAGES = 3;

export function chooseArticleDoi(evidence: PdfDoiEvidence, morePages: boolean): PdfDoiChoice {
  const fromAddress = evidence.address ? doiFromUrl(evidence.address) : null;
  if (fromAddress) return { doi: fromAddress, source: 'address' };
  const { front, back } = frontAndBack(evidence.pages);
  const seen = [
    ...front.map(({ mention }) => mention.doi),
    ...evidence.pages.filter((page) => page.number <= LINK_PAGES).flatMap((page) => page.linkDois),
  ];
  for (const [source, stated] of [
    ['xmp', evidence.xmp],
    ['info', evidence.info],
  ] as const) {
    const choice = fromMetadata(stated, seen, morePages);
    if (choice === 'read-more') return choice;
    if (choice) return { doi: choice, source };
  }
  const text = fromText(front, back, morePages);
  if (text === 'read-more') return text;
  if (text) return { doi: text, source: 'page-text' };
  const links = single(
    distinctFamilies(evidence.pages.filter((p) => p.number <= LINK_PAGES).flatMap((p) => p.linkDois)),
  );
  if (links) return { doi: links.doi, source: 'link' };
  const arxiv = evidence.pages.find((page) => page.number === 1)?.arxivDoi;
  return arxiv ? { doi: arxiv, source: 'arxiv' } : 'not-found';
}

/**
 * Metadata naming one article is the publisher's word. Naming several (a producer that copied the references
 * into `dc:identifier`, or a crafted file), it counts only for the one the pages themselves also name.
 */
function fromMetadata(
  stated: readonly string[],
  seen: readonly string[],
  morePages: boolean,
): string | 'read-more' | null {
  const families = distinctFamilies(stated);
  if (families.length <= 1) return families[0]?.doi ?? null;
  const joint = doiFamilies([...stated, ...seen]);
  const seenKeys = new Set(seen.map((doi) => joint.get(doiKey(doi))?.key));
  const named = new Set(families.map((family) => joint.get(family.key)?.key));
  const corroborated = [...named].filter((key) => seenKeys.has(key));
  if (corroborated.length === 1) return stated.find((doi) => joint.get(doiKey(doi))?.key === corroborated[0]) ?? null;
  return morePages ? 'read-more' : null;
}

/**
 * The text's rule: before any references heading, one article named → it. Several → the one labelled `DOI` in
 * capitals, else the one named on the most pages (a running header), else none. Nothing before the references →
 * the back matter's one `DOI`-labelled DOI (a "Cite this article" box after the references), else none.
 */
function fromText(
  front: readonly FrontMention[],
  back: readonly DoiMention[],
  morePages: boolean,
): string | 'read-more' | null {
  const families = doiFamilies(front.map(({ mention }) => mention.doi));
  const frontFamilies = distinctFamilies(front.map(({ mention }) => mention.doi));
  if (frontFamilies.length === 1) return frontFamilies[0]?.doi ?? null;
  if (frontFamilies.length > 1) {
    const labelled = distinctFamilies(
      front.filter(({ mention }) => mention.label === 'DOI').map(({ mention }) => mention.doi),
    );
    if (labelled.length === 1) return labelled[0]?.doi ?? null;
    if (morePages) return 'read-more';
    return mostPages(frontFamilies, front, families);
  }
  if (morePages) return 'read-more';
  return (
    single(distinctFamilies(back.filter((mention) => mention.label === 'DOI').map((mention) => mention.doi)))?.doi ??
    null
  );
}

/** The family named on the most pages, when it is named on two or more and strictly more than any other. */
function mostPages(
  candidates: readonly DoiFamily[],
  front: readonly FrontMention[],
  families: Map<string, DoiFamily>,
): string | null {
  const pagesOf = new Map<string, Set<number>>();
  for (const { mention, page } of front) {
    const key = families.get(doiKey(mention.doi))?.key;
    if (key === undefined) continue;
    const set = pagesOf.get(key) ?? new Set<number>();
    set.add(page);
    pagesOf.set(key, set);
  }
  const ranked = candidates
    .map((family) => ({ family, pages: pagesOf.get(family.key)?.size ?? 0 }))
    .sort((a, b) => b.pages - a.pages);
  const [first, second] = ranked;
  if (!first || first.pages < 2 || (second && second.pages === first.pages)) return null;
  return first.family.doi;
}

interface FrontMention {
  mention: DoiMention;
  page: number;
}

/**
 * The front: mentions on the first pages before the first references heading, where the article names itself.
 * The back: the reference list on, the last pages (back matter), and in-text citations, which name other works.
 */
function frontAndBack(pages: readonly PageEvidence[]): { front: FrontMention[]; back: DoiMention[] } {
  const front: FrontMention[] = [];
  const back: DoiMention[] = [];
  let inReferences = false;
  for (const page of pages) {
    if (page.trailing || inReferences) {
      back.push(...page.beforeReferences, ...(page.fromReferences ?? []));
      continue;
    }
    for (const mention of page.beforeReferences) {
      if (mention.label === 'cited') back.push(mention);
      else front.push({ mention, page: page.number });
    }
    if (page.fromReferences) {
      inReferences = true;
      back.push(...page.fromReferences);
    }
  }
  return { front, back };
}

const single = (families: readonly DoiFamily[]): DoiFamily | null =>
  families.length === 1 ? (families[0] ?? null) : null;
