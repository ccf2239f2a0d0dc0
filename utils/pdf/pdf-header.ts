/**
 * Whether bytes start like a PDF: `%PDF-` within the first 1024 bytes, where the PDF specification lets readers
 * look for it (some producers put junk before it). Checked before PDF.js sees the bytes, so a web page or an image
 * gets "not a PDF" rather than "damaged PDF", and the reader learns what they actually got.
 */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.byteLength, HEADER_WINDOW) - MARK.length;
  for (let at = 0; at <= end; at++) {
    let match = true;
    for (let i = 0; i < MARK.length && match; i++) match = bytes[at + i] === MARK[i];
    if (match) return true;
  }
  return false;
}

const HEADER_WINDOW = 1024;
/** `%PDF-` in ASCII. */
const MARK = [0x25, 0x50, 0x44, 0x46, 0x2d];
