import { describe, expect, it } from 'vitest';
import { handleRequest, type RequestSender } from '../../utils/background/handle-request';
import { paintsOn } from '../../utils/background/page-trust';
import { requestSenderOf } from '../../utils/background/request-sender';
import { isViewerPage } from '../../utils/background/viewer-page';
import { bundledCatalog } from '../../utils/catalog/bundled';
import { article, makeBackgroundWorld } from '../support/background-world';

const TAB = 7;
const VIEWER = 'chrome-extension://abc/pdf.html';
const DOI = '10.1186/s12913-020-05145-1';
const tickets = { accepts: async () => false } as never;
const senderOf = (sender: Parameters<typeof requestSenderOf>[0]) =>
  requestSenderOf(sender, null, {
    fromExtensionPage: (url) => Boolean(url?.startsWith('chrome-extension://abc/')),
    viewerPage: VIEWER,
    tickets,
  });

describe('the PDF viewer as its tab’s page', () => {
  it.each([
    ['the viewer with a file', `${VIEWER}?file=https%3A%2F%2Fexample.org%2Fa.pdf`, true],
    ['the viewer without one', VIEWER, true],
    ['another page of the extension', 'chrome-extension://abc/popup.html', false],
    ['a look-alike address', 'chrome-extension://abc/pdf.html.evil', false],
  ])('%s is the viewer: %s', (_, url, viewer) => {
    expect(isViewerPage(url, VIEWER)).toBe(viewer);
  });

  it('is the viewer only in the top frame of a tab', async () => {
    expect((await senderOf({ tab: { id: TAB }, frameId: 0, url: `${VIEWER}?file=x` })).viewer).toBe(true);
    expect((await senderOf({ tab: { id: TAB }, frameId: 3, url: `${VIEWER}?file=x` })).viewer).toBe(false);
    expect((await senderOf({ frameId: 0, url: VIEWER })).viewer).toBe(false);
    expect((await senderOf({ tab: { id: TAB }, frameId: 0, url: 'https://example.org/pdf.html' })).viewer).toBe(false);
  });

  it('reports the article and gets a panel ticket as a content script does; other extension pages do not', async () => {
    const world = await makeBackgroundWorld({ name: 'pdf-viewer-sender-test' });
    const viewer: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: true, url: VIEWER, viewer: true };
    const detected = { type: 'article-detected' as const, article: article(DOI) };
    const popup: RequestSender = { ...viewer, url: 'chrome-extension://abc/popup.html', viewer: false };
    expect((await handleRequest(detected, popup, world.services)).ok).toBe(false);
    expect(await handleRequest(detected, viewer, world.services)).toEqual({ ok: true, value: 'club-article' });
    expect((await handleRequest({ type: 'panel-ticket' }, viewer, world.services)).ok).toBe(true);
    // A panel request is still the bound panel's alone.
    expect((await handleRequest({ type: 'highlights' }, viewer, world.services)).ok).toBe(false);
  });

  it('paints the reader’s highlights in the viewer, which no web page can read', () => {
    const entry = bundledCatalog[0];
    if (!entry) throw new Error('no bundled entry');
    expect(paintsOn(`${VIEWER}?file=x`, entry, [], [])).toBe(true);
    expect(paintsOn('https://stranger.example/a', entry, [], [])).toBe(false);
  });
});
