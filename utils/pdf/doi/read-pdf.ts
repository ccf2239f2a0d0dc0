import type { PDFDocumentProxy } from 'pdfjs-dist';
import { normalizeDoi } from '../../article/doi';
import { doiMentions } from './text-mentions';
import { xmpDois } from './xmp-dois';

/**
 * The thin seam to PDF.js for the DOI finder: metadata and one page at a time, each read capped in time and
 * size, and each failure turned into "nothing here" (a damaged page or packet must not end the search).
 */

/** One page's text extraction; a crafted page can take the worker long, and the finder then goes without it. */
const PAGE_TIMEOUT_MS = 5_000;
/** A page of an article holds a few thousand characters; a table of numbers perhaps 100,000. */
const MAX_PAGE_CHARS = 200_000;
const MAX_TITLE_CHARS = 300;

export interface PdfMetadataFacts {
  xmpDois: string[];
  infoDois: string[];
  title: string | null;
}

export async function readMetadata(pdf: PDFDocumentProxy): Promise<PdfMetadataFacts> {
  const read = await withTimeout(pdf.getMetadata(), PAGE_TIMEOUT_MS).catch(() => null);
  if (read === null) return { xmpDois: [], infoDois: [], title: null };
  const info = (read.info ?? {}) as Record<string, unknown>;
  const metadata = read.metadata as { get(name: string): unknown; getRaw(): unknown } | null;
  const parsed = ['prism:doi', 'pdfx:doi', 'dc:identifier'].map((name) => asString(metadata?.get(name)));
  const raw = asString(metadata?.getRaw());
  return {
    xmpDois: [...parsed.flatMap((value) => doiOf(value)), ...xmpDois(raw)],
    infoDois: infoDois(info),
    title: cleanTitle(asString(metadata?.get('dc:title'))) ?? cleanTitle(asString(info.Title)),
  };
}

/** `Custom` holds the keys the PDF specification does not define; PDF.js gives it as a Map. */
function infoDois(info: Record<string, unknown>): string[] {
  const custom = info.Custom instanceof Map ? [...info.Custom] : Object.entries((info.Custom as object) ?? {});
  const fromKeys = custom.filter(([key]) => /doi/i.test(String(key))).flatMap(([, value]) => doiOf(asString(value)));
  const fromProse = [info.Subject, info.Keywords].flatMap((value) =>
    doiMentions(asString(value).slice(0, MAX_PAGE_CHARS)).map((mention) => mention.doi),
  );
  return [...fromKeys, ...fromProse];
}

export interface PageRead {
  text: string;
  linkUrls: string[];
}

/** Page `number`'s text (a line end where PDF.js marks one) and its link annotations' addresses. */
export async function readPage(pdf: PDFDocumentProxy, number: number): Promise<PageRead> {
  const page = await withTimeout(pdf.getPage(number), PAGE_TIMEOUT_MS).catch(() => null);
  if (page === null) return { text: '', linkUrls: [] };
  const [content, annotations] = await Promise.all([
    withTimeout(page.getTextContent(), PAGE_TIMEOUT_MS).catch(() => null),
    withTimeout(page.getAnnotations(), PAGE_TIMEOUT_MS).catch(() => null),
  ]);
  let text = '';
  for (const item of content?.items ?? []) {
    if (!('str' in item)) continue;
    text += item.hasEOL ? `${item.str}\n` : item.str;
    if (text.length > MAX_PAGE_CHARS) break;
  }
  const linkUrls = (annotations ?? []).flatMap((annotation: { url?: unknown; unsafeUrl?: unknown }) => {
    const url = asString(annotation.url) || asString(annotation.unsafeUrl);
    return url ? [url.slice(0, 2048)] : [];
  });
  return { text: text.slice(0, MAX_PAGE_CHARS), linkUrls };
}

/** For display only: whitespace collapsed, invisible characters dropped, cut to a line's length. */
function cleanTitle(value: string): string | null {
  const title = value
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (title === '') return null;
  return title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1)}…` : title;
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');
const doiOf = (value: string): string[] => {
  const doi = value ? normalizeDoi(value) : null;
  return doi ? [doi] : [];
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
