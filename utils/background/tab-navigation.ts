import type { PanelTicket } from './panel-tickets';
import type { BackgroundServices } from './services';

/** Asks the tab's top frame whether the document a ticket or record belongs to is still the one shown. */
export interface DocumentProbe {
  /** Whether the panel script that holds `ticket` still answers for it (the same document). */
  holdsTicket(tabId: number, ticket: PanelTicket): Promise<boolean>;
  /** Whether the document with this id (Chromium) is still the tab's top document. */
  documentAlive(tabId: number, documentId: string): Promise<boolean>;
}

/**
 * Called when the tab's address or loading state changes. A tab whose top frame moved to another document (the
 * reader followed a link from the article) loses its panel ticket and its record, so the next page never gets
 * the old panel or its data, even in a frame that has the old panel's address (review F1). A change inside the
 * same document (a fragment, `history.pushState`) keeps both: the same script still answers. Each removal checks
 * that nothing was written meanwhile, so the new document's own report and ticket are never dropped.
 */
export async function forgetIfLeft(tabId: number, services: BackgroundServices, probe: DocumentProbe): Promise<void> {
  const [ticket, record] = await Promise.all([services.panelTickets.get(tabId), services.tabs.get(tabId)]);
  if (ticket && !(await probe.holdsTicket(tabId, ticket))) await services.panelTickets.forgetIf(tabId, ticket.token);
  else if (ticket || !record?.documentId) return;
  // The record may already be the new document's own report (a reload reports before this runs): keep it then.
  if (!record || (record.documentId && (await probe.documentAlive(tabId, record.documentId)))) return;
  await services.tabs.forgetIf(tabId, record);
}
