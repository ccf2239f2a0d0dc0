import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { HighlightsSection, type HighlightsSectionProps } from '../../../components/HighlightsSection';
import type { Highlight } from '../../../utils/highlights/highlight';
import { makeHighlight } from './db-fixtures';

/** Renders <HighlightsSection> with spy actions and queries it the way a reader would find things. */

export const PAGE = 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1';
export const PMC = 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7146983/';
export const QUESTIONS = [
  { id: 'q1', text: 'What do knowledge brokers actually do day to day?' },
  { id: 'q2', text: 'Who should fund them?' },
  { id: 'q3', text: 'Nobody has answered this one.' },
];

/** A highlight of `quote` at `start` on this page (unless `more.target.source` says otherwise). */
export function at(start: number, questionId: string | null, quote: string, more: Partial<Highlight> = {}): Highlight {
  const { target, ...rest } = more;
  const base = makeHighlight({ questionId, note: '', createdAt: '2026-11-27T14:05:00.000Z', ...rest });
  const [selector] = base.target.selectors;
  return {
    ...base,
    target: {
      source: target?.source ?? PAGE,
      selectors: [
        { ...selector, exact: quote },
        { type: 'TextPositionSelector', start, end: start + quote.length },
      ],
    },
  };
}

export const container = document.createElement('div');
document.body.append(container);
let current: HighlightsSectionProps;

export function mount(overrides: Partial<HighlightsSectionProps> = {}) {
  current = {
    questions: QUESTIONS,
    highlights: [],
    anchors: {},
    pageUrl: `${PAGE}#sec1`,
    focus: null,
    locale: 'en-GB',
    timeZone: 'UTC',
    onReveal: vi.fn(),
    onSaveNote: vi.fn(async () => null),
    onRetie: vi.fn(async () => null),
    onDelete: vi.fn(async (id: string) => {
      const deleted = current.highlights.find((h) => h.id === id) as Highlight;
      return { ok: true as const, deleted };
    }),
    onRestore: vi.fn(async () => null),
    ...overrides,
  };
  act(() => render(<HighlightsSection {...current} />, container));
  return current;
}
export const update = (overrides: Partial<HighlightsSectionProps>) => mount({ ...current, ...overrides });

/** Mounts with every highlight anchored. */
export function anchoredMount(highlights: Highlight[], overrides: Partial<HighlightsSectionProps> = {}) {
  return mount({ highlights, anchors: Object.fromEntries(highlights.map((h) => [h.id, 'anchored'])), ...overrides });
}

export const all = <T extends Element>(selector: string, root: ParentNode = container) => [
  ...root.querySelectorAll<T>(selector),
];
export const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
export const headings = (level: 'h2' | 'h3') => all(level).map(text);
/**
 * The groups that list cards, in order, each as "heading · count": a question's count is its badge (every
 * question is shown, with or without highlights), the other groups' is in their heading.
 */
export const groupsWithCards = () =>
  all('section')
    .filter((section) => section.querySelector('[data-highlight-id]'))
    .map((section) => {
      const heading = text(section.querySelector('h2')) ?? '';
      const badge = section.querySelector('.q-count');
      if (!badge) return heading;
      const count = [...badge.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
      return `${heading} · ${count.map((node) => node.textContent).join('')}`;
    });
export const cardOf = (h: Highlight) => container.querySelector<HTMLElement>(`[data-highlight-id="${h.id}"]`);
export const nameOf = (b: Element) => b.getAttribute('aria-label') ?? text(b);
export const button = (root: ParentNode, name: string | RegExp) =>
  all<HTMLButtonElement>('button', root).find((b) =>
    typeof name === 'string' ? nameOf(b) === name : name.test(nameOf(b) ?? ''),
  ) as HTMLButtonElement;
/** Clicks and lets the resulting promises settle. */
export const click = (element: HTMLElement) =>
  act(async () => {
    element.click();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
export const choose = (select: HTMLSelectElement, value: string) =>
  act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });

export const unmount = () => render(null, container);
