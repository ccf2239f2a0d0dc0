import { beforeEach, describe, expect, it } from 'vitest';
import type { AuthoringForm } from '../../utils/authoring/form';
import { checkForm } from '../../utils/authoring/validate';
import type { AuthoringStart } from '../../utils/authoring/views';
import { handleRequest, type RequestSender } from '../../utils/background/handle-request';
import { bundledCatalog } from '../../utils/catalog/bundled';
import type { CatalogEntry } from '../../utils/catalog/schema';
import type { BackgroundRequest } from '../../utils/protocol/requests';
import { article, type BackgroundWorld, makeBackgroundWorld } from '../support/background-world';

/**
 * The authoring page's, the popup's and the options page's requests, driven end to end through `handleRequest`
 * over real storage (fake-indexeddb) and the background's real catalog.
 */
const TAB = 7;
const DOI = '10.1371/journal.pone.0213978';
const extensionPage: RequestSender = { tabId: null, frameId: null, fromExtensionPage: true, url: null };
const authorTab: RequestSender = {
  tabId: 12,
  frameId: 0,
  fromExtensionPage: true,
  url: 'chrome-extension://x/author.html',
};
const webPage: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: false, url: 'https://journals.plos.org/' };

const METADATA = {
  url: 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978',
  canonical: 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978',
  meta: [
    ['citation_title', 'Assessment on reticuloendotheliosis virus infection'],
    ['citation_author', 'Yang Li'],
    ['citation_author', 'Peng Zhao'],
    ['citation_date', 'Apr 22, 2019'],
    ['citation_journal_title', 'PLOS ONE'],
  ] as [string, string][],
};

let world: BackgroundWorld;
beforeEach(async () => {
  world = await makeBackgroundWorld({ name: `authoring-requests-${crypto.randomUUID()}` });
  world.page.article = article(DOI, 'Assessment');
  world.page.address = METADATA.url;
  world.page.metadata = METADATA;
});

const ask = <K extends BackgroundRequest['type']>(
  request: Extract<BackgroundRequest, { type: K }>,
  sender: RequestSender = authorTab,
) => handleRequest(request, sender, world.services);

