import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../components/popup/PopupApp';
import { formatMeetingDay } from '../../utils/catalog/partial-date';
import { localDay, type ReadingListEntry } from '../../utils/popup/reading-list';
import type { TabStatus } from '../../utils/popup/tab-status';
import type { Reply } from '../../utils/protocol/reply';
import type { BackgroundClient, BackgroundResponses } from '../../utils/protocol/responses';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const CLUB = { name: { en: 'Research Impact Canada', fr: 'Impact recherche Canada' }, url: 'https://club.example/' };

const listEntry = (overrides: Partial<ReadingListEntry>): ReadingListEntry => ({
  id: 'albers-2020',
  title: 'Implementation support practitioners',
  published: null,
  year: 2020,
  meeting: null,
  articleUrl: 'https://oa.example/albers',
  openAccessCopy: true,
  club: CLUB,
  postUrl: 'https://club.example/posts/albers',
  highlights: 0,
  ...overrides,
});

interface Answers {
  status?: Reply<TabStatus>;
  list?: Reply<BackgroundResponses['reading-list']>;
  open?: Reply<'opened' | 'no-club-article'>;
}

/** A background that answers each popup request as told and records what it was asked. */
function fakeBackground(answers: Answers) {
  const asked: unknown[] = [];
  const send = (async (request: { type: string }) => {
    asked.push(request);
    switch (request.type) {
      case 'tab-status':
        return answers.status ?? { ok: true, value: { kind: 'no-article' } };
      case 'reading-list':
        return answers.list ?? { ok: true, value: { entries: [], highlightsError: null } };
      case 'panel-open':
        return answers.open ?? { ok: true, value: 'opened' };
    }
    throw new Error(`unexpected request ${request.type}`);
  }) as BackgroundClient;
  return { send, asked };
}

