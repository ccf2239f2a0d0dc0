import { beforeEach, describe, expect, it } from 'vitest';
import { openPanelAfresh } from '../../utils/background/article-requests';
import { followCatalogChange } from '../../utils/background/catalog-change';
import { handleRequest, type RequestSender } from '../../utils/background/handle-request';
import { newFeedRecord } from '../../utils/db/feed-record';
import { addFeed, deleteFeed } from '../../utils/db/feeds';
import { nextFeedRecord } from '../../utils/feeds/next-record';
import { article, type BackgroundWorld, makeBackgroundWorld } from '../support/background-world';

const TAB = 7;
const PAGE_URL = 'https://example.org/article';
const page: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: false, url: PAGE_URL };
const panelPage: RequestSender = {
  tabId: TAB,
  frameId: 3,
  fromExtensionPage: true,
  url: 'chrome-extension://x/panel.html',
  // The background checked its ticket (panel-tickets.ts); tests/unit/panel-binding.test.ts covers the refusals.
  panelBound: true,
};

const CLUB_DOI = '10.1186/S12913-020-05145-1';
const newWorld = () => makeBackgroundWorld({ name: 'handle-request-test' });

let world: BackgroundWorld;
beforeEach(async () => {
  world = await newWorld();
});

describe('article reports', () => {
  it('injects the panel and marks the toolbar button for a club article, whatever the DOI case', async () => {
    const reply = await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    expect(reply).toEqual({ ok: true, value: 'club-article' });
    expect(world.injected).toEqual([TAB]);
    expect(world.indicators.at(-1)?.badgeText).toBe('JC');
    expect(world.indicators.at(-1)?.title).toContain('Research Impact Canada — KMb Journal Club');
  });

  it('marks an article the club has not discussed, without a panel', async () => {
    const reply = await handleRequest(
      { type: 'article-detected', article: article('10.1000/xyz') },
      page,
      world.services,
    );
    expect(reply).toEqual({ ok: true, value: 'not-in-catalog' });
    expect(world.injected).toEqual([]);
    expect(world.indicators.at(-1)?.badgeText).toBe('DOI');
  });

  it('hides the panel when the page navigates in place from a club article to no article', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    await handleRequest({ type: 'article-gone' }, page, world.services);
    expect(world.sent).toEqual([{ type: 'panel-hide' }]);
    expect(world.indicators.at(-1)?.badgeText).toBe('');
    expect(await handleRequest({ type: 'panel-state' }, page, world.services)).toEqual({ ok: true, value: null });
  });

  it('takes no word of a document the tab has left about the one it shows now (Chromium names documents)', async () => {
    await handleRequest(
      { type: 'article-detected', article: article(CLUB_DOI) },
      { ...page, documentId: 'new' },
      world.services,
    );
    await handleRequest({ type: 'article-gone' }, { ...page, documentId: 'old' }, world.services);
    expect(world.sent).toEqual([]);
    expect((await handleRequest({ type: 'panel-state' }, page, world.services)).ok).toBe(true);
    expect(await world.services.tabs.get(TAB)).toMatchObject({ documentId: 'new' });
  });

  it.each([
    ['the panel page', panelPage],
    ['a sub-frame', { tabId: TAB, frameId: 2, fromExtensionPage: false, url: PAGE_URL }],
    ['no tab', { tabId: null, frameId: null, fromExtensionPage: true, url: null }],
  ])('refuses article reports from %s', async (_name, sender) => {
    const reply = await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, sender, world.services);
    expect(reply.ok).toBe(false);
    expect(world.injected).toEqual([]);
  });
});

