import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Announcer } from '../../components/Announcer';
import { ClubEntry, type ClubEntryActions } from '../../components/ClubEntry';
import type { TieResult } from '../../components/QuestionSection';
import { nextTabIndex } from '../../components/Tabs';
import { bundledCatalog } from '../../utils/catalog/bundled';
import type { CatalogEntry } from '../../utils/catalog/schema';
import type { Highlight } from '../../utils/highlights/highlight';
import type { ArticleHighlights } from '../../utils/protocol/responses';
import { at, PAGE } from '../support/unit/highlights-harness';

const entry = bundledCatalog[0] as CatalogEntry;
const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const all = <T extends Element = HTMLElement>(selector: string) => [...container.querySelectorAll<T>(selector)];
const region = (n: number) => container.querySelector<HTMLElement>(`.q-section[data-question="${n}"]`) as HTMLElement;
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

interface Options {
  highlights?: Highlight[];
  tie?: (questionId: string) => Promise<TieResult>;
  focus?: ClubEntryActions['highlights']['focus'];
  readPdf?: () => Promise<string | null>;
  shown?: CatalogEntry;
}

function mount({ highlights = [], tie = vi.fn(), focus = null, readPdf = vi.fn(), shown = entry }: Options = {}) {
  const data: ArticleHighlights = {
    highlights,
    skipped: 0,
    anchors: Object.fromEntries(highlights.map((h) => [h.id, 'anchored'])),
    pageUrl: PAGE,
    painted: true,
  };
  const none = async () => ({ ok: false as const, error: 'not in this test' });
  const actions: ClubEntryActions = {
    highlights: {
      data,
      error: null,
      focus,
      actions: {
        reveal: () => undefined,
        saveNote: async () => null,
        retie: async () => null,
        remove: none,
        showOnPage: async () => null,
        restore: async () => null,
      },
    },
    share: none,
    copy: async () => true,
    tie,
    exportFile: none,
    shareAll: none,
    backup: none,
    importFile: none,
    settings: null,
    changeSettings: () => undefined,
    download: () => undefined,
    readPdf,
  };
  act(() =>
    render(
      <Announcer>
        <ClubEntry
          state={{ entry: shown, article: null, layout: 'open', shared: null }}
          language="en"
          actions={actions}
        />
      </Announcer>,
      container,
    ),
  );
}

const tabs = () => all<HTMLButtonElement>('[role="tab"]');
const shownPanels = () => all('[role="tabpanel"]').filter((panel) => !panel.hidden);
const press = (target: HTMLElement, key: string) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });

describe('<ClubEntry>: the article’s PDF', () => {
  const readButton = () =>
    all<HTMLButtonElement>('.read-pdf button').find((b) => text(b) === 'Read the PDF in Journal Club Reader');

  it('offers the PDF the catalog names, and says why it could not be opened', async () => {
    const readPdf = vi.fn(async () => 'Neither the club’s catalog nor this page names a PDF of the article.');
    mount({ readPdf });
    expect(entry.pdfUrl).toMatch(/\.pdf$/);
    readButton()?.click();
    await settle();
    expect(readPdf).toHaveBeenCalledTimes(1);
    expect(text(container.querySelector('.read-pdf [role="alert"]'))).toBe(
      'Neither the club’s catalog nor this page names a PDF of the article.',
    );
  });

  it('offers nothing when neither the catalog nor the page names a PDF', () => {
    const { pdfUrl: _none, ...withoutPdf } = entry;
    mount({ shown: withoutPdf });
    expect(readButton()).toBeUndefined();
  });
});

