import { createHtmlIntegration } from './html';
import type { DocumentIntegration } from './integration';

export { DEFAULT_SETTLE_MS, type DocumentIntegration } from './integration';

/**
 * The integration for the document the content script was injected into: always an HTML page. PDFs are read in
 * the extension's own viewer page, which builds its integration over PDF.js's pages (`pdf.ts`); the callers are
 * the same (see `integration.ts`).
 */
export function createIntegration(doc: Document): DocumentIntegration {
  return createHtmlIntegration(doc);
}