describe('a catalog change', () => {
  const OTHER_DOI = '10.1000/xyz';
  const FEED_URL = 'https://club.example/catalog.json';
  /** Stores a feed copy as a refresh would, holding one entry for OTHER_DOI. */
  async function storeFeed() {
    const now = new Date('2026-11-27T12:00:00.000Z');
    const feed = {
      version: 1,
      entries: [
        {
          id: 'other-2026',
          dois: [OTHER_DOI],
          title: 'Another article',
          authors: ['A. Author'],
          citation: 'Citation',
          year: 2026,
          articleUrls: [],
          club: { name: 'Other Club', url: 'https://club.example/' },
          postUrl: 'https://club.example/posts/other',
          summary: 'Summary.',
          commentary: 'Commentary.',
          questions: [{ id: 'q1', text: 'Why?' }],
        },
      ],
    };
    const body = JSON.stringify(feed);
    const record = nextFeedRecord(
      newFeedRecord(FEED_URL, now),
      { kind: 'ok', status: 200, body, etag: null, lastModified: null },
      now,
    );
    expect((await addFeed(world.db, record)).ok).toBe(true);
  }

  it('brings the panel onto an open article the club has just discussed, and takes it away when the entry goes', async () => {
    await handleRequest({ type: 'article-detected', article: article(OTHER_DOI) }, page, world.services);
    expect(world.indicators.at(-1)?.badgeText).toBe('DOI');
    world.page.article = article(OTHER_DOI);

    await storeFeed();
    await followCatalogChange(world.services);
    expect(world.injected).toEqual([TAB]);
    expect(world.indicators.at(-1)?.badgeText).toBe('JC');

    expect((await deleteFeed(world.db, FEED_URL)).ok).toBe(true);
    await followCatalogChange(world.services);
    expect(world.sent).toEqual([{ type: 'panel-hide' }]);
    expect(world.indicators.at(-1)?.badgeText).toBe('DOI');
  });

  it('leaves a tab alone when its page has moved on to something else', async () => {
    await handleRequest({ type: 'article-detected', article: article(OTHER_DOI) }, page, world.services);
    world.page.article = null;
    await storeFeed();
    await followCatalogChange(world.services);
    expect(world.injected).toEqual([]);
    expect(world.indicators.at(-1)?.badgeText).toBe('DOI');
  });

  it('leaves tabs whose article the change does not concern as they are', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    world.page.article = article(CLUB_DOI);
    await storeFeed();
    await followCatalogChange(world.services);
    expect(world.injected).toEqual([TAB]);
    expect(world.sent).toEqual([]);
  });
});

describe('the panel layout', () => {
  it('remembers a collapsed panel per article and starts collapsed next time', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    expect(await handleRequest({ type: 'panel-layout', layout: 'collapsed' }, panelPage, world.services)).toEqual({
      ok: true,
      value: null,
    });
    expect(world.sent).toEqual([{ type: 'panel-layout', layout: 'collapsed' }]);
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI.toLowerCase()) }, page, world.services);
    const state = await handleRequest({ type: 'panel-state' }, page, world.services);
    expect(state.ok && state.value?.layout).toBe('collapsed');
  });

  it('closes for the page without remembering it for the article', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    await handleRequest({ type: 'panel-layout', layout: 'closed' }, panelPage, world.services);
    expect(world.collapsed.size).toBe(0);
    const state = await handleRequest({ type: 'panel-state' }, panelPage, world.services);
    expect(state.ok && state.value?.layout).toBe('closed');
  });

  it('accepts layout changes only from the panel page', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    const reply = await handleRequest({ type: 'panel-layout', layout: 'closed' }, page, world.services);
    expect(reply.ok).toBe(false);
    expect(world.sent).toEqual([]);
  });

  it('reopens a closed panel from the toolbar button, open rather than collapsed', async () => {
    world.page.article = article(CLUB_DOI);
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    await handleRequest({ type: 'panel-layout', layout: 'collapsed' }, panelPage, world.services);
    await handleRequest({ type: 'panel-layout', layout: 'closed' }, panelPage, world.services);
    expect(await openPanelAfresh(TAB, world.services)).toBe(true);
    expect(world.injected).toEqual([TAB, TAB]);
    const state = await handleRequest({ type: 'panel-state' }, panelPage, world.services);
    expect(state.ok && state.value?.layout).toBe('open');
    expect(world.collapsed.get(CLUB_DOI.toLowerCase())).toBe(false);
  });

  it('asks the page, not its memory: after the tab moved on to a page without a DOI there is nothing to open', async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
    world.page.article = null;
    expect(await openPanelAfresh(TAB, world.services)).toBe(false);
    expect(world.injected).toEqual([TAB]);
    expect(await handleRequest({ type: 'panel-state' }, panelPage, world.services)).toEqual({ ok: true, value: null });
  });

  it('has nothing to open from the toolbar button on an article the club has not discussed', async () => {
    world.page.article = article('10.1000/xyz');
    expect(await openPanelAfresh(TAB, world.services)).toBe(false);
    expect(world.injected).toEqual([]);
  });
});

