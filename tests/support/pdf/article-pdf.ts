import { PdfWriter, pdfString, pdfTextHex, utf8 } from './pdf-writer';

/**
 * Test PDFs shaped like articles, written object by object with {@link PdfWriter}: pages of Helvetica text (each
 * line a `Tj`, or a `TJ` of pieces with kerning between them), link annotations with URI actions, a scanned page
 * (one image, no text), XMP metadata, an Info dictionary with any keys, an OpenAction script, encryption.
 */

export interface TestPage {
  /** Lines from the top of the page; a line given as pieces is written as one `TJ` with kerning between them. */
  lines?: (string | string[])[];
  /** Link annotations (URI actions), placed one under another in the left margin. */
  links?: string[];
  /** The page is one grey image, as a scanner makes it: no text at all. */
  scan?: boolean;
}

export interface TestPdf {
  pages: TestPage[];
  /** A whole XMP packet, for the catalog's `/Metadata` stream. */
  xmp?: string;
  /** Info dictionary entries, e.g. `{ Title: '…', Subject: '…', doi: '…' }`; values outside Latin-1 go as UTF-16. */
  info?: Record<string, string>;
  /** JavaScript run on opening, by a reader that runs scripts (an `/OpenAction` JavaScript action). */
  openActionScript?: string;
  /** An XFA form (an XDP document) that readers with XFA turned on draw instead of the pages. */
  xfa?: string;
  /** An encryption dictionary whose check values no password matches: every reader must ask for one. */
  locked?: boolean;
}

const LINE_HEIGHT = 14;
const TOP = 760;

export function articlePdf(spec: TestPdf): Uint8Array {
  const writer = new PdfWriter();
  const catalog = writer.reserve();
  const pagesNode = writer.reserve();
  const font = writer.object('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageNumbers = spec.pages.map((page) => writePage(writer, page, pagesNode, font));
  writer.object(
    `<< /Type /Pages /Kids [${pageNumbers.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNumbers.length} >>`,
    pagesNode,
  );
  const extras: string[] = [];
  if (spec.xmp !== undefined) {
    extras.push(`/Metadata ${writer.stream('/Type /Metadata /Subtype /XML', utf8(spec.xmp))} 0 R`);
  }
  if (spec.openActionScript !== undefined) {
    extras.push(`/OpenAction << /S /JavaScript /JS ${pdfString(spec.openActionScript)} >>`);
  }
  if (spec.xfa !== undefined) {
    extras.push(`/NeedsRendering true /AcroForm << /Fields [] /XFA ${writer.stream('', utf8(spec.xfa))} 0 R >>`);
  }
  writer.object(`<< /Type /Catalog /Pages ${pagesNode} 0 R ${extras.join(' ')} >>`, catalog);
  const trailer: string[] = [];
  if (spec.info) trailer.push(`/Info ${writer.object(infoDictionary(spec.info))} 0 R`);
  if (spec.locked) {
    const check = `<${'5A'.repeat(32)}>`;
    const encrypt = writer.object(`<< /Filter /Standard /V 1 /R 2 /O ${check} /U ${check} /P -4 >>`);
    trailer.push(`/Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`);
  }
  return writer.build(catalog, trailer.join(' '));
}

function writePage(writer: PdfWriter, page: TestPage, parent: number, font: number): number {
  const resources: string[] = [`/Font << /F1 ${font} 0 R >>`];
  let content = textContent(page.lines ?? []);
  if (page.scan) {
    const image = writer.stream(
      '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8',
      '\x40\x80\xc0\xff',
    );
    resources.push(`/XObject << /Im1 ${image} 0 R >>`);
    content += 'q 450 0 0 650 80 80 cm /Im1 Do Q\n';
  }
  const contents = writer.stream('', content);
  const annots = (page.links ?? []).map((url, index) => {
    const y = TOP - index * LINE_HEIGHT;
    return writer.object(
      `<< /Type /Annot /Subtype /Link /Rect [20 ${y} 60 ${y + 10}] /Border [0 0 0] /A << /S /URI /URI ${pdfString(url)} >> >>`,
    );
  });
  const annotsEntry = annots.length ? `/Annots [${annots.map((n) => `${n} 0 R`).join(' ')}]` : '';
  return writer.object(
    `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 612 792] /Resources << ${resources.join(' ')} >> ` +
      `/Contents ${contents} 0 R ${annotsEntry} >>`,
  );
}

/** Each line at its own height (`Td` to the next line), so PDF.js reports a line end after it. */
function textContent(lines: (string | string[])[]): string {
  if (lines.length === 0) return '';
  const shown = lines.map((line, index) => {
    const move = index === 0 ? `72 ${TOP} Td` : `0 ${-LINE_HEIGHT} Td`;
    const show = typeof line === 'string' ? `${pdfString(line)} Tj` : `[${line.map(pdfString).join(' -15 ')}] TJ`;
    return `${move} ${show}`;
  });
  return `BT /F1 10 Tf\n${shown.join('\n')}\nET\n`;
}

function infoDictionary(info: Record<string, string>): string {
  const entries = Object.entries(info).map(([key, value]) => {
    // Printable ASCII goes as a literal string; anything else as UTF-16, as producers write it.
    const written = /^[\x20-\x7e]*$/.test(value) ? pdfString(value) : pdfTextHex(value);
    return `/${key} ${written}`;
  });
  return `<< ${entries.join(' ')} >>`;
}

/** A page of text only. */
export const textPage = (...lines: (string | string[])[]): TestPage => ({ lines });

/** A PDF of `count` pages of body text, with `first` (if any) as its first page. */
export function longPdf(count: number, first: TestPage = textPage('Page 1')): Uint8Array {
  const pages = [first];
  for (let n = 2; n <= count; n++) pages.push(textPage(`Page ${n}`, 'Body text of a long report, read page by page.'));
  return articlePdf({ pages });
}
