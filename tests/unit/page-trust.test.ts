import { beforeEach, describe, expect, it } from 'vitest';
import { openPanelAfresh } from '../../utils/background/article-requests';
import { handleRequest, type RequestSender } from '../../utils/background/handle-request';
import { withConfirmedOrigin } from '../../utils/background/page-trust';
import type { Highlight } from '../../utils/highlights/highlight';
import { highlightSource } from '../../utils/sharing/highlight-source';
import { encodeShareLink, type SharedHighlight } from '../../utils/sharing/share-link';
import { article, type BackgroundWorld, makeBackgroundWorld } from '../support/background-world';

/** What a page, and a panel acting for it, can reach through the protocol (issue 10: F2, F8, F9). */
const TAB = 7;
const READER_PAGE = 'https://reader.example/article';
const CLUB_DOI = '10.1186/S12913-020-05145-1';
const pageAt = (url: string): RequestSender => ({ tabId: TAB, frameId: 0, fromExtensionPage: false, url });
const panel: RequestSender = {
  tabId: TAB,
  frameId: 3,
  fromExtensionPage: true,
  url: 'chrome-extension://x/panel.html',
  panelBound: true,
};
const SELECTORS = [
  { type: 'TextQuoteSelector', exact: 'a passage', prefix: 'before ', suffix: ' after' },
  { type: 'TextPositionSelector', start: 10, end: 19 },
] as const;

let world: BackgroundWorld;
beforeEach(async () => {
  world = await makeBackgroundWorld({ name: 'page-trust-test' });
});

async function openOn(url: string, share?: string): Promise<void> {
  const request = share
    ? ({ type: 'share-opened', share, article: article(CLUB_DOI) } as const)
    : ({ type: 'article-detected', article: article(CLUB_DOI) } as const);
  await handleRequest(request, pageAt(url), world.services);
}

async function readerHighlight(note: string): Promise<Highlight> {
  await openOn(READER_PAGE);
  const made = await handleRequest(
    { type: 'highlight-create', questionId: 'q1', selectors: [...SELECTORS], source: READER_PAGE },
    pageAt(READER_PAGE),
    world.services,
  );
  if (!made.ok) throw new Error(made.error);
  await handleRequest({ type: 'highlight-update', id: made.value.id, note }, panel, world.services);
  return made.value;
}

describe('what the page side is sent', () => {
  it('gets the highlights to draw without their notes; the full list is the panel’s only', async () => {
    const made = await readerHighlight('A private note');
    const drawn = await handleRequest({ type: 'page-highlights' }, pageAt(READER_PAGE), world.services);
    expect(drawn).toEqual({ ok: true, value: [{ id: made.id, questionId: 'q1', target: { selectors: SELECTORS } }] });
    expect(JSON.stringify(drawn)).not.toContain('A private note');
    expect((await handleRequest({ type: 'highlights' }, pageAt(READER_PAGE), world.services)).ok).toBe(false);
    const listed = await handleRequest({ type: 'highlights' }, panel, world.services);
    expect(listed.ok && listed.value).toMatchObject({ highlights: [{ note: 'A private note' }], painted: true });
  });

  it('draws nothing on a site where the reader never read the article, until they ask in the panel', async () => {
    await readerHighlight('note');
    const elsewhere = 'https://mirror.example/copy';
    await openOn(elsewhere);
    expect(await handleRequest({ type: 'page-highlights' }, pageAt(elsewhere), world.services)).toEqual({
      ok: true,
      value: [],
    });
    const listed = await handleRequest({ type: 'highlights' }, panel, world.services);
    expect(listed.ok && listed.value).toMatchObject({ painted: false, highlights: [{ note: 'note' }] });

    expect(await handleRequest({ type: 'show-on-page' }, pageAt(elsewhere), world.services)).toMatchObject({
      ok: false,
    });
    expect(await handleRequest({ type: 'show-on-page' }, panel, world.services)).toEqual({ ok: true, value: null });
    expect(world.sent).toContainEqual({ type: 'highlights-changed' });
    const drawn = await handleRequest({ type: 'page-highlights' }, pageAt(elsewhere), world.services);
    expect(drawn.ok && drawn.value).toHaveLength(1);
  });

  it('still knows the page’s site when the reader reopens a closed panel from the toolbar button', async () => {
    await readerHighlight('note');
    const elsewhere = 'https://mirror.example/copy';
    await openOn(elsewhere);
    await handleRequest({ type: 'panel-layout', layout: 'closed' }, panel, world.services);
    world.page.article = article(CLUB_DOI);
    expect(await openPanelAfresh(TAB, world.services)).toBe(true);
    expect(await handleRequest({ type: 'show-on-page' }, panel, world.services)).toEqual({ ok: true, value: null });
    const listed = await handleRequest({ type: 'highlights' }, panel, world.services);
    expect(listed.ok && listed.value.painted).toBe(true);
  });

  it('keeps confirmed origins per entry, once each, and reads a damaged record as none', () => {
    const once = withConfirmedOrigin(undefined, 'albers-2020', 'https://a.example');
    const twice = withConfirmedOrigin(once, 'albers-2020', 'https://a.example');
    expect(twice).toEqual({ 'albers-2020': ['https://a.example'] });
    expect(withConfirmedOrigin({ other: 'x' }, 'e', 'https://b.example')).toEqual({
      other: [],
      e: ['https://b.example'],
    });
  });
});

