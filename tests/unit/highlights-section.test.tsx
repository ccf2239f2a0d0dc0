import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../../utils/highlights/highlight';
import {
  all,
  anchoredMount,
  at,
  button,
  cardOf,
  click,
  container,
  groupsWithCards,
  headings,
  mount,
  nameOf,
  PMC,
  QUESTIONS,
  text,
  unmount,
  update,
} from '../support/unit/highlights-harness';

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

describe('<HighlightsSection>: what it lists', () => {
  it('lists every question, each with its count of 0 and no cards, under a hint, when there are no highlights', () => {
    mount({ onTie: vi.fn() });
    expect(headings('h2')).toEqual(['Question 1', 'Question 2', 'Question 3']);
    expect(all('.question').map(text)).toEqual(QUESTIONS.map((q) => q.text));
    expect(all('.q-count').map(text)).toEqual(['0 highlights', '0 highlights', '0 highlights']);
    // A count of 0 folds nothing: it is text, not a button.
    expect(all('button.q-count')).toEqual([]);
    expect(all('.q-tie').map(nameOf)).toEqual([
      'Tie my selection to question 1',
      'Tie my selection to question 2',
      'Tie my selection to question 3',
    ]);
    expect(text(container.querySelector('.hl-hint'))).toBe(
      'Select a passage in the article, then tie it to a question: with “Tie my selection” under the question, or with the toolbar beside the passage.',
    );
    expect(groupsWithCards()).toEqual([]);
  });

  it('lists each question’s highlights below it, in page order, then the untied ones; the count names them', () => {
    const [b, a, c, u] = [at(200, 'q1', 'second'), at(100, 'q1', 'first'), at(5, 'q2', 'other'), at(1, null, 'free')];
    anchoredMount([b, a, c, u] as Highlight[]);
    expect(groupsWithCards()).toEqual([
      'Question 1 · 2 highlights',
      'Question 2 · 1 highlight',
      'Not tied to a question · 1 highlight',
    ]);
    // Question 3 is still there, between question 2 and the untied group, with none.
    expect(headings('h2')).toEqual(['Question 1', 'Question 2', 'Question 3', 'Not tied to a question · 1 highlight']);
    const [first] = all('.q-section');
    expect(all('[data-highlight-id]', first).map((card) => card.getAttribute('aria-label'))).toEqual([
      'Highlight: “first”',
      'Highlight: “second”',
    ]);
    // In DOM (reading and Tab) order: the question, its count, its tie button, then its cards.
    const order = all('.question, .q-count, .q-tie, [data-highlight-id]', first).map(
      (element) => element.className.split(' ')[0],
    );
    expect(order).toEqual(['question', 'q-count', 'hl-card', 'hl-card']);
    expect(all('h2 .hl-chip').map((chip) => chip.getAttribute('data-line'))).toEqual([
      'solid',
      'dashed',
      'dotted',
      'dotted',
    ]);
    expect(container.querySelector<HTMLElement>('h2 .hl-chip')?.style.getPropertyValue('--hl-solid')).toBe('#b77e00');
    expect(container.querySelector('.hl-hint')).toBeNull();
  });

  it('shows a card with its question, time, note as text, and a shortened quote that expands', async () => {
    const long = `Brokers ${'connect research and practice '.repeat(15)}end`;
    const h = at(1, 'q2', long, { note: '<b>not bold</b>\nsecond line' });
    anchoredMount([h]);
    const card = cardOf(h) as HTMLElement;
    expect(text(card.querySelector('.hl-card__meta'))).toBe('Question 2 · Saved 27 Nov 2026, 14:05');
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe(h.createdAt);
    expect(card.querySelector('.hl-card__note b')).toBeNull();
    expect(card.querySelector('.hl-card__note')?.textContent).toBe('<b>not bold</b>\nsecond line');
    const quote = text(card.querySelector('.hl-card__quote'))?.replace('Show in article: ', '') ?? '';
    expect(quote.endsWith('…')).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(280);
    const toggle = button(card, 'Show whole passage');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(card.querySelector('.hl-card__quote')?.textContent).toContain(long);
    expect(button(card, 'Show less').getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps line breaks in notes with pre-wrap', () => {
    const css = readFileSync(
      resolve(dirname(fileURLToPath(import.meta.url)), '../../components/highlights.css'),
      'utf8',
    );
    expect(css).toMatch(/\.hl-card__note\s*{[^}]*white-space:\s*pre-wrap/);
  });

  it.each<[string, string, string]>([
    ['an empty note', '', 'Add note: “knowledge brokers”'],
    ['a note', 'Mine', 'Edit note: “knowledge brokers”'],
  ])('offers to edit %s, naming the highlight in every action', (_, note, editName) => {
    const h = at(1, 'q1', 'knowledge brokers', { note });
    anchoredMount([h]);
    const card = cardOf(h) as HTMLElement;
    expect(all('.hl-actions button', card).map(nameOf)).toEqual([
      'Show in article: “knowledge brokers”',
      editName,
      'Delete highlight: “knowledge brokers”',
    ]);
    expect(card.tabIndex).toBe(-1);
  });

  it('reveals the passage from its button and from the quote, which is a keyboard-operable button', async () => {
    const h = at(1, 'q1', 'knowledge brokers');
    const props = anchoredMount([h]);
    const card = cardOf(h) as HTMLElement;
    await click(button(card, 'Show in article: “knowledge brokers”'));
    const quote = card.querySelector('.hl-card__quote') as HTMLButtonElement;
    expect([quote.tagName, quote.type]).toEqual(['BUTTON', 'button']);
    await click(quote);
    expect(props.onReveal).toHaveBeenNthCalledWith(1, h.id);
    expect(props.onReveal).toHaveBeenNthCalledWith(2, h.id);
  });

  it.each<[string, Partial<Highlight>, string | null, string]>([
    ['an orphan made on this page', {}, 'Not found on this page · 1 highlight', 'Question 1'],
    ['an orphan made on another copy', { target: { source: PMC } as Highlight['target'] }, null, 'made on'],
  ])('lists %s apart, with no way to show it', (_, more, heading, meta) => {
    const h = at(1, 'q1', 'lost passage', more);
    mount({ highlights: [h], anchors: { [h.id]: 'orphan' } });
    expect(groupsWithCards()).toEqual([heading ?? 'Not found in this version · 1 highlight']);
    const card = cardOf(h) as HTMLElement;
    expect(text(card.querySelector('.hl-card__meta'))).toContain(meta);
    if (heading === null) expect(text(card.querySelector('.hl-tag'))).toBe('made on pmc.ncbi.nlm.nih.gov');
    expect(card.querySelector('blockquote')?.textContent).toBe('lost passage');
    expect(all('button', card).map((b) => b.textContent)).toEqual(['Add note', 'Delete']);
    expect(card.querySelector('select')).not.toBeNull();
  });

  it('says of an ambiguous highlight that it was found in more than one place, and lists it apart', () => {
    const h = at(1, 'q1', 'repeated passage');
    mount({ highlights: [h], anchors: { [h.id]: 'ambiguous' } });
    expect(groupsWithCards()).toEqual(['Not found on this page · 1 highlight']);
    const card = cardOf(h) as HTMLElement;
    expect(text(card.querySelector('.hl-tag'))).toBe('Found in more than one place on this page');
    expect(card.querySelector('blockquote')?.textContent).toBe('repeated passage');
  });

  it('lists a highlight found only approximately under its question, marked, and lets the reader go to it', () => {
    const h = at(1, 'q2', 'a passage typeset again');
    mount({ highlights: [h], anchors: { [h.id]: 'approximate' } });
    expect(groupsWithCards()).toEqual(['Question 2 · 1 highlight']);
    const card = cardOf(h) as HTMLElement;
    expect(text(card.querySelector('.hl-tag'))).toBe('≈ Found approximately');
    expect(card.querySelector('.hl-tag')?.getAttribute('title')).toMatch(/other format, HTML or PDF/);
    expect(card.querySelector('button.hl-card__quote')?.textContent).toContain('a passage typeset again');
    expect(all('button', card).map((b) => b.textContent)).toContain('Show in article');
  });

  it('lists a highlight from another copy that anchors here under its question, tagged', () => {
    const h = at(1, 'q2', 'found anyway', { target: { source: PMC } as Highlight['target'] });
    anchoredMount([h]);
    expect(groupsWithCards()).toEqual(['Question 2 · 1 highlight']);
    expect(text(cardOf(h)?.querySelector('.hl-tag'))).toBe('from another copy');
  });

  it('lists everything under its question while the page is still being searched', () => {
    const [h, orphanLater] = [at(1, 'q1', 'one'), at(2, null, 'two')];
    mount({ highlights: [h, orphanLater] as Highlight[], anchors: null });
    expect(text(container.querySelector('[role="status"]'))).toBe('Finding your highlights on this page…');
    expect(groupsWithCards()).toEqual(['Question 1 · 1 highlight', 'Not tied to a question · 1 highlight']);
    expect(all('button').filter((b) => b.textContent === 'Show in article')).toEqual([]);
    update({ anchors: { [h.id]: 'anchored' } });
    expect(text(container.querySelector('.hl-status'))).toBe('');
  });

  it('treats a question the club removed as untied, saying so and keeping the choice in the select', () => {
    const h = at(1, 'q-gone', 'old');
    anchoredMount([h]);
    expect(groupsWithCards()).toEqual(['Not tied to a question · 1 highlight']);
    const card = cardOf(h) as HTMLElement;
    expect(text(card.querySelector('.hl-card__question'))).toBe("Question no longer in the club's list");
    const select = card.querySelector('select') as HTMLSelectElement;
    expect(select.value).toBe('q-gone');
    expect(select.selectedOptions[0]?.disabled).toBe(true);
  });
});
