import { ARTICLE_QUERY } from '../protocol/detector-messages';
import type { DocumentProbe } from './tab-navigation';

/** The one call of `browser.tabs` the probe makes; `documentId` is Chromium's, which the typings lack. */
interface TabMessenger {
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

/**
 * Asks a tab's documents whether they are still the ones the background knows: the panel script that holds a
 * ticket, or (Chromium) a document by its id. Each question is a message that only a live document answers.
 */
export function createDocumentProbe(tabs: TabMessenger): DocumentProbe {
  return {
    holdsTicket: async (tabId, ticket) => {
      const target = ticket.documentId ? { documentId: ticket.documentId } : { frameId: 0 };
      const answer = await tabs.sendMessage(tabId, { type: 'panel-ticket-check' }, target as { frameId: number }).then(
        (token: unknown) => ({ token }),
        () => null,
      );
      // Chromium addresses the very document the ticket was issued to: that it answers at all means the tab still
      // shows it. Its script may not have stored a ticket it is still being sent, so the token is not compared.
      if (ticket.documentId) return answer !== null;
      return answer?.token === ticket.token;
    },
    documentAlive: async (tabId, documentId) =>
      tabs.sendMessage(tabId, { type: ARTICLE_QUERY }, { documentId } as unknown as { frameId: number }).then(
        () => true,
        () => false,
      ),
  };
}
