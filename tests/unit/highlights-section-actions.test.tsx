import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightsSectionProps } from '../../components/HighlightsSection';
import type { Highlight } from '../../utils/highlights/highlight';
import {
  all,
  anchoredMount,
  at,
  button,
  cardOf,
  choose,
  click,
  container,
  groupsWithCards,
  text,
  unmount,
  update,
} from '../support/unit/highlights-harness';

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

describe('<HighlightsSection>: changes', () => {
  it('re-ties with the Question select, offering every question and none', async () => {
    const h = at(1, 'q1', 'knowledge brokers');
    const props = anchoredMount([h]);
    const select = cardOf(h)?.querySelector('select') as HTMLSelectElement;
    expect(text(select.closest('label'))?.startsWith('Question for “knowledge brokers”')).toBe(true);
    expect(all('option', select).map(text)).toEqual([
      'Question 1: What do knowledge brokers actually do day to day?',
      'Question 2: Who should fund them?',
      'Question 3: Nobody has answered this one.',
      'No question',
    ]);
    await choose(select, 'q2');
    await choose(select, '');
    expect(props.onRetie).toHaveBeenNthCalledWith(1, h.id, 'q2');
    expect(props.onRetie).toHaveBeenNthCalledWith(2, h.id, null);
  });

  it('shows a re-tie error and puts the select back', async () => {
    const h = at(1, 'q1', 'knowledge brokers');
    anchoredMount([h], { onRetie: vi.fn(async () => 'Could not move it.') });
    const select = cardOf(h)?.querySelector('select') as HTMLSelectElement;
    await choose(select, 'q2');
    expect(text(cardOf(h)?.querySelector('[role="alert"]'))).toBe('Could not move it.');
    expect(select.value).toBe('q1');
  });

  it.each<[string, boolean]>([
    ['after the change is saved', false],
    ['before the change is saved', true],
  ])(
    'keeps focus on the select when a re-tie moves the card to another group, the parent updating %s',
    async (_, early) => {
      const h = at(1, 'q1', 'knowledge brokers');
      const moved = { ...h, questionId: 'q2' };
      let saved = (_: string | null) => {};
      anchoredMount([h], { onRetie: vi.fn(() => new Promise<string | null>((resolve) => (saved = resolve))) });
      const select = cardOf(h)?.querySelector('select') as HTMLSelectElement;
      select.focus();
      await choose(select, 'q2');
      if (early) update({ highlights: [moved] });
      await act(async () => saved(null));
      if (!early) update({ highlights: [moved] });
      expect(groupsWithCards()).toEqual(['Question 2 · 1 highlight']);
      expect(document.activeElement).toBe(cardOf(h)?.querySelector('select'));
    },
  );

  it('unfolds the question a card is re-tied to, so the select keeping focus stays in sight', async () => {
    const h = at(1, 'q1', 'knowledge brokers');
    const other = at(50, 'q2', 'funding');
    anchoredMount([h, other]);
    const count = () => container.querySelector<HTMLButtonElement>('[data-question="2"] button.q-count');
    await click(count() as HTMLButtonElement);
    expect(count()?.getAttribute('aria-expanded')).toBe('false');
    const select = cardOf(h)?.querySelector('select') as HTMLSelectElement;
    select.focus();
    await choose(select, 'q2');
    update({ highlights: [{ ...h, questionId: 'q2' }, other] });
    expect(count()?.getAttribute('aria-expanded')).toBe('true');
    expect(cardOf(h)?.closest('ul')?.hidden).toBe(false);
    expect(document.activeElement).toBe(cardOf(h)?.querySelector('select'));
  });

  it('saves a note through the editor, then returns focus to the note button', async () => {
    const h = at(1, 'q1', 'knowledge brokers');
    const props = anchoredMount([h]);
    await click(button(cardOf(h) as HTMLElement, /^Add note/));
    const textarea = cardOf(h)?.querySelector('textarea') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(textarea);
    await act(() => {
      textarea.value = 'Line one\nline two';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button(cardOf(h) as HTMLElement, 'Save'));
    expect(props.onSaveNote).toHaveBeenCalledWith(h.id, 'Line one\nline two');
    expect(cardOf(h)?.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button(cardOf(h) as HTMLElement, /^Add note/));
  });
});

describe('<HighlightsSection>: delete and undo', () => {
  beforeEach(() => vi.useFakeTimers());

  const deleteFirst = async () => {
    const [h, other] = [at(1, 'q1', 'gone soon'), at(2, 'q1', 'stays')] as [Highlight, Highlight];
    const props = anchoredMount([h, other]);
    await click(button(cardOf(h) as HTMLElement, 'Delete highlight: “gone soon”'));
    return { h, other, props };
  };
  const undoBar = () => container.querySelector('.hl-undo [role="status"]');

  it('removes the card and offers an undo, focused, that restores it', async () => {
    const { h, props } = await deleteFirst();
    expect(props.onDelete).toHaveBeenCalledWith(h.id);
    expect(cardOf(h)).toBeNull();
    expect(groupsWithCards()).toEqual(['Question 1 · 1 highlight']);
    expect(text(undoBar())).toBe('Highlight deleted. Undo');
    expect(document.activeElement).toBe(button(container, 'Undo'));
    await click(button(container, 'Undo'));
    expect(props.onRestore).toHaveBeenCalledWith(h);
    expect(text(undoBar())).toBe('');
    expect(document.activeElement).toBe(cardOf(h));
  });

  it('lets the undo go after 10 seconds, but not while it has focus', async () => {
    await deleteFirst();
    await act(() => {
      vi.advanceTimersByTime(20_000);
    });
    expect(text(undoBar())).toBe('Highlight deleted. Undo');
    await act(() => (document.activeElement as HTMLElement).blur());
    await act(() => {
      vi.advanceTimersByTime(9_000);
    });
    expect(text(undoBar())).toBe('Highlight deleted. Undo');
    await act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(text(undoBar())).toBe('');
  });

  it('lets the undo go at the next change', async () => {
    const { other } = await deleteFirst();
    await choose(cardOf(other)?.querySelector('select') as HTMLSelectElement, 'q2');
    expect(text(undoBar())).toBe('');
  });

  it.each<[string, HighlightsSectionProps['onDelete']]>([
    ['an error', async () => ({ ok: false, error: 'The store is locked.' })],
    ['a rejection', async () => Promise.reject(new Error('x'))],
  ])('shows %s from deleting inline and keeps the card', async (_, onDelete) => {
    const h = at(1, 'q1', 'stays');
    anchoredMount([h], { onDelete });
    await click(button(cardOf(h) as HTMLElement, /^Delete/));
    expect(text(cardOf(h)?.querySelector('[role="alert"]'))).toMatch(/The store is locked\.|could not be deleted/);
    expect(text(undoBar())).toBe('');
  });

  it('shows an undo error and keeps the undo', async () => {
    const { h } = await deleteFirst();
    update({ onRestore: vi.fn(async () => 'No room to restore it.') });
    await click(button(container, 'Undo'));
    expect(text(container.querySelector('.hl-undo [role="alert"]'))).toBe('No room to restore it.');
    expect(text(undoBar())).toBe('Highlight deleted. Undo');
    expect(cardOf(h)).toBeNull();
  });
});

describe('<HighlightsSection>: focus requests', () => {
  it('scrolls the card into view and focuses it, again for each new seq', () => {
    const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    const [h, other] = [at(1, 'q1', 'one'), at(2, 'q1', 'two')] as [Highlight, Highlight];
    anchoredMount([h, other], { focus: { id: h.id, edit: false, seq: 1 } });
    expect(document.activeElement).toBe(cardOf(h));
    expect(scroll).toHaveBeenCalledWith({ block: 'nearest' });
    cardOf(other)?.focus();
    update({ focus: { id: h.id, edit: false, seq: 2 } });
    expect(document.activeElement).toBe(cardOf(h));
    scroll.mockRestore();
  });

  it('opens the note editor and focuses it when asked to edit', () => {
    const h = at(1, 'q1', 'one');
    anchoredMount([h], { focus: { id: h.id, edit: true, seq: 1 } });
    expect(document.activeElement).toBe(cardOf(h)?.querySelector('textarea'));
  });

  it('focuses a card that arrives after the request, once', () => {
    const h = at(1, 'q1', 'one');
    anchoredMount([], { focus: { id: h.id, edit: false, seq: 7 } });
    update({ highlights: [h], anchors: { [h.id]: 'anchored' } });
    expect(document.activeElement).toBe(cardOf(h));
    (document.activeElement as HTMLElement).blur();
    update({ highlights: [{ ...h, questionId: 'q2' }] });
    expect(document.activeElement).not.toBe(cardOf(h));
  });
});