const selectors = (exact: string, start: number) =>
  [
    { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ] as const;

async function create(questionId: string | null, exact = 'a passage', start = 10) {
  const reply = await handleRequest(
    { type: 'highlight-create', questionId, selectors: [...selectors(exact, start)], source: PAGE_URL },
    page,
    world.services,
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

describe('highlights', () => {
  beforeEach(async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
  });

  it('saves a highlight from the page for this tab’s article, then opens its note in the panel', async () => {
    const saved = await create('q2');
    expect(saved).toMatchObject({ doi: CLUB_DOI, entryId: 'albers-2020', questionId: 'q2', note: '' });
    expect(saved.target.source).toBe(PAGE_URL);
    expect(world.events).toContainEqual({ type: 'highlights-changed' });
    expect(world.events).toContainEqual({ type: 'focus-highlight', id: saved.id, edit: true });
    // The page draws it from the range it holds, so it is not told to read and anchor every highlight again.
    expect(world.sent).not.toContainEqual({ type: 'highlights-changed' });
  });

  it('refuses a question the entry does not have, and saves nothing', async () => {
    const reply = await handleRequest(
      { type: 'highlight-create', questionId: 'q9', selectors: [...selectors('x', 1)], source: PAGE_URL },
      page,
      world.services,
    );
    expect(reply.ok).toBe(false);
    const listed = await handleRequest({ type: 'highlights' }, panelPage, world.services);
    expect(listed.ok && listed.value.highlights).toEqual([]);
  });

  it('lists the article’s highlights with the page’s address and, once reported, what anchored', async () => {
    const a = await create('q1', 'first', 1);
    const b = await create(null, 'second', 40);
    await handleRequest(
      { type: 'anchors-report', anchors: { [a.id]: 'anchored', [b.id]: 'orphan' } },
      page,
      world.services,
    );
    const listed = await handleRequest({ type: 'highlights' }, panelPage, world.services);
    expect(listed.ok && listed.value).toMatchObject({
      highlights: [{ id: a.id }, { id: b.id }],
      skipped: 0,
      anchors: { [a.id]: 'anchored', [b.id]: 'orphan' },
      pageUrl: PAGE_URL,
    });
    expect(world.events).toContainEqual({ type: 'anchors', anchors: { [a.id]: 'anchored', [b.id]: 'orphan' } });
  });

  it('edits the note and re-ties from the panel, keeping what was not changed', async () => {
    const made = await create('q1');
    const noted = await handleRequest(
      { type: 'highlight-update', id: made.id, note: 'See also §3' },
      panelPage,
      world.services,
    );
    expect(noted.ok && noted.value).toMatchObject({ note: 'See also §3', questionId: 'q1' });
    const retied = await handleRequest(
      { type: 'highlight-update', id: made.id, questionId: null },
      panelPage,
      world.services,
    );
    expect(retied.ok && retied.value).toMatchObject({ note: 'See also §3', questionId: null });
    expect(retied.ok && retied.value.updatedAt > made.updatedAt).toBe(true);
  });

  it('deletes, then restores exactly what was deleted (undo)', async () => {
    const made = await create('q3');
    const deleted = await handleRequest({ type: 'highlight-delete', id: made.id }, panelPage, world.services);
    expect(deleted).toEqual({ ok: true, value: made });
    expect((await handleRequest({ type: 'highlights' }, panelPage, world.services)).ok).toBe(true);
    const restored = await handleRequest({ type: 'highlight-restore', highlight: made }, panelPage, world.services);
    expect(restored).toEqual({ ok: true, value: made });
    const listed = await handleRequest({ type: 'highlights' }, panelPage, world.services);
    expect(listed.ok && listed.value.highlights).toEqual([made]);
  });

  it('keeps the last delete in the background, so a panel mounted again can still undo it (F1/F9)', async () => {
    const made = await create('q3');
    await handleRequest({ type: 'highlight-delete', id: made.id }, panelPage, world.services);
    // A new panel frame (the old one removed) lists the highlights: the deleted one comes with them, undoable.
    const listed = await handleRequest({ type: 'highlights' }, panelPage, world.services);
    expect(listed.ok && listed.value.lastDeleted).toEqual(made);
    // The page's own script cannot list highlights at all, and what it is sent to draw is the live ones only.
    const forPage = await handleRequest({ type: 'highlights' }, page, world.services);
    expect(forPage.ok).toBe(false);
    const toDraw = await handleRequest({ type: 'page-highlights' }, page, world.services);
    expect(toDraw.ok && toDraw.value.map((item) => item.id)).not.toContain(made.id);
    await handleRequest({ type: 'highlight-restore', highlight: made }, panelPage, world.services);
    const after = await handleRequest({ type: 'highlights' }, panelPage, world.services);
    expect(after.ok && after.value.lastDeleted).toBeNull();
  });

  it.each([
    ['the page edits a note', { type: 'highlight-update', id: 'x', note: 'n' }, page],
    ['the page deletes', { type: 'highlight-delete', id: 'x' }, page],
    [
      'the panel creates',
      { type: 'highlight-create', questionId: null, selectors: [...selectors('x', 1)], source: PAGE_URL },
      panelPage,
    ],
    ['the panel reports anchors', { type: 'anchors-report', anchors: {} }, panelPage],
  ] as const)('refuses it when %s', async (_name, request, sender) => {
    const reply = await handleRequest(request as never, sender, world.services);
    expect(reply.ok).toBe(false);
  });

  it('unfolds a collapsed panel when the reader clicks a highlight on the page, without forgetting the preference', async () => {
    await handleRequest({ type: 'panel-layout', layout: 'collapsed' }, panelPage, world.services);
    await handleRequest({ type: 'highlight-activated', id: 'some-id' }, page, world.services);
    expect(world.sent).toContainEqual({ type: 'panel-layout', layout: 'open' });
    expect(world.events).toContainEqual({ type: 'focus-highlight', id: 'some-id', edit: false });
    expect(world.collapsed.get(CLUB_DOI.toLowerCase())).toBe(true);
  });

  it('re-injects a closed panel for a new highlight', async () => {
    await handleRequest({ type: 'panel-layout', layout: 'closed' }, panelPage, world.services);
    await create('q1');
    expect(world.injected).toEqual([TAB, TAB]);
  });
});

describe('export, backup, import and settings from the panel', () => {
  beforeEach(async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
  });

  it('exports the article’s highlights as Markdown with a link per quote, and as Web Annotations', async () => {
    await create('q1', 'a passage', 10);
    const markdown = await handleRequest({ type: 'export', format: 'markdown' }, panelPage, world.services);
    expect(markdown.ok && markdown.value.fileName).toMatch(/^albers-2020-highlights-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown.ok && markdown.value.text).toContain('a passage');
    expect(markdown.ok && markdown.value.text).toContain('https://doi.org/');
    const jsonld = await handleRequest({ type: 'export', format: 'jsonld' }, panelPage, world.services);
    expect(jsonld.ok && JSON.parse(jsonld.value.text)).toMatchObject({ type: 'AnnotationCollection', total: 1 });
  });

  it('backs up every highlight and imports the backup only when the reader confirms', async () => {
    const made = await create('q2');
    const backup = await handleRequest({ type: 'backup' }, panelPage, world.services);
    if (!backup.ok) throw new Error(backup.error);
    await handleRequest({ type: 'highlight-delete', id: made.id }, panelPage, world.services);

    const plan = await handleRequest(
      { type: 'import', text: backup.value.text, commit: false, mode: 'merge' },
      panelPage,
      world.services,
    );
    expect(plan.ok && plan.value).toMatchObject({ added: 1, written: 0 });
    const before = await handleRequest({ type: 'highlights' }, panelPage, world.services);
    expect(before.ok && before.value.highlights).toEqual([]);

    const done = await handleRequest(
      { type: 'import', text: backup.value.text, commit: true, mode: 'merge' },
      panelPage,
      world.services,
    );
    expect(done.ok && done.value.written).toBe(1);
    const after = await handleRequest({ type: 'highlights' }, panelPage, world.services);
    expect(after.ok && after.value.highlights).toEqual([made]);
  });

  it('writes nothing for a file that is not a backup, and says why', async () => {
    const reply = await handleRequest(
      { type: 'import', text: '{"not": "a backup"', commit: true, mode: 'merge' },
      panelPage,
      world.services,
    );
    expect(reply.ok && reply.value.written).toBe(0);
    expect(reply.ok && reply.value.summaryText).toMatch(/^Nothing to import/);
  });

  it('remembers where share links point', async () => {
    expect(await handleRequest({ type: 'settings' }, panelPage, world.services)).toEqual({
      ok: true,
      value: { shareBase: 'doi', clubHighlights: true, openClubPdfs: false, sideBySide: true, panelWidth: 400 },
    });
    await handleRequest({ type: 'settings-update', shareBase: 'page' }, panelPage, world.services);
    expect(await handleRequest({ type: 'settings' }, panelPage, world.services)).toEqual({
      ok: true,
      value: { shareBase: 'page', clubHighlights: true, openClubPdfs: false, sideBySide: true, panelWidth: 400 },
    });
  });
});

describe('share links', () => {
  beforeEach(async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
  });

  async function linkFor(questionId: string | null, note: string) {
    const made = await create(questionId, 'a shared passage', 30);
    if (note) await handleRequest({ type: 'highlight-update', id: made.id, note }, panelPage, world.services);
    const reply = await handleRequest({ type: 'share-link', id: made.id }, panelPage, world.services);
    if (!reply.ok) throw new Error(reply.error);
    return { made, link: reply.value };
  }

  it('links through doi.org by default, pinned by the page’s text fragment', async () => {
    const { link } = await linkFor('q2', 'Worth discussing');
    expect(link.url).toMatch(/^https:\/\/doi\.org\/10\.1186\/S12913-020-05145-1#jc=[A-Za-z0-9_-]+:~:text=a%20passage$/);
    expect(link).toMatchObject({ shortened: false, withFragment: true });
  });

  it('links to the page’s own address when the reader prefers', async () => {
    await handleRequest({ type: 'settings-update', shareBase: 'page' }, panelPage, world.services);
    const { link } = await linkFor(null, '');
    expect(link.url.startsWith(`${PAGE_URL}#jc=`)).toBe(true);
  });

  it('opens a shared highlight on another profile: shown in the panel, saved once, then "already saved"', async () => {
    const { made, link } = await linkFor('q2', 'Worth discussing');
    const recipient = await newWorld();
    const share = link.url.slice(link.url.indexOf('#'), link.url.indexOf(':~:'));
    await handleRequest({ type: 'share-opened', share, article: article(CLUB_DOI) }, page, recipient.services);
    const state = await handleRequest({ type: 'panel-state' }, panelPage, recipient.services);
    expect(state.ok && state.value?.shared).toMatchObject({
      ok: true,
      saved: [false],
      items: [{ note: 'Worth discussing', questionId: 'q2', clubName: 'Research Impact Canada — KMb Journal Club' }],
    });
    expect(recipient.injected).toEqual([TAB]);

    const first = await handleRequest({ type: 'shared-save', index: 0 }, panelPage, recipient.services);
    expect(first.ok && first.value.status).toBe('saved');
    expect(first.ok && first.value.highlight).toMatchObject({ note: 'Worth discussing', questionId: 'q2' });
    expect(first.ok && first.value.highlight.id).not.toBe(made.id);
    const second = await handleRequest({ type: 'shared-save', index: 0 }, panelPage, recipient.services);
    expect(second.ok && second.value.status).toBe('already-saved');
    const listed = await handleRequest({ type: 'highlights' }, panelPage, recipient.services);
    expect(listed.ok && listed.value.highlights).toHaveLength(1);
  });

  it('builds a minimal panel from the link when the catalog has no entry for the DOI', async () => {
    const recipient = await newWorld();
    const { link } = await linkFor('q1', 'note');
    const share = link.url.slice(link.url.indexOf('#'), link.url.indexOf(':~:'));
    await handleRequest({ type: 'share-opened', share, article: null }, page, recipient.services);
    const state = await handleRequest({ type: 'panel-state' }, panelPage, recipient.services);
    expect(state.ok && state.value?.article?.doi).toBe(CLUB_DOI);
  });

  it.each([
    ['truncated', (s: string) => s.slice(0, s.length - 9)],
    ['not base64url', (s: string) => `${s.slice(0, 10)}$$$${s.slice(13)}`],
    ['empty', () => '#jc='],
  ])('says a %s link could not be read, and saves nothing', async (_name, damage) => {
    const { link } = await linkFor('q1', 'note');
    const recipient = await newWorld();
    const share = damage(link.url.slice(link.url.indexOf('#'), link.url.indexOf(':~:')));
    await handleRequest({ type: 'share-opened', share, article: article(CLUB_DOI) }, page, recipient.services);
    const state = await handleRequest({ type: 'panel-state' }, panelPage, recipient.services);
    expect(state.ok && state.value?.shared?.ok).toBe(false);
    const save = await handleRequest({ type: 'shared-save', index: 0 }, panelPage, recipient.services);
    expect(save.ok).toBe(false);
  });
});

describe('share all', () => {
  beforeEach(async () => {
    await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
  });

  it('makes one link carrying all of the article’s highlights when it fits', async () => {
    await create('q1', 'first passage', 10);
    await create('q2', 'second passage', 50);
    const reply = await handleRequest({ type: 'share-all' }, panelPage, world.services);
    if (!reply.ok || 'tooLong' in reply.value) throw new Error('expected a link');
    const recipient = await newWorld();
    const share = reply.value.url.slice(reply.value.url.indexOf('#'));
    await handleRequest({ type: 'share-opened', share, article: article(CLUB_DOI) }, page, recipient.services);
    const state = await handleRequest({ type: 'panel-state' }, panelPage, recipient.services);
    expect(state.ok && state.value?.shared?.ok && state.value.shared.items.map((i) => i.selectors[0].exact)).toEqual([
      'first passage',
      'second passage',
    ]);
  });

  it('says how long the link would be when it does not fit, so the panel can offer the file instead', async () => {
    for (let i = 0; i < 80; i++) {
      const made = await create('q1', `passage number ${i} with words of its own`, i * 60);
      await handleRequest(
        {
          type: 'highlight-update',
          id: made.id,
          note: `${i}: ${crypto.randomUUID()} ${crypto.randomUUID()} ${crypto.randomUUID()}`,
        },
        panelPage,
        world.services,
      );
    }
    const reply = await handleRequest({ type: 'share-all' }, panelPage, world.services);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.value).toMatchObject({ tooLong: true, limit: 8_000 });
  });
});
