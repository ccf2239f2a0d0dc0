import { beforeEach, describe, expect, it } from 'vitest';
import { handleRequest, type RequestSender } from '../../utils/background/handle-request';
import { parseTieOutcome } from '../../utils/background/tie-selection';
import { article, type BackgroundWorld, makeBackgroundWorld } from '../support/background-world';
import { makeHighlight } from '../support/unit/db-fixtures';

const TAB = 7;
const PAGE_URL = 'https://example.org/article';
const page: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: false, url: PAGE_URL };
const panelPage: RequestSender = {
  tabId: TAB,
  frameId: 3,
  fromExtensionPage: true,
  url: 'chrome-extension://x/panel.html',
  panelBound: true,
};
const CLUB_DOI = '10.1186/s12913-020-05145-1';

let world: BackgroundWorld;
/** The questions the page was asked to tie the selection to, in order. */
let asked: string[];

beforeEach(async () => {
  world = await makeBackgroundWorld({ name: 'tie-selection-test' });
  asked = [];
  await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
});

/** The page's script as it answers when the reader has selected `exact`: it saves it as the toolbar would. */
function readerSelected(exact: string) {
  world.page.tie = async (questionId) => {
    asked.push(questionId);
    const saved = await handleRequest(
      {
        type: 'highlight-create',
        questionId,
        selectors: [
          { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 5, end: 5 + exact.length },
        ],
        source: PAGE_URL,
      },
      page,
      world.services,
    );
    return saved.ok ? { status: 'tied', id: saved.value.id } : { status: 'refused', error: saved.error };
  };
}

const tie = (questionId: string, sender = panelPage) =>
  handleRequest({ type: 'tie-selection', questionId }, sender, world.services);

describe('tying the selection from the panel', () => {
  it('asks the page to tie the reader’s selection and answers with the saved highlight', async () => {
    readerSelected('a passage the reader chose');
    const reply = await tie('q2');
    expect(asked).toEqual(['q2']);
    expect(reply).toMatchObject({ ok: true, value: { questionId: 'q2', doi: CLUB_DOI } });
    expect(reply.ok && reply.value.target.selectors[0].exact).toBe('a passage the reader chose');
    const listed = await handleRequest({ type: 'highlights' }, panelPage, world.services);
    expect(listed.ok && listed.value.highlights.map((h) => h.questionId)).toEqual(['q2']);
    // The panel reloads and opens the new card's note, as after the toolbar's tie.
    expect(world.events).toContainEqual({ type: 'highlights-changed' });
    if (!reply.ok) throw new Error(reply.error);
    expect(world.events).toContainEqual({ type: 'focus-highlight', id: reply.value.id, edit: true });
  });

  it('says plainly when the reader has selected nothing in the article, and saves nothing', async () => {
    expect(await tie('q1')).toEqual({ ok: false, error: 'Select a passage in the article first.' });
    const listed = await handleRequest({ type: 'highlights' }, panelPage, world.services);
    expect(listed.ok && listed.value.highlights).toEqual([]);
  });

  it('passes on the page’s own refusal (a selection anchoring refuses)', async () => {
    world.page.tie = async () => ({ status: 'refused', error: 'The selection holds only spaces.' });
    expect(await tie('q1')).toEqual({ ok: false, error: 'The selection holds only spaces.' });
  });

  it('says so when the page does not answer', async () => {
    world.page.tie = async () => null;
    expect(await tie('q1')).toEqual({
      ok: false,
      error: "The article's page did not answer. Reload it and try again.",
    });
  });

  it('refuses a question the entry does not have without asking the page', async () => {
    readerSelected('x');
    const reply = await tie('q9');
    expect(reply.ok).toBe(false);
    expect(asked).toEqual([]);
  });

  it.each<[string, RequestSender]>([
    ['the page itself', page],
    ['an unbound extension frame', { ...panelPage, panelBound: false }],
  ])('is refused from %s: only the panel may ask', async (_name, sender) => {
    readerSelected('x');
    expect((await tie('q1', sender)).ok).toBe(false);
    expect(asked).toEqual([]);
  });

  it('does not answer with a highlight of another article, whatever id the page names', async () => {
    const elsewhere = makeHighlight({ doi: '10.1000/other', entryId: 'other', note: 'Private to that article.' });
    expect((await world.store.save(elsewhere)).ok).toBe(true);
    world.page.tie = async () => ({ status: 'tied', id: elsewhere.id });
    expect(await tie('q1')).toEqual({ ok: false, error: 'That highlight belongs to another article.' });
  });
});

describe('parseTieOutcome', () => {
  it.each<[unknown, ReturnType<typeof parseTieOutcome>]>([
    [
      { status: 'tied', id: 'abc' },
      { status: 'tied', id: 'abc' },
    ],
    [{ status: 'no-selection' }, { status: 'no-selection' }],
    [
      { status: 'refused', error: 'No.' },
      { status: 'refused', error: 'No.' },
    ],
    [{ status: 'tied', id: '' }, null],
    [{ status: 'tied', id: 4 }, null],
    [{ status: 'refused', error: 'x'.repeat(501) }, null],
    [{ status: 'refused' }, null],
    [{ status: 'saved' }, null],
    ['tied', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (answer, expected) => {
    expect(parseTieOutcome(answer)).toEqual(expected);
  });
});
