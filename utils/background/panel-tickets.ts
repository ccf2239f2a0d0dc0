import { inOrder } from '../in-order';
import type { PanelClaim } from '../protocol/panel-claim';
import type { SessionArea } from './tab-registry';

/** The ticket a tab's panel script was given, and the document it was given to. */
export interface PanelTicket {
  token: string;
  /** The origin of the article page that asked: the panel frame's one and only ancestor. */
  origin: string;
  /** Chromium's id of that document; absent in Firefox, which has none. */
  documentId?: string;
}

/**
 * The one current panel ticket of each tab (review F1). Kept in session storage beside the tab records, because a
 * stopped MV3 service worker must still recognise the panel when it speaks again. A new ticket replaces the old
 * one, so a frame the script removed, or one on a page the tab has left, is refused from then on.
 */
export function createPanelTickets(area: SessionArea, newToken: () => string) {
  const key = (tabId: number) => `ticket:${tabId}`;
  // One operation at a time, so that `forgetIf` never removes a ticket issued between its read and its removal.
  const queue = inOrder();
  const read = async (tabId: number): Promise<PanelTicket | null> =>
    ((await area.get(key(tabId)))[key(tabId)] as PanelTicket | undefined) ?? null;
  const get = (tabId: number) => queue(() => read(tabId));
  return {
    get,
    issue: (tabId: number, origin: string, documentId: string | undefined): Promise<string> =>
      queue(async () => {
        const token = newToken();
        await area.set({ [key(tabId)]: { token, origin, ...(documentId && { documentId }) } satisfies PanelTicket });
        return token;
      }),
    /**
     * Whether `claim` comes from the tab's current panel: its current ticket, and embedded directly by a page of
     * the origin that asked for it (where the browser tells the frame's ancestors).
     */
    async accepts(tabId: number, claim: PanelClaim | null): Promise<boolean> {
      const ticket = claim && (await get(tabId));
      if (!claim || !ticket || ticket.token !== claim.ticket) return false;
      return claim.ancestors === null || (claim.ancestors.length === 1 && claim.ancestors[0] === ticket.origin);
    },
    forget: (tabId: number): Promise<void> => queue(() => area.remove(key(tabId))),
    /** Forgets the tab's ticket only if it is still the one with this token. */
    forgetIf: (tabId: number, token: string): Promise<void> =>
      queue(async () => {
        if ((await read(tabId))?.token === token) await area.remove(key(tabId));
      }),
  };
}

export type PanelTickets = ReturnType<typeof createPanelTickets>;