async function startForm(): Promise<AuthoringStart> {
  const reply = await ask({ type: 'author-start', tabId: TAB, entryId: null });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The prefilled form completed with what only the club knows. */
function completed(form: AuthoringForm): AuthoringForm {
  return {
    ...form,
    clubNameEn: 'Poultry Health Journal Club',
    clubUrl: 'https://club.example/',
    postUrl: 'https://club.example/posts/yolk',
    summaryEn: 'Yolk for serum.',
    commentaryEn: 'Cheaper.',
    questions: [{ id: 'q1', en: 'First?', fr: '' }],
  };
}

const entryOf = (form: AuthoringForm): CatalogEntry => {
  const { entry } = checkForm(form);
  if (!entry) throw new Error('form not valid');
  return entry;
};

describe('starting a discussion', () => {
  it('prefills the form from the page and the detector, keyed by the DOI for its draft', async () => {
    const { form, draftKey } = await startForm();
    expect(draftKey).toBe(`doi:${DOI}`);
    expect(form).toMatchObject({ dois: DOI, id: 'li-2019', year: '2019', authors: 'Yang Li\nPeng Zhao' });
    expect(form.citation).toBe(
      'Li, Y., & Zhao, P. (2019). Assessment on reticuloendotheliosis virus infection. PLOS ONE. https://doi.org/10.1371/journal.pone.0213978',
    );
  });

  it('takes up the draft kept for the same DOI instead of the page', async () => {
    const { form, draftKey } = await startForm();
    const typed = { ...form, summaryEn: 'Half a thought' };
    expect((await ask({ type: 'author-draft', key: draftKey, form: typed })).ok).toBe(true);
    const again = await ask({ type: 'author-start', tabId: TAB, entryId: null });
    expect(again).toMatchObject({ ok: true, value: { form: typed, resumedFrom: expect.any(String) } });
    const fresh = await ask({ type: 'author-start', tabId: TAB, entryId: null, fresh: true });
    expect(fresh).toMatchObject({ ok: true, value: { form, resumedFrom: null } });
  });

  it('opens the popup’s and the menu’s authoring page on the tab, or on the saved entry for its article', async () => {
    await ask({ type: 'author-open', tabId: TAB }, extensionPage);
    const { form } = await startForm();
    await ask({ type: 'my-club-save', entry: entryOf(completed(form)), replaces: null, draftKey: null });
    await ask({ type: 'author-open', tabId: TAB }, extensionPage);
    expect(world.extensionPages.map((opened) => opened.path)).toEqual([
      `/author.html?tab=${TAB}`,
      '/author.html?entry=li-2019',
    ]);
  });

  it('says when the tab shows no article, and prefills nothing from it', async () => {
    world.page.article = null;
    const reply = await startForm();
    expect(reply.draftKey).toBe('blank');
    expect(reply.form.dois).toBe('');
  });

  it('is refused to a web page, which could otherwise read or write the organiser’s catalog', async () => {
    expect((await ask({ type: 'my-club' }, webPage)).ok).toBe(false);
    expect((await ask({ type: 'author-start', tabId: TAB, entryId: null }, webPage)).ok).toBe(false);
  });
});

describe('saving to My club', () => {
  it('saves a valid entry, drops its draft, and the catalog answers for the article at once', async () => {
    const { form, draftKey } = await startForm();
    await ask({ type: 'author-draft', key: draftKey, form });
    const saved = await ask({ type: 'my-club-save', entry: entryOf(completed(form)), replaces: null, draftKey });
    expect(saved).toEqual({ ok: true, value: { id: 'li-2019' } });
    expect(world.myClubChanges).toEqual([['li-2019']]);
    expect((await world.services.catalog()).find(DOI)?.id).toBe('li-2019');
    expect((await startForm()).resumedFrom).toBeNull();
  });

  it('refuses an entry the schema refuses, and the saved one stays', async () => {
    const { form } = await startForm();
    const good = entryOf(completed(form));
    await ask({ type: 'my-club-save', entry: good, replaces: null, draftKey: null });
    const broken = { ...good, questions: [] };
    const reply = await ask({ type: 'my-club-save', entry: broken, replaces: 'li-2019', draftKey: null });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('questions') });
    const list = await ask({ type: 'my-club' }, extensionPage);
    expect(list.ok && list.value.entries.map((mine) => mine.entry)).toEqual([good]);
  });

  it('refuses an id another entry already has, and renames an entry without leaving the old one', async () => {
    const { form } = await startForm();
    const good = entryOf(completed(form));
    await ask({ type: 'my-club-save', entry: good, replaces: null, draftKey: null });
    const other = { ...good, dois: ['10.1000/other'] };
    expect(await ask({ type: 'my-club-save', entry: other, replaces: null, draftKey: null })).toMatchObject({
      ok: false,
    });
    await ask({ type: 'my-club-save', entry: { ...good, id: 'li-2019-yolk' }, replaces: 'li-2019', draftKey: null });
    const list = await ask({ type: 'my-club' }, extensionPage);
    expect(list.ok && list.value.entries.map((mine) => mine.id)).toEqual(['li-2019-yolk']);
  });

  it('deletes with undo: the entry comes back as it was', async () => {
    const { form } = await startForm();
    const good = entryOf(completed(form));
    await ask({ type: 'my-club-save', entry: good, replaces: null, draftKey: null });
    const deleted = await ask({ type: 'my-club-delete', id: 'li-2019' }, extensionPage);
    expect(deleted).toMatchObject({ ok: true, value: { id: 'li-2019', entry: good } });
    expect((await world.services.catalog()).find(DOI)).toBeNull();
    const restored = await ask({ type: 'my-club-restore', entry: good }, extensionPage);
    expect(restored.ok && restored.value.entries.map((mine) => mine.entry)).toEqual([good]);
  });
});

describe('where My club sits among the catalogs', () => {
  it('never takes over the bundled entry: the bundled one answers, and the clash is listed', async () => {
    const albers = bundledCatalog[0] as CatalogEntry;
    const mine = { ...albers, id: 'albers-2020-ours', questions: [{ id: 'q1', text: 'Ours?' }] };
    expect((await ask({ type: 'my-club-save', entry: mine, replaces: null, draftKey: null })).ok).toBe(true);
    const catalog = await world.services.catalog();
    expect(catalog.find(albers.dois[0] as string)?.id).toBe(albers.id);
    expect(catalog.conflicts).toEqual([
      expect.objectContaining({ entryId: albers.id, sources: ['bundled', 'my-club'] }),
    ]);
  });
});
