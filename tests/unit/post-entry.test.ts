import { beforeEach, describe, expect, it } from 'vitest';
import { handleRequest, type RequestSender } from '../../utils/background/handle-request';
import { ARRIVAL_KEPT_MS } from '../../utils/background/post-memory';
import { postPageChanged } from '../../utils/background/post-page';
import { bundledCatalog } from '../../utils/catalog/bundled';
import { createCatalogIndex } from '../../utils/catalog/lookup';
import type { CatalogEntry } from '../../utils/catalog/schema';
import { article, type BackgroundWorld, makeBackgroundWorld } from '../support/background-world';

const TAB = 7;
const albers = bundledCatalog[0] as CatalogEntry;
const CLUB_DOI = '10.1186/s12913-020-05145-1';
const POST = albers.postUrl;
const OPEN_COPY = 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1';
/** An entry whose club knows only the DOI: its article opens through doi.org. */
const doiOnly: CatalogEntry = {
  ...albers,
  id: 'doi-only',
  dois: ['10.5555/doi.only'],
  title: { en: 'Known by its DOI', fr: 'Connu par son DOI' },
  articleUrls: [],
  postUrl: 'https://club.example/?p=42',
};

/** The post notice's script on the post page (a content script in the top frame). */
const onPage = (url: string): RequestSender => ({ tabId: TAB, frameId: 0, fromExtensionPage: false, url });
const popup: RequestSender = { tabId: null, frameId: null, fromExtensionPage: true, url: 'chrome-extension://x/p' };

let world: BackgroundWorld;
beforeEach(async () => {
  world = await makeBackgroundWorld({
    name: 'post-entry-test',
    catalog: createCatalogIndex([albers, doiOnly]),
  });
});

describe('a tab showing a club post', () => {
  it.each([
    ['the post address', POST],
    ['the post shared with campaign parameters and a fragment', `${POST}?utm_source=newsletter#comments`],
  ])('is marked POST and offered the notice: %s', async (_, address) => {
    await postPageChanged(TAB, address, world.services);
    expect(world.indicators.map((indicator) => indicator.badgeText)).toEqual(['POST']);
    expect(world.indicators[0]?.title).toContain("read the article with the club's questions");
    expect(world.notices).toEqual([TAB]);
  });

  it('changes nothing on a page that is not a post, nor on the club’s list of posts', async () => {
    await postPageChanged(TAB, 'https://example.org/', world.services);
    await postPageChanged(TAB, 'https://researchimpact.ca/kmb-journal-club/', world.services);
    expect(world.indicators).toEqual([]);
    expect(world.notices).toEqual([]);
    expect(world.sent).toEqual([]);
  });

  it('leaves a post page that is itself the club article to its panel', async () => {
    world.page.article = article(CLUB_DOI);
    await postPageChanged(TAB, POST, world.services);
    expect(world.indicators).toEqual([]);
    expect(world.notices).toEqual([]);
  });

  it('takes the notice and the badge away when the address leaves the post in place', async () => {
    await postPageChanged(TAB, POST, world.services);
    world.page.notice = true;
    world.page.article = article('10.5555/elsewhere');
    await postPageChanged(TAB, 'https://researchimpact.ca/kmb-journal-club/', world.services);
    expect(world.indicators.map((indicator) => indicator.badgeText)).toEqual(['POST', 'DOI']);
    // Only once: the tab is no longer marked.
    await postPageChanged(TAB, 'https://researchimpact.ca/other/', world.services);
    expect(world.indicators).toHaveLength(2);
  });

  it('leaves the badge of a new document to the browser and its detector', async () => {
    await postPageChanged(TAB, POST, world.services);
    world.page.notice = false;
    await postPageChanged(TAB, 'https://example.org/', world.services);
    expect(world.indicators.map((indicator) => indicator.badgeText)).toEqual(['POST']);
  });

  it('keeps saying POST when the post carries another article’s DOI', async () => {
    await handleRequest({ type: 'article-detected', article: article('10.5555/cited') }, onPage(POST), world.services);
    expect(world.indicators.map((indicator) => indicator.badgeText)).toEqual(['POST']);
  });
});

