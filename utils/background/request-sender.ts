import type { PanelClaim } from '../protocol/panel-claim';
import type { PanelTickets } from './panel-tickets';
import type { RequestSender } from './services';
import { isViewerPage } from './viewer-page';

/** What the browser says of a message's sender (`runtime.MessageSender`), as far as the rules need it. */
interface BrowserSender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
  documentId?: string;
}

/**
 * Who sent a request, from what the browser tells (never from the message): its tab and frame, whether it is one
 * of the extension's pages, whether that page is the tab's panel (its ticket) or the tab's PDF viewer (its address,
 * in the top frame).
 */
export async function requestSenderOf(
  sender: BrowserSender,
  claim: PanelClaim | null,
  context: { fromExtensionPage(url: string | undefined): boolean; viewerPage: string; tickets: PanelTickets },
): Promise<RequestSender> {
  const tabId = sender.tab?.id ?? null;
  const extensionPage = context.fromExtensionPage(sender.url);
  return {
    tabId,
    frameId: sender.frameId ?? null,
    fromExtensionPage: extensionPage,
    url: sender.url ?? null,
    documentId: sender.documentId ?? null,
    panelBound: extensionPage && tabId !== null && (await context.tickets.accepts(tabId, claim)),
    viewer: extensionPage && tabId !== null && sender.frameId === 0 && isViewerPage(sender.url, context.viewerPage),
  };
}
