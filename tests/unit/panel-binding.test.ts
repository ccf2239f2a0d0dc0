import { describe, expect, it } from 'vitest';
import { handleRequest, type RequestSender } from '../../utils/background/handle-request';
import { createPanelTickets } from '../../utils/background/panel-tickets';
import { forgetIfLeft } from '../../utils/background/tab-navigation';
import { createTabRegistry } from '../../utils/background/tab-registry';
import { createUndoStore, UNDO_KEPT_MS } from '../../utils/background/undo-store';
import { claimFromPortName, portNameFor, splitClaim } from '../../utils/protocol/panel-claim';
import { article, makeBackgroundWorld } from '../support/background-world';
import { mapSessionArea } from '../support/session-area';

const TAB = 4;
const ORIGIN = 'https://example.org';
const TOKEN = '0f8a6c2e-1b4d-4e59-9a7f-3c2d1e0b9a88';

describe('panel tickets (review F1)', () => {
  const tickets = () => createPanelTickets(mapSessionArea(new Map()), () => TOKEN);

  it.each([
    ['the current ticket, embedded by the article page', { ticket: TOKEN, ancestors: [ORIGIN] }, true],
    ['the current ticket where the browser gives no ancestors (Firefox)', { ticket: TOKEN, ancestors: null }, true],
    ['the ticket inside a third-party frame', { ticket: TOKEN, ancestors: ['https://ads.example', ORIGIN] }, false],
    ['the ticket on another page', { ticket: TOKEN, ancestors: ['https://elsewhere.example'] }, false],
    ['another ticket', { ticket: 'ffffffff-1b4d-4e59-9a7f-3c2d1e0b9a88', ancestors: [ORIGIN] }, false],
    ['no ticket', null, false],
  ])('%s: accepted %s', async (_name, claim, accepted) => {
    const store = tickets();
    await store.issue(TAB, ORIGIN, 'doc-1');
    expect(await store.accepts(TAB, claim)).toBe(accepted);
    expect(await store.accepts(TAB + 1, claim)).toBe(false);
  });

  it('refuses every claim once the ticket is forgotten', async () => {
    const store = tickets();
    await store.issue(TAB, ORIGIN, undefined);
    await store.forget(TAB);
    expect(await store.accepts(TAB, { ticket: TOKEN, ancestors: null })).toBe(false);
  });

  it('carries the claim in a port name and beside a request, and drops malformed ones', () => {
    const claim = { ticket: TOKEN, ancestors: [ORIGIN] };
    expect(claimFromPortName(portNameFor(claim))).toEqual(claim);
    expect(claimFromPortName('panel')).toBeNull();
    expect(claimFromPortName('panel:{"ticket":"x"}')).toBeNull();
    expect(splitClaim({ type: 'highlights', panelClaim: claim })).toEqual({ request: { type: 'highlights' }, claim });
    expect(splitClaim({ type: 'highlights' })).toEqual({ request: { type: 'highlights' }, claim: null });
  });
});