describe('the post notice’s requests', () => {
  it('offer the article by the sending document’s address, and nothing elsewhere', async () => {
    expect(await handleRequest({ type: 'post-notice' }, onPage(`${POST}#respond`), world.services)).toEqual({
      ok: true,
      value: { title: 'Implementation support practitioners – a proposal for consolidating a diverse evidence base' },
    });
    expect(await handleRequest({ type: 'post-notice' }, onPage('https://example.org/'), world.services)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('offer nothing more on that entry’s post once dismissed, in any tab', async () => {
    await handleRequest({ type: 'post-notice-dismiss' }, onPage(POST), world.services);
    expect(await handleRequest({ type: 'post-notice' }, onPage(POST), world.services)).toEqual({
      ok: true,
      value: null,
    });
    expect(await handleRequest({ type: 'post-notice' }, { ...onPage(POST), tabId: 8 }, world.services)).toMatchObject({
      value: null,
    });
    expect(await handleRequest({ type: 'post-notice' }, onPage(doiOnly.postUrl), world.services)).toMatchObject({
      value: { title: 'Known by its DOI' },
    });
  });

  it('open the open-access copy next to the post, or the DOI when the club knows no copy', async () => {
    expect(await handleRequest({ type: 'post-notice-read' }, onPage(POST), world.services)).toEqual({
      ok: true,
      value: 'opened',
    });
    await handleRequest({ type: 'post-notice-read' }, onPage(doiOnly.postUrl), world.services);
    expect(world.openedTabs).toEqual([
      { url: OPEN_COPY, openerTabId: TAB, tabId: 100 },
      { url: 'https://doi.org/10.5555/doi.only', openerTabId: TAB, tabId: 101 },
    ]);
  });

  it('open nothing from a page that is not a post', async () => {
    expect(await handleRequest({ type: 'post-notice-read' }, onPage('https://example.org/'), world.services)).toEqual({
      ok: true,
      value: 'no-club-post',
    });
    expect(world.openedTabs).toEqual([]);
  });

  it.each([
    ['an extension page', popup],
    ['a subframe of the post', { ...onPage(POST), frameId: 3 }],
  ])('are refused from %s', async (_, sender) => {
    for (const type of ['post-notice', 'post-notice-read', 'post-notice-dismiss'] as const) {
      expect((await handleRequest({ type }, sender, world.services)).ok).toBe(false);
    }
    expect(world.openedTabs).toEqual([]);
  });
});

describe('the popup on a club post', () => {
  it('says which article the post discusses', async () => {
    world.page.address = POST;
    expect(await handleRequest({ type: 'tab-status', tabId: TAB }, popup, world.services)).toEqual({
      ok: true,
      value: { kind: 'club-post', entryId: albers.id, title: albers.title },
    });
  });

  it('prefers a club article shown on the post page, and the post to any other DOI there', async () => {
    world.page.address = POST;
    world.page.article = article(CLUB_DOI);
    expect(await handleRequest({ type: 'tab-status', tabId: TAB }, popup, world.services)).toMatchObject({
      value: { kind: 'club-article' },
    });
    world.page.article = article('10.5555/cited');
    expect(await handleRequest({ type: 'tab-status', tabId: TAB }, popup, world.services)).toMatchObject({
      value: { kind: 'club-post' },
    });
  });

  it('opens the article of the post the tab shows; a page cannot ask it', async () => {
    world.page.address = `${POST}#comments`;
    expect(await handleRequest({ type: 'post-read', tabId: TAB }, popup, world.services)).toEqual({
      ok: true,
      value: 'opened',
    });
    expect(world.openedTabs).toEqual([{ url: OPEN_COPY, openerTabId: TAB, tabId: 100 }]);
    expect((await handleRequest({ type: 'post-read', tabId: TAB }, onPage(POST), world.services)).ok).toBe(false);
    world.page.address = 'https://example.org/';
    expect(await handleRequest({ type: 'post-read', tabId: TAB }, popup, world.services)).toEqual({
      ok: true,
      value: 'no-club-post',
    });
    expect(world.openedTabs).toHaveLength(1);
  });
});

describe('arriving at the article from its post', () => {
  const ARTICLE_TAB = 100;
  const inArticleTab = (url = OPEN_COPY): RequestSender => ({ ...onPage(url), tabId: ARTICLE_TAB });
  const detectIn = (doi: string) =>
    handleRequest({ type: 'article-detected', article: article(doi) }, inArticleTab(), world.services);

  beforeEach(async () => {
    await world.services.articleState.setCollapsed(CLUB_DOI, true);
    await handleRequest({ type: 'post-notice-read' }, onPage(POST), world.services);
  });

  it('opens the panel unfolded, even on an article the reader had folded, and moves focus into it', async () => {
    await detectIn(CLUB_DOI);
    expect((await world.services.tabs.get(ARTICLE_TAB))?.layout).toBe('open');
    expect(world.injected).toEqual([ARTICLE_TAB]);
    expect(world.sent).toContainEqual({ type: 'panel-focus' });
    expect(world.collapsed.get(CLUB_DOI)).toBe(false);
  });

  it('does so once: the next report in that tab follows the reader’s choice again', async () => {
    await detectIn(CLUB_DOI);
    await world.services.articleState.setCollapsed(CLUB_DOI, true);
    world.sent.length = 0;
    await detectIn(CLUB_DOI);
    expect((await world.services.tabs.get(ARTICLE_TAB))?.layout).toBe('collapsed');
    expect(world.sent).not.toContainEqual({ type: 'panel-focus' });
  });

  it('waits past another article on the way (a landing page) for the right one', async () => {
    await world.services.articleState.setCollapsed('10.5555/doi.only', true);
    await detectIn('10.5555/doi.only');
    expect((await world.services.tabs.get(ARTICLE_TAB))?.layout).toBe('collapsed');
    await detectIn(CLUB_DOI);
    expect((await world.services.tabs.get(ARTICLE_TAB))?.layout).toBe('open');
  });

  it('is forgotten after a while, and in every other tab', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, onPage(OPEN_COPY), world.services);
    expect((await world.services.tabs.get(TAB))?.layout).toBe('collapsed');
    const later = Date.now() + ARRIVAL_KEPT_MS + 1_000;
    world.services.now = () => new Date(later);
    await world.services.posts.expectArrival(ARTICLE_TAB, albers.id, Date.now());
    await detectIn(CLUB_DOI);
    expect((await world.services.tabs.get(ARTICLE_TAB))?.layout).toBe('collapsed');
    expect(world.sent).not.toContainEqual({ type: 'panel-focus' });
  });
});
