import { normalizeDoi } from '../../article/doi';

/**
 * The DOI properties of an XMP packet, read from its raw XML. PDF.js's own XMP parser keeps only properties
 * written as child elements of `rdf:Description`; producers also write them as attributes
 * (`<rdf:Description prism:doi="10.…">`), which it drops. This reads both forms, without an XML parser: the packet
 * is the file's, so each scan is a bounded walk with `indexOf`, never a backtracking pattern over the whole text.
 */

/** The XMP properties publishers put a DOI in (compared without regard to case). */
export const XMP_DOI_PROPERTIES = ['prism:doi', 'pdfx:doi', 'crossmark:doi', 'dc:identifier', 'prism:url'];
/** Real packets are a few kilobytes; a page of padding at most. */
const MAX_XMP_CHARS = 1 << 20;
const MAX_VALUES = 200;

/** Every DOI the packet states, in order, in either form. */
export function xmpDois(raw: string): string[] {
  const xml = raw.slice(0, MAX_XMP_CHARS);
  const lower = xml.toLowerCase();
  const dois: string[] = [];
  for (const name of XMP_DOI_PROPERTIES) {
    for (const value of [...elementValues(xml, lower, name), ...attributeValues(xml, lower, name)]) {
      if (dois.length >= MAX_VALUES) return dois;
      const doi = normalizeDoi(decodeEntities(value));
      if (doi) dois.push(doi);
    }
  }
  return dois;
}

/** `<name …>value</name>`, with any nested markup (`rdf:Alt`, `rdf:li`) removed from the value. */
function* elementValues(xml: string, lower: string, name: string): Generator<string> {
  const open = `<${name}`;
  const close = `</${name}>`;
  for (let at = lower.indexOf(open); at >= 0; at = lower.indexOf(open, at + 1)) {
    const after = lower[at + open.length];
    if (after !== '>' && after !== ' ' && after !== '\t' && after !== '\n' && after !== '\r') continue;
    const contentStart = lower.indexOf('>', at);
    if (contentStart < 0 || lower[contentStart - 1] === '/') continue;
    const end = lower.indexOf(close, contentStart);
    if (end < 0) return;
    yield xml.slice(contentStart + 1, end).replace(/<[^>]*>/g, ' ');
    at = end;
  }
}

/** `name="value"` or `name='value'` inside a tag. */
function* attributeValues(xml: string, lower: string, name: string): Generator<string> {
  for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length)) {
    const before = lower[at - 1];
    if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r') continue;
    let cursor = at + name.length;
    while (lower[cursor] === ' ') cursor++;
    if (lower[cursor] !== '=') continue;
    cursor++;
    while (lower[cursor] === ' ') cursor++;
    const quote = lower[cursor];
    if (quote !== '"' && quote !== "'") continue;
    const end = lower.indexOf(quote, cursor + 1);
    if (end < 0) return;
    yield xml.slice(cursor + 1, end);
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,4});/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
