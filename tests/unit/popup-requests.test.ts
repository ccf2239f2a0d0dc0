import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type BackgroundServices, handleRequest, type RequestSender } from '../../utils/background/handle-request';
import { runCommand } from '../../utils/background/panel-command';
import { bundledCatalog } from '../../utils/catalog/bundled';
import { createCatalogIndex } from '../../utils/catalog/lookup';
import type { CatalogEntry } from '../../utils/catalog/schema';
import { storageFailure } from '../../utils/db/result';
import { article, type BackgroundWorld, makeBackgroundWorld } from '../support/background-world';
import { expectOk, makeHighlight } from '../support/unit/db-fixtures';

const TAB = 12;
const CLUB_DOI = '10.1186/s12913-020-05145-1';
/** The popup: an extension page that belongs to no tab. */
const popup: RequestSender = {
  tabId: null,
  frameId: null,
  fromExtensionPage: true,
  url: 'chrome-extension://x/popup.html',
};
/** A content script on a web page, which must not be able to drive the popup's requests. */
const webPage: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: false, url: 'https://example.org/' };

/** A second entry, as a subscribed feed would add it: posted later than the (undated) seed entry. */
const feedEntry: CatalogEntry = {
  ...(bundledCatalog[0] as CatalogEntry),
  id: 'feed-entry',
  dois: ['10.5555/feed.1', '10.5555/feed.preprint'],
  title: { en: 'A feed article', fr: 'Un article du fil' },
  articleUrls: [],
  published: '2025-06',
};

/** The popup's world: the bundled catalog and one feed entry; the popup never touches feeds. */
async function makeWorld() {
  const world = await makeBackgroundWorld({
    name: 'popup-requests-test',
    catalog: createCatalogIndex([...bundledCatalog, feedEntry]),
    detectorTab: TAB,
  });
  world.services.feeds = new Proxy({} as BackgroundServices['feeds'], {
    get: () => {
      throw new Error('the popup must not use feeds');
    },
  });
  return world;
}

let world: BackgroundWorld;
beforeEach(async () => {
  world = await makeWorld();
});

/** The page reports its article as the detector does, so the registry holds what a real tab would. */
async function detected(doi: string) {
  world.page.article = article(doi);
  await handleRequest(
    { type: 'article-detected', article: article(doi) },
    { ...webPage, url: 'https://example.org/a' },
    world.services,
  );
  world.injected.length = 0;
  world.sent.length = 0;
  world.events.length = 0;
}

describe('the tab status', () => {
  it('is "no article" on a page without one, or on a tab the detector cannot reach', async () => {
    expect(await handleRequest({ type: 'tab-status', tabId: TAB }, popup, world.services)).toEqual({
      ok: true,
      value: { kind: 'no-article' },
    });
    expect(await handleRequest({ type: 'tab-status', tabId: 999 }, popup, world.services)).toEqual({
      ok: true,
      value: { kind: 'no-article' },
    });
  });

  it('names an article the club has not discussed by its page title', async () => {
    world.page.article = article('10.5555/elsewhere', 'Elsewhere');
    expect(await handleRequest({ type: 'tab-status', tabId: TAB }, popup, world.services)).toEqual({
      ok: true,
      value: { kind: 'not-in-catalog', doi: '10.5555/elsewhere', title: 'Elsewhere' },
    });
  });

  it('finds the club entry for any of its DOIs', async () => {
    world.page.article = article('10.5555/FEED.PREPRINT');
    const reply = await handleRequest({ type: 'tab-status', tabId: TAB }, popup, world.services);
    expect(reply.ok && reply.value).toEqual({
      kind: 'club-article',
      entryId: 'feed-entry',
      doi: '10.5555/FEED.PREPRINT',
      title: feedEntry.title,
    });
  });

  it('follows the page, not the registry: a tab that moved on to a page without a DOI has no article', async () => {
    await detected(CLUB_DOI);
    world.page.article = null;
    const reply = await handleRequest({ type: 'tab-status', tabId: TAB }, popup, world.services);
    expect(reply.ok && reply.value).toEqual({ kind: 'no-article' });
    // Asking changes nothing.
    expect(world.session.size).toBe(1);
  });
});

describe('the reading list', () => {
  it('lists every entry, newest post first, with highlight counts across each entry’s DOIs', async () => {
    expectOk(
      await world.store.saveMany([
        makeHighlight({ doi: '10.1186/S12913-020-05145-1' }),
        makeHighlight({ doi: CLUB_DOI }),
        makeHighlight({ doi: '10.5555/feed.preprint', entryId: 'feed-entry' }),
      ]),
    );
    const reply = await handleRequest({ type: 'reading-list' }, popup, world.services);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.value.highlightsError).toBeNull();
    expect(reply.value.entries.map((entry) => [entry.id, entry.highlights, entry.articleUrl])).toEqual([
      ['feed-entry', 1, 'https://doi.org/10.5555/feed.1'],
      ['albers-2020', 2, 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1'],
    ]);
  });

  it('still lists the entries, without counts and with the reason, when the highlights cannot be read', async () => {
    world.services.highlights = {
      ...world.store,
      countPerDoiKey: async () =>
        storageFailure(new DOMException('disk gone', 'UnknownError'), 'highlights-not-loaded'),
    };
    const reply = await handleRequest({ type: 'reading-list' }, popup, world.services);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.value.entries.map((entry) => entry.highlights)).toEqual([null, null]);
    expect(reply.value.highlightsError).toMatch(/highlights could not be loaded/);
  });
});

