import * as v from 'valibot';

/**
 * What the authoring page prefills from: the source page's bibliographic `<meta>` tags (Highwire `citation_*`,
 * Dublin Core `dc.*`, PRISM, Open Graph), its canonical link and its address, as plain data.
 */
export interface PageMetadata {
  url: string;
  canonical: string | null;
  /** `[name, content]` in document order, names lower-cased; a name may repeat (one `citation_author` each). */
  meta: [string, string][];
}

/**
 * What the source page handed over, checked: it ran in a page we do not control, which may have replaced any
 * global the collector uses. The bounds are the collector's own, so a hostile page cannot hand over megabytes.
 */
const pageText = v.pipe(v.string(), v.maxLength(4_096));
export const PageMetadataSchema = v.object({
  url: pageText,
  canonical: v.nullable(pageText),
  meta: v.pipe(v.array(v.tuple([v.pipe(v.string(), v.maxLength(200)), pageText])), v.maxLength(500)),
}) satisfies v.GenericSchema<unknown, PageMetadata>;

/**
 * Reads the metadata of `doc`. It is injected into the source tab on demand (`scripting.executeScript` with
 * `func`), so it is self-contained: no imports and no names from outside its body, which the browser could not
 * carry over. Reference lists (`citation_reference`, dozens per page) are skipped, being other articles' data.
 */
export function collectPageMetadata(doc: Document = document): PageMetadata {
  const maxTags = 500;
  const maxLength = 4_096;
  const meta: [string, string][] = [];
  for (const element of Array.from(doc.querySelectorAll('meta[name], meta[property]'))) {
    if (meta.length >= maxTags) break;
    const name = (element.getAttribute('name') ?? element.getAttribute('property') ?? '').trim().toLowerCase();
    const content = element.getAttribute('content')?.trim() ?? '';
    if (!/^(citation_|dc\.|prism\.|og:)/.test(name) || name === 'citation_reference' || content === '') continue;
    meta.push([name, content.slice(0, maxLength)]);
  }
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? null;
  const base = doc.location?.href ?? doc.URL;
  let canonicalUrl: string | null = null;
  try {
    canonicalUrl = canonical === null ? null : new URL(canonical, base).href.slice(0, maxLength);
  } catch {
    canonicalUrl = null;
  }
  return { url: base.slice(0, maxLength), canonical: canonicalUrl, meta };
}
