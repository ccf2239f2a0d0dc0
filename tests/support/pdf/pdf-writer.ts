/**
 * A minimal PDF writer for tests: numbered objects, streams, a cross-reference table with real byte offsets and
 * a trailer. Enough to hand-write the files the PDF tests need (text, metadata, links, scripts, images, broken
 * files) without a PDF library, and to see in each test exactly which bytes a reader is given.
 */

const encoder = new TextEncoder();

/** Bytes of a Latin-1 string (PDF syntax and our test content are single-byte). */
export function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** A PDF literal string: `(…)` with its delimiters and backslashes escaped. */
export function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A PDF text string in UTF-16BE with a byte-order mark, as hex, for Info values outside Latin-1. */
export function pdfTextHex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

export class PdfWriter {
  private readonly bodies: Uint8Array[] = [];

  /** Reserves an object number, for objects that refer to each other (a page and its parent). */
  reserve(): number {
    this.bodies.push(new Uint8Array(0));
    return this.bodies.length;
  }

  /** Adds (or fills a reserved) object with a dictionary, array or other PDF value written as text. */
  object(body: string, number = this.reserve()): number {
    this.bodies[number - 1] = latin1(body);
    return number;
  }

  /** Adds a stream object; `data` as text is written byte for byte (Latin-1), UTF-8 when given as bytes. */
  stream(dictionary: string, data: string | Uint8Array, number = this.reserve()): number {
    const bytes = typeof data === 'string' ? latin1(data) : data;
    const head = latin1(`<< ${dictionary} /Length ${bytes.byteLength} >>\nstream\n`);
    const tail = latin1('\nendstream');
    this.bodies[number - 1] = concat([head, bytes, tail]);
    return number;
  }

  /** The whole file: header, objects, xref, trailer (`trailer` adds keys such as `/Info 3 0 R`). */
  build(root: number, trailer = ''): Uint8Array {
    const parts: Uint8Array[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
    let offset = parts[0]?.byteLength ?? 0;
    const offsets: number[] = [];
    this.bodies.forEach((body, index) => {
      offsets.push(offset);
      const chunk = concat([latin1(`${index + 1} 0 obj\n`), body, latin1('\nendobj\n')]);
      parts.push(chunk);
      offset += chunk.byteLength;
    });
    const rows = offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
    const size = this.bodies.length + 1;
    parts.push(
      latin1(
        `xref\n0 ${size}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${size} /Root ${root} 0 R ${trailer} >>\n` +
          `startxref\n${offset}\n%%EOF\n`,
      ),
    );
    return concat(parts);
  }
}

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