describe('opening the panel from the popup', () => {
  it('opens a panel closed for the page and asks the page to focus it', async () => {
    await detected(CLUB_DOI);
    await handleRequest(
      { type: 'panel-layout', layout: 'closed' },
      { ...webPage, fromExtensionPage: true, frameId: 3, panelBound: true },
      world.services,
    );
    world.sent.length = 0;
    expect(await handleRequest({ type: 'panel-open', tabId: TAB }, popup, world.services)).toEqual({
      ok: true,
      value: 'opened',
    });
    expect(world.injected).toEqual([TAB]);
    expect(world.sent).toEqual([{ type: 'panel-focus' }]);
  });

  it('only focuses a panel already open: no reload, so a note being typed survives', async () => {
    await detected(CLUB_DOI);
    expect(await handleRequest({ type: 'panel-open', tabId: TAB }, popup, world.services)).toEqual({
      ok: true,
      value: 'opened',
    });
    expect(world.injected).toEqual([]);
    expect(world.sent).toEqual([{ type: 'panel-focus' }]);
  });

  it('unfolds a collapsed panel (and remembers it open for the article) before focusing it', async () => {
    await detected(CLUB_DOI);
    await handleRequest(
      { type: 'panel-layout', layout: 'collapsed' },
      { ...webPage, fromExtensionPage: true, frameId: 3, panelBound: true },
      world.services,
    );
    world.sent.length = 0;
    expect(world.collapsed.get(CLUB_DOI)).toBe(true);
    await handleRequest({ type: 'panel-open', tabId: TAB }, popup, world.services);
    expect(world.injected).toEqual([]);
    expect(world.sent).toEqual([{ type: 'panel-layout', layout: 'open' }, { type: 'panel-focus' }]);
    expect(world.events).toEqual([{ type: 'layout', layout: 'open' }]);
    expect(world.collapsed.get(CLUB_DOI)).toBe(false);
  });

  it('says so, and sends nothing to the page, when the page shows no club article', async () => {
    world.page.article = article('10.5555/elsewhere');
    expect(await handleRequest({ type: 'panel-open', tabId: TAB }, popup, world.services)).toEqual({
      ok: true,
      value: 'no-club-article',
    });
    expect(world.injected).toEqual([]);
    expect(world.sent).toEqual([]);
  });

  it('refuses the popup’s requests from a web page’s scripts, and malformed tab ids', async () => {
    world.page.article = article(CLUB_DOI);
    for (const request of [
      { type: 'panel-open', tabId: TAB },
      { type: 'tab-status', tabId: TAB },
      { type: 'reading-list' },
    ] as const) {
      const reply = await handleRequest(request, webPage, world.services);
      expect(reply.ok, request.type).toBe(false);
    }
    expect(world.injected).toEqual([]);
    const { parseBackgroundRequest } = await import('../../utils/protocol/requests');
    for (const tabId of [-1, 1.5, '12', null]) {
      expect(parseBackgroundRequest({ type: 'panel-open', tabId })).toBeNull();
    }
  });
});

describe('the keyboard command', () => {
  it('opens and focuses the panel on a club article, without opening the popup', async () => {
    await detected(CLUB_DOI);
    await handleRequest(
      { type: 'panel-layout', layout: 'closed' },
      { ...webPage, fromExtensionPage: true, frameId: 3, panelBound: true },
      world.services,
    );
    world.sent.length = 0;
    const openPopup = vi.fn(async () => undefined);
    await runCommand('open-panel', TAB, world.services, openPopup);
    expect(world.injected).toEqual([TAB]);
    expect(world.sent).toEqual([{ type: 'panel-focus' }]);
    expect(openPopup).not.toHaveBeenCalled();
  });

  it('opens the popup instead on a page without a club article, or without a tab', async () => {
    world.page.article = article('10.5555/elsewhere');
    const openPopup = vi.fn(async () => undefined);
    await runCommand('open-panel', TAB, world.services, openPopup);
    await runCommand('open-panel', undefined, world.services, openPopup);
    expect(openPopup).toHaveBeenCalledTimes(2);
    expect(world.injected).toEqual([]);
    expect(world.sent).toEqual([]);
  });

  it('does nothing visible when the browser will not open the popup, and ignores other commands', async () => {
    const refused = vi.fn(async () => {
      throw new Error('openPopup needs a user gesture');
    });
    await expect(runCommand('open-panel', TAB, world.services, refused)).resolves.toBeUndefined();
    world.page.article = article(CLUB_DOI);
    const openPopup = vi.fn(async () => undefined);
    await runCommand('_execute_action', TAB, world.services, openPopup);
    expect(openPopup).not.toHaveBeenCalled();
    expect(world.injected).toEqual([]);
  });

  it('passes the highlight steps to the tab, where only a club article’s page listens, and opens nothing', async () => {
    const openPopup = vi.fn(async () => undefined);
    await runCommand('next-highlight', TAB, world.services, openPopup);
    await runCommand('previous-highlight', TAB, world.services, openPopup);
    await runCommand('next-highlight', undefined, world.services, openPopup);
    expect(world.sent).toEqual([
      { type: 'highlight-step', direction: 'next' },
      { type: 'highlight-step', direction: 'previous' },
    ]);
    expect(openPopup).not.toHaveBeenCalled();
    expect(world.injected).toEqual([]);
  });
});