async function mount(
  answers: Answers,
  options: { tabId?: number | null; language?: string; shortcut?: string | null } = {},
) {
  const background = fakeBackground(answers);
  const close = vi.fn();
  const openCatalogs = vi.fn();
  await act(async () => {
    render(
      <PopupApp
        language={options.language ?? 'en'}
        send={background.send}
        tabId={options.tabId === undefined ? 5 : options.tabId}
        shortcut={options.shortcut === undefined ? 'Alt+Shift+J' : options.shortcut}
        close={close}
        openCatalogs={openCatalogs}
      />,
      container,
    );
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return { ...background, close, openCatalogs };
}

const region = (name: string) =>
  [...container.querySelectorAll('section')].find(
    (section) => document.getElementById(section.getAttribute('aria-labelledby') ?? '')?.textContent === name,
  ) as HTMLElement;
const items = () => [...container.querySelectorAll('ul li')] as HTMLElement[];
const button = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement | undefined;

describe('the popup: the current tab', () => {
  it('asks about the tab it was given, and says when there is no article', async () => {
    const { asked } = await mount({}, { tabId: 5 });
    expect(asked).toContainEqual({ type: 'tab-status', tabId: 5 });
    expect(region('This page').textContent).toContain('No article on this page');
    expect(button('Open panel')).toBeUndefined();
  });

  it('without a tab, says there is no article and asks nothing about tabs', async () => {
    const { asked } = await mount({}, { tabId: null });
    expect(asked).toEqual([{ type: 'reading-list' }]);
    expect(region('This page').textContent).toContain('No article on this page');
  });

  it('names an article outside the catalog by its title, or by its DOI without one', async () => {
    await mount({ status: { ok: true, value: { kind: 'not-in-catalog', doi: '10.5555/x', title: 'Other paper' } } });
    expect(region('This page').textContent).toContain("Article “Other paper” is not in the club's catalog");
    await mount({ status: { ok: true, value: { kind: 'not-in-catalog', doi: '10.5555/x', title: null } } });
    expect(region('This page').textContent).toContain("Article “doi:10.5555/x” is not in the club's catalog");
  });

  it('on a club article, "Open panel" asks the background for that tab and closes the popup', async () => {
    const status: TabStatus = { kind: 'club-article', entryId: 'albers-2020', doi: '10.1/x', title: 'Albers' };
    const { asked, close } = await mount({ status: { ok: true, value: status } });
    expect(region('This page').textContent).toContain('Club article: Albers');
    expect(container.textContent).toContain('Shortcut: Alt+Shift+J');
    const open = button('Open panel');
    expect(open?.getAttribute('aria-describedby')).toBe('open-panel-shortcut');
    await act(async () => open?.click());
    expect(asked).toContainEqual({ type: 'panel-open', tabId: 5 });
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('keeps the popup open with a message when the page is no longer a club article, or the request fails', async () => {
    const status: TabStatus = { kind: 'club-article', entryId: 'albers-2020', doi: '10.1/x', title: 'Albers' };
    const gone = await mount({ status: { ok: true, value: status }, open: { ok: true, value: 'no-club-article' } });
    await act(async () => button('Open panel')?.click());
    expect(gone.close).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('no longer shows a club article');

    const failed = await mount({ status: { ok: true, value: status }, open: { ok: false, error: 'No answer.' } });
    await act(async () => button('Open panel')?.click());
    expect(failed.close).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('No answer.');
  });

  it('shows no shortcut hint when the reader removed the shortcut', async () => {
    const status: TabStatus = { kind: 'club-article', entryId: 'albers-2020', doi: '10.1/x', title: 'Albers' };
    await mount({ status: { ok: true, value: status } }, { shortcut: null });
    expect(container.textContent).not.toContain('Shortcut');
    expect(button('Open panel')?.hasAttribute('aria-describedby')).toBe(false);
  });

  it('reports a status it could not get as an alert', async () => {
    await mount({ status: { ok: false, error: 'The extension is not reachable.' } });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('The extension is not reachable.');
  });
});

describe('the popup: the way to the catalogs', () => {
  it('opens the options page, where feeds are subscribed to', async () => {
    const { openCatalogs, asked } = await mount({});
    const asks = asked.length;
    await act(() => button('Catalogs…')?.click());
    expect(openCatalogs).toHaveBeenCalledTimes(1);
    expect(asked).toHaveLength(asks);
  });
});

describe('the popup: the reading list', () => {
  it('draws each entry: title linked to the article in a new tab, club, date, count and discussion link', async () => {
    await mount({
      list: {
        ok: true,
        value: {
          entries: [
            listEntry({ id: 'a', published: '2025-06-03', highlights: 3 }),
            listEntry({
              id: 'b',
              published: '2024-11',
              highlights: 1,
              articleUrl: 'https://doi.org/10.1/b',
              openAccessCopy: false,
            }),
            listEntry({ id: 'c', published: '2023', highlights: 0 }),
          ],
          highlightsError: null,
        },
      },
    });
    const list = container.querySelector('ul') as HTMLElement;
    expect(document.getElementById(list.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Reading list');
    expect(region('Reading list').textContent).toContain('3 articles');
    const [a, b, c] = items();
    const title = a?.querySelector('a.entry__title') as HTMLAnchorElement;
    expect(title.getAttribute('href')).toBe('https://oa.example/albers');
    expect(title.target).toBe('_blank');
    expect(title.rel).toBe('noopener noreferrer');
    expect(title.textContent).toBe('Implementation support practitioners (open-access copy, opens in a new tab)');
    expect(a?.textContent).toContain('Research Impact Canada');
    expect(a?.querySelector('time')?.getAttribute('datetime')).toBe('2025-06-03');
    expect(a?.textContent).toContain('Posted June 3, 2025');
    expect(a?.textContent).toContain('3 highlights');
    const discussion = a?.querySelector('a.entry__discussion') as HTMLAnchorElement;
    expect(discussion.getAttribute('href')).toBe('https://club.example/posts/albers');
    expect(discussion.getAttribute('aria-label')).toBe(
      'Club discussion: Implementation support practitioners (opens in a new tab)',
    );
    expect(b?.textContent).toContain('Posted in November 2024');
    expect(b?.textContent).toContain('1 highlight');
    expect(b?.textContent).not.toContain('1 highlights');
    expect(b?.querySelector('a.entry__title')?.textContent).toContain('through doi.org');
    expect(c?.textContent).toContain('Posted in 2023');
    expect(c?.textContent).toContain('No highlights');
  });

  it('shows the article year when the post has no date', async () => {
    await mount({
      list: { ok: true, value: { entries: [listEntry({ published: null, year: 2020 })], highlightsError: null } },
    });
    expect(items()[0]?.textContent).toContain('Article published in 2020');
    expect(items()[0]?.querySelector('time')).toBeNull();
  });

  it('says when the club meets: "Discussion on …" while it is to come, "Discussed on …" once past', async () => {
    const inDays = (days: number) => localDay(new Date(Date.now() + days * 86_400_000));
    const [soon, past] = [inDays(3), inDays(-40)];
    await mount({
      list: {
        ok: true,
        value: {
          entries: [
            listEntry({ id: 'a', meeting: soon }),
            listEntry({ id: 'b', meeting: past }),
            listEntry({ id: 'c' }),
          ],
          highlightsError: null,
        },
      },
    });
    const [a, b, c] = items();
    const day = (date: string) => formatMeetingDay(date, localDay(new Date()), 'en');
    expect(a?.querySelector('.entry__meeting')?.textContent).toBe(`Discussion on ${day(soon)}`);
    expect(a?.querySelector('.entry__meeting time')?.getAttribute('datetime')).toBe(soon);
    expect(b?.querySelector('.entry__meeting')?.textContent).toBe(`Discussed on ${day(past)}`);
    expect(c?.querySelector('.entry__meeting')).toBeNull();
  });

  it('marks the entry of the current tab', async () => {
    const status: TabStatus = { kind: 'club-article', entryId: 'b', doi: '10.1/b', title: 'B' };
    await mount({
      status: { ok: true, value: status },
      list: { ok: true, value: { entries: [listEntry({ id: 'a' }), listEntry({ id: 'b' })], highlightsError: null } },
    });
    const [a, b] = items();
    expect(a?.getAttribute('aria-current')).toBeNull();
    expect(b?.getAttribute('aria-current')).toBe('true');
    expect(b?.textContent).toContain('On this page');
    expect(a?.textContent).not.toContain('On this page');
  });

  it('uses the French title and club name, and French dates, for a French reader', async () => {
    await mount(
      {
        list: {
          ok: true,
          value: {
            entries: [listEntry({ title: { en: 'English title', fr: 'Titre français' }, published: '2024-03' })],
            highlightsError: null,
          },
        },
      },
      { language: 'fr-CA' },
    );
    const [entry] = items();
    expect(entry?.textContent).toContain('Titre français');
    expect(entry?.textContent).not.toContain('English title');
    expect(entry?.textContent).toContain('Impact recherche Canada');
    expect(entry?.textContent).toContain('mars 2024');
  });

  it('falls back to English where an entry has no French title', async () => {
    await mount(
      { list: { ok: true, value: { entries: [listEntry({ title: { en: 'Only English' } })], highlightsError: null } } },
      { language: 'fr' },
    );
    expect(items()[0]?.textContent).toContain('Only English');
  });

  it('says so when the catalog is empty', async () => {
    await mount({ list: { ok: true, value: { entries: [], highlightsError: null } } });
    expect(container.querySelector('ul')).toBeNull();
    expect(region('Reading list').textContent).toContain('has no articles yet');
  });

  it('reports a list it could not load, and counts it could not make, without hiding the entries', async () => {
    await mount({ list: { ok: false, error: 'The extension did not answer.' } });
    expect(region('Reading list').querySelector('[role="alert"]')?.textContent).toContain(
      'The reading list could not be loaded: The extension did not answer.',
    );
    await mount({
      list: { ok: true, value: { entries: [listEntry({ highlights: null })], highlightsError: 'the disk is gone' } },
    });
    expect(region('Reading list').textContent).toContain('Your highlights could not be counted: the disk is gone');
    expect(items()).toHaveLength(1);
    expect(items()[0]?.textContent).not.toMatch(/highlight/i);
  });
});