describe('the background answers only the bound panel', () => {
  it('refuses panel requests from an extension frame without the ticket, and answers the bound one', async () => {
    const world = await makeBackgroundWorld({ name: 'panel-binding-test' });
    const page: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: false, url: `${ORIGIN}/a` };
    await handleRequest(
      { type: 'article-detected', article: article('10.1186/s12913-020-05145-1') },
      page,
      world.services,
    );
    const ticket = await handleRequest({ type: 'panel-ticket' }, page, world.services);
    expect(ticket.ok).toBe(true);
    const stranger: RequestSender = {
      tabId: TAB,
      frameId: 5,
      fromExtensionPage: true,
      url: 'chrome-extension://x/panel.html',
    };
    for (const type of ['highlights', 'panel-state', 'export'] as const) {
      const request = type === 'export' ? { type, format: 'markdown' as const } : { type };
      expect((await handleRequest(request, stranger, world.services)).ok).toBe(false);
      expect((await handleRequest(request, { ...stranger, panelBound: true }, world.services)).ok).toBe(true);
    }
    // A sub-frame of the page cannot ask for a ticket either.
    expect((await handleRequest({ type: 'panel-ticket' }, { ...page, frameId: 2 }, world.services)).ok).toBe(false);
  });

  it('forgets the ticket and the record when the tab has left the document, not when it has not', async () => {
    const world = await makeBackgroundWorld({ name: 'panel-binding-nav-test' });
    const page: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: false, url: `${ORIGIN}/a` };
    await handleRequest(
      { type: 'article-detected', article: article('10.1186/s12913-020-05145-1') },
      page,
      world.services,
    );
    await handleRequest({ type: 'panel-ticket' }, page, world.services);
    const stays = { holdsTicket: async () => true, documentAlive: async () => true };
    await forgetIfLeft(TAB, world.services, stays);
    expect(await world.services.panelTickets.get(TAB)).not.toBeNull();
    expect(await world.services.tabs.get(TAB)).not.toBeNull();
    const left = { holdsTicket: async () => false, documentAlive: async () => false };
    await forgetIfLeft(TAB, world.services, left);
    expect(await world.services.panelTickets.get(TAB)).toBeNull();
    expect(await world.services.tabs.get(TAB)).toBeNull();
  });

  it('keeps a reloaded page’s own report, though it says what the old one said (Firefox: no document ids)', async () => {
    const world = await makeBackgroundWorld({ name: 'panel-binding-reload-test' });
    const page: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: false, url: `${ORIGIN}/a` };
    const report = () =>
      handleRequest({ type: 'article-detected', article: article('10.1186/s12913-020-05145-1') }, page, world.services);
    await report();
    await handleRequest({ type: 'panel-ticket' }, page, world.services);
    // The tab reloads: the new document reports the same article, and only then is the old ticket found unanswered.
    let reported: Promise<unknown> = Promise.resolve();
    const reloaded = {
      holdsTicket: async () => {
        reported = report();
        await reported;
        return false;
      },
      documentAlive: async () => false,
    };
    await forgetIfLeft(TAB, world.services, reloaded);
    await reported;
    expect(await world.services.tabs.get(TAB)).toMatchObject({ entryId: expect.any(String), layout: 'open' });
    expect((await handleRequest({ type: 'panel-state' }, page, world.services)).ok).toBe(true);
  });

  it('never forgets a record written while it decides (the check and the removal are one step)', async () => {
    // Storage that answers a moment later, in the order it was asked, as storage.session does; the new report is
    // written the moment the old record has been read.
    const area = mapSessionArea(new Map());
    const later = <T>(answer: () => Promise<T>) => new Promise((go) => setTimeout(go, 5)).then(answer);
    let onRead = () => {};
    const slow = {
      get: (key: string | null) => {
        const answer = later(() => area.get(key));
        onRead();
        return answer;
      },
      set: (items: Record<string, unknown>) => later(() => area.set(items)),
      remove: (key: string) => later(() => area.remove(key)),
    };
    const tabs = createTabRegistry(slow);
    const old = { article: null, entryId: 'e', layout: 'open' as const, report: 'old' };
    const fresh = { ...old, report: 'new' };
    await tabs.set(TAB, old);
    let writing: Promise<void> = Promise.resolve();
    onRead = () => {
      onRead = () => {};
      writing = tabs.set(TAB, fresh);
    };
    await tabs.forgetIf(TAB, old);
    await writing;
    expect(await tabs.get(TAB)).toEqual(fresh);
  });
});

describe('the undo kept in the background', () => {
  it('offers the last delete for a while, then forgets it', async () => {
    let clock = 0;
    const undo = createUndoStore(mapSessionArea(new Map()), () => new Date(clock));
    const highlight = { id: 'h1' } as Parameters<typeof undo.keep>[1];
    await undo.keep(TAB, highlight);
    clock += UNDO_KEPT_MS - 1;
    expect(await undo.last(TAB)).toEqual(highlight);
    expect(await undo.last(TAB + 1)).toBeNull();
    clock += 1;
    expect(await undo.last(TAB)).toBeNull();
  });
});
