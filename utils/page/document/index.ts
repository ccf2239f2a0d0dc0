import { createHtmlIntegration } from './html';
import type { DocumentIntegration } from './integration';

export type { DocumentIntegration } from './integration';

/**
 * The integration for the document the content script was injected into. Every club article is an HTML page
 * today; a PDF viewer's page (PDF.js, its `#viewer` with text layers) is told apart here when PDF support comes,
 * and its callers need not change (see `integration.ts`).
 */
export function createIntegration(doc: Document): DocumentIntegration {
  return createHtmlIntegration(doc);
}