describe('operations by id stay within the tab’s article', () => {
  it('refuses to edit, delete, share or overwrite by restore another article’s highlight', async () => {
    await openOn(READER_PAGE);
    const other: Highlight = {
      id: crypto.randomUUID(),
      doi: '10.5555/another-article',
      entryId: null,
      questionId: null,
      note: 'Another article’s note',
      target: { source: 'https://other.example/', selectors: [...SELECTORS] },
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:00:00.000Z',
    };
    await world.store.save(other);
    const requests = [
      { type: 'highlight-update', id: other.id, note: 'overwritten' },
      { type: 'highlight-delete', id: other.id },
      { type: 'share-link', id: other.id },
      { type: 'highlight-restore', highlight: { ...other, note: 'overwritten' } },
      { type: 'highlight-restore', highlight: { ...other, doi: CLUB_DOI, note: 'overwritten' } },
    ] as const;
    for (const request of requests) {
      const reply = await handleRequest(request as never, panel, world.services);
      expect(reply, request.type).toEqual({ ok: false, error: 'That highlight belongs to another article.' });
    }
    expect(await world.store.get(other.id)).toEqual({ ok: true, value: other });
  });
});

describe('a shared passage matches the page’s article and keeps its origin', () => {
  async function hash(item: Partial<SharedHighlight>): Promise<string> {
    const { url } = await encodeShareLink({
      doi: CLUB_DOI,
      questionId: 'q2',
      questionText: null,
      note: 'From the link',
      selectors: [...SELECTORS],
      clubName: 'Some club',
      ...item,
    });
    return url.slice(url.indexOf('#'));
  }

  it('refuses a link about another article on a page that names its own', async () => {
    await openOn(READER_PAGE, await hash({ doi: '10.5555/unrelated' }));
    const state = await handleRequest({ type: 'panel-state' }, panel, world.services);
    expect(state.ok && state.value?.shared).toEqual({
      ok: false,
      error: 'This share link is about another article than the one on this page, so its highlights are not shown.',
    });
    expect((await handleRequest({ type: 'shared-save', index: 0 }, panel, world.services)).ok).toBe(false);
  });

  it('saves a question the entry lacks as untied, without #jc= in its source, marked as shared', async () => {
    const share = await hash({ questionId: 'q9-not-a-question' });
    await openOn(`${READER_PAGE}?x=1${share}`, share);
    const saved = await handleRequest({ type: 'shared-save', index: 0 }, panel, world.services);
    expect(saved.ok && saved.value.highlight).toMatchObject({
      questionId: null,
      note: 'From the link',
      sharedFrom: 'Some club',
      target: { source: `${READER_PAGE}?x=1` },
    });
    // Saved once: the same link finds it again.
    const again = await handleRequest({ type: 'shared-save', index: 0 }, panel, world.services);
    expect(again.ok && again.value.status).toBe('already-saved');
  });

  it('says in the exports that a saved passage was shared', async () => {
    await openOn(READER_PAGE, await hash({}));
    await handleRequest({ type: 'shared-save', index: 0 }, panel, world.services);
    const markdown = await handleRequest({ type: 'export', format: 'markdown' }, panel, world.services);
    expect(markdown.ok && markdown.value.text).toContain('From the link\n\n_Shared with you (a link from Some club)_');
    const jsonld = await handleRequest({ type: 'export', format: 'jsonld' }, panel, world.services);
    expect(jsonld.ok && JSON.parse(jsonld.value.text).first.items[0].creator).toEqual({
      type: 'Organization',
      name: 'Some club',
    });
  });
});

describe('the address a highlight records', () => {
  it.each([
    ['a plain address', 'https://a.example/p?q=1#s', 'https://a.example/p?q=1#s'],
    ['a share payload', 'https://a.example/p#jc=1abc', 'https://a.example/p'],
    ['a long query', `https://a.example/p?${'q'.repeat(5_000)}`, 'https://a.example/p'],
    ['a long path', `https://a.example/${'p'.repeat(5_000)}`, 'https://a.example/'],
  ])('keeps %s within 4,096 characters', (_name, href, expected) => {
    expect(highlightSource(href)).toBe(expected);
  });
});
