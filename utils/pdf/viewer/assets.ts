import { browser } from 'wxt/browser';
import type { PdfAssets } from '../open-pdf';

/**
 * PDF.js's parts as the build copies them into the extension (build/pdfjs-assets.ts): every one is loaded from
 * the extension's own origin, so the viewer needs neither a CDN nor blob workers.
 */
export function extensionPdfAssets(): PdfAssets {
  const url = (path: string) => browser.runtime.getURL(`/pdfjs/${path}` as '/');
  return {
    workerSrc: url('pdf.worker.min.mjs'),
    cMapUrl: url('cmaps/'),
    standardFontDataUrl: url('standard_fonts/'),
    wasmUrl: url('wasm/'),
  };
}
