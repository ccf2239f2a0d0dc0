/**
 * XMP packets for test PDFs, in the two forms producers write: properties as child elements of
 * `rdf:Description` (which PDF.js's parser reads) and as attributes of it (which PDF.js's parser drops).
 */

const NAMESPACES =
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" ' +
  'xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/" xmlns:crossmark="http://crossref.org/crossmark/1.0/"';

function packet(description: string): string {
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    `${description}\n</rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>`
  );
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Properties as elements; `dc:title` goes in its language alternative, as XMP requires. */
export function xmpElements(properties: Record<string, string>): string {
  const children = Object.entries(properties).map(([name, value]) =>
    name === 'dc:title'
      ? `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></dc:title>`
      : `<${name}>${escapeXml(value)}</${name}>`,
  );
  return packet(`<rdf:Description rdf:about="" ${NAMESPACES}>${children.join('')}</rdf:Description>`);
}

/** Properties as attributes of `rdf:Description` (how some producers write simple values). */
export function xmpAttributes(properties: Record<string, string>): string {
  const attributes = Object.entries(properties).map(([name, value]) => `${name}="${escapeXml(value)}"`);
  return packet(`<rdf:Description rdf:about="" ${NAMESPACES} ${attributes.join(' ')}/>`);
}
