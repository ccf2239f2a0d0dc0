/**
 * How the panel frame proves it is the frame its tab's panel script created. That script asks the background for
 * a ticket (a random token bound to its own document) and hands it to the frame in the frame's address fragment;
 * the frame sits in a closed shadow root, so the page never sees the address. The frame sends the ticket, with the
 * origins of the documents that embed it (`location.ancestorOrigins`, Chromium only), with every request and in
 * its port's name. Any other frame showing panel.html (an ad's, a page's reached later in the tab) has no ticket,
 * or a stale one, and is answered nothing.
 */
export interface PanelClaim {
  ticket: string;
  /** The embedding documents' origins, nearest first; null where the browser does not tell (Firefox). */
  ancestors: string[] | null;
}

/** The key under which a panel request carries its claim, beside the request's own fields. */
export const CLAIM_KEY = 'panelClaim';
/** The panel port's name is this prefix followed by the claim as JSON. */
export const PANEL_PORT_PREFIX = 'panel:';

const TICKET = /^[A-Za-z0-9-]{16,64}$/;
const MAX_ANCESTORS = 8;

/** Validates a claim that crossed a boundary; null for anything malformed. */
export function parseClaim(value: unknown): PanelClaim | null {
  if (typeof value !== 'object' || value === null) return null;
  const { ticket, ancestors } = value as Record<string, unknown>;
  if (typeof ticket !== 'string' || !TICKET.test(ticket)) return null;
  if (ancestors === null) return { ticket, ancestors: null };
  if (!Array.isArray(ancestors) || ancestors.length > MAX_ANCESTORS) return null;
  if (!ancestors.every((origin) => typeof origin === 'string' && origin.length <= 300)) return null;
  return { ticket, ancestors: ancestors as string[] };
}

/** Splits an incoming message into the request and the claim it carries (null when it carries none). */
export function splitClaim(message: unknown): { request: unknown; claim: PanelClaim | null } {
  if (typeof message !== 'object' || message === null || !(CLAIM_KEY in message)) {
    return { request: message, claim: null };
  }
  const { [CLAIM_KEY]: claim, ...request } = message as Record<string, unknown>;
  return { request, claim: parseClaim(claim) };
}

/** The claim a panel port's name carries, or null. */
export function claimFromPortName(name: string): PanelClaim | null {
  if (!name.startsWith(PANEL_PORT_PREFIX) || name.length > 4_096) return null;
  try {
    return parseClaim(JSON.parse(name.slice(PANEL_PORT_PREFIX.length)));
  } catch {
    return null;
  }
}

/** The port name for a claim. */
export const portNameFor = (claim: PanelClaim): string => `${PANEL_PORT_PREFIX}${JSON.stringify(claim)}`;

/** The ticket in the panel frame's own address (`#<ticket>`), or null. */
export function ticketFromHash(hash: string): string | null {
  const ticket = hash.replace(/^#/, '');
  return TICKET.test(ticket) ? ticket : null;
}
