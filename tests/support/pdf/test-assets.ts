import workerSrc from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PdfAssets } from '../../../utils/pdf/open-pdf';

/**
 * PDF.js's parts as vitest's browser mode serves them from node_modules, standing in for the extension's
 * `runtime.getURL` addresses in DOM tests.
 */
export const testPdfAssets: PdfAssets = {
  workerSrc,
  cMapUrl: '/node_modules/pdfjs-dist/cmaps/',
  standardFontDataUrl: '/node_modules/pdfjs-dist/standard_fonts/',
  wasmUrl: '/node_modules/pdfjs-dist/wasm/',
};