describe('<ClubEntry>: questions first', () => {
  it('reads in the order shown: the article, the tabs, the questions tab, the discussion link', () => {
    mount();
    const order = all('h1, [role="tablist"], [role="tabpanel"]:not([hidden]), .discussion').map(
      (element) => element.getAttribute('role') ?? element.localName,
    );
    expect(order).toEqual(['h1', 'tablist', 'tabpanel', 'p']);
    expect(tabs().map(text)).toEqual(['Questions', 'Summary', 'Commentary']);
    expect(container.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe("The club's reading");
    const [panel] = shownPanels();
    expect(panel?.getAttribute('aria-labelledby')).toBe(tabs()[0]?.id);
    expect(all('.q-section').map((section) => section.getAttribute('data-question'))).toEqual(['1', '2', '3']);
    // The summary and commentary are in the document but hidden, so neither read nor reached by Tab.
    const hidden = all('[role="tabpanel"][hidden]');
    expect(hidden.map((p) => text(p)).join(' ')).toContain('Workforce development for implementation practice');
    expect(hidden.map((p) => text(p)).join(' ')).toContain('I’m not certain why this paper needed to be written.');
  });

  it('follows the WAI-ARIA tabs pattern: one Tab stop, arrows (wrapping), Home and End select and focus', async () => {
    mount();
    const [questions, summary, commentary] = tabs() as [HTMLButtonElement, HTMLButtonElement, HTMLButtonElement];
    expect(tabs().map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
    expect(tabs().map((tab) => tab.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    await press(questions, 'ArrowRight');
    expect(document.activeElement).toBe(summary);
    expect(summary.getAttribute('aria-selected')).toBe('true');
    expect(tabs().map((tab) => tab.tabIndex)).toEqual([-1, 0, -1]);
    expect(text(shownPanels()[0])).toContain('Workforce development');
    await press(summary, 'End');
    expect(document.activeElement).toBe(commentary);
    await press(commentary, 'ArrowRight');
    expect(document.activeElement).toBe(questions);
    await press(questions, 'ArrowLeft');
    expect(document.activeElement).toBe(commentary);
    await press(commentary, 'Home');
    expect(document.activeElement).toBe(questions);
    expect(shownPanels()).toHaveLength(1);
    // A click selects too.
    await act(() => summary.click());
    expect(summary.getAttribute('aria-selected')).toBe('true');
  });

  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowRight', 2, 0],
    ['ArrowLeft', 0, 2],
    ['Home', 2, 0],
    ['End', 0, 2],
    ['ArrowDown', 0, undefined],
    ['Tab', 1, undefined],
  ])('nextTabIndex(%s) from %i of 3 → %s', (key, from, to) => {
    expect(nextTabIndex(key, from, 3)).toBe(to);
  });

  it('shows each question’s count, which names its highlights and folds them away and back', async () => {
    mount({ highlights: [at(10, 'q2', 'one'), at(40, 'q2', 'two'), at(5, 'q1', 'three')] });
    const count = region(2).querySelector<HTMLButtonElement>('button.q-count') as HTMLButtonElement;
    expect(text(count)).toBe('▾2 highlights');
    expect(count.getAttribute('aria-expanded')).toBe('true');
    const list = container.querySelector(`#${CSS.escape(count.getAttribute('aria-controls') ?? '')}`) as HTMLElement;
    expect(list.querySelectorAll('[data-highlight-id]')).toHaveLength(2);
    await act(() => count.click());
    expect(count.getAttribute('aria-expanded')).toBe('false');
    expect(list.hidden).toBe(true);
    expect(region(1).querySelector('ul')?.hidden).toBe(false);
    await act(() => count.click());
    expect(list.hidden).toBe(false);
  });

  it('ties the selection to the question whose button is pressed, and announces what was tied', async () => {
    const tie = vi.fn(async (questionId: string) => ({ ok: true as const, value: at(3, questionId, 'a passage') }));
    mount({ tie });
    const button = region(2).querySelector<HTMLButtonElement>('.q-tie') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Tie my selection to question 2');
    expect(text(button)).toBe('Tie my selection');
    await act(async () => {
      button.click();
      await settle();
    });
    expect(tie).toHaveBeenCalledWith('q2');
    expect(text(container.querySelector('[aria-live="polite"]'))).toBe('Tied to question 2: “a passage”');
    expect(region(2).querySelector('.q-section__message')).toBeNull();
  });

  it('says why nothing was tied, beside the button and to screen readers, until the next try', async () => {
    let answer: TieResult = { ok: false, error: 'Select a passage in the article first.' };
    mount({ tie: async () => answer });
    const button = region(3).querySelector<HTMLButtonElement>('.q-tie') as HTMLButtonElement;
    await act(async () => {
      button.click();
      await settle();
    });
    expect(text(region(3).querySelector('.q-section__message'))).toBe('Select a passage in the article first.');
    expect(text(container.querySelector('[aria-live="polite"]'))).toBe('Select a passage in the article first.');
    expect(region(2).querySelector('.q-section__message')).toBeNull();
    // One message at a time: a try on another question takes it there.
    await act(async () => {
      region(2).querySelector<HTMLButtonElement>('.q-tie')?.click();
      await settle();
    });
    expect(all('.q-section__message').map((m) => m.closest('.q-section')?.getAttribute('data-question'))).toEqual([
      '2',
    ]);
    answer = { ok: true, value: at(3, 'q3', 'now selected') };
    await act(async () => {
      button.click();
      await settle();
    });
    expect(all('.q-section__message')).toEqual([]);
  });

  it('drops a refusal once a highlight is made some other way (the toolbar on the page)', async () => {
    mount({ tie: async () => ({ ok: false, error: 'Select a passage in the article first.' }) });
    await act(async () => {
      region(1).querySelector<HTMLButtonElement>('.q-tie')?.click();
      await settle();
    });
    expect(all('.q-section__message')).toHaveLength(1);
    mount({ highlights: [at(3, 'q1', 'tied from the toolbar')] });
    await act(settle);
    expect(all('.q-section__message')).toEqual([]);
  });

  it('goes back to the questions, and unfolds the question, when a card is asked for from the page', async () => {
    const h = at(10, 'q2', 'clicked on the page');
    mount({ highlights: [h] });
    await act(() => tabs()[1]?.click());
    const count = region(2).querySelector<HTMLButtonElement>('button.q-count') as HTMLButtonElement;
    await act(() => count.click());
    expect(count.getAttribute('aria-expanded')).toBe('false');
    mount({ highlights: [h], focus: { id: h.id, edit: false, seq: 1 } });
    await act(settle);
    await act(settle);
    expect(tabs()[0]?.getAttribute('aria-selected')).toBe('true');
    expect(count.getAttribute('aria-expanded')).toBe('true');
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-highlight-id')).toBe(h.id));
  });
});
