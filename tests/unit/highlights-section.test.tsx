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
  headings,
  mount,
  nameOf,
  PMC,
  text,
  unmount,
  update,
} from '../support/unit/highlights-harness';

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

describe('<HighlightsSection>: what it lists', () => {
  it('shows a hint when there are no highlights', () => {
    mount();
    expect(headings('h2')).toEqual(['My highlights']);
    expect(headings('h3')).toEqual([]);
    expect(text(container.querySelector('.hl-hint'))).toBe(
      'Select text in the article to highlight it and tie it to a question.',
    );
  });

  it('groups by question with counts, in page order, then the untied ones, hiding empty groups', () => {
    const [b, a, c, u] = [at(200, 'q1', 'second'), at(100, 'q1', 'first'), at(5, 'q2', 'other'), at(1, null, 'free')];
    anchoredMount([b, a, c, u] as Highlight[]);
    expect(headings('h3')).toEqual([
      'Question 1 · 2 highlights',
      'Question 2 · 1 highlight',
      'Not tied to a question · 1 highlight',
    ]);
    const [first] = all('.hl-group');
    expect(all('[data-highlight-id]', first).map((card) => card.getAttribute('aria-label'))).toEqual([
      'Highlight: “first”',
      'Highlight: “second”',
    ]);
    expect(all('h3 .hl-chip').map((chip) => chip.getAttribute('data-line'))).toEqual(['solid', 'dashed', 'dotted']);
    expect(container.querySelector<HTMLElement>('h3 .hl-chip')?.style.getPropertyValue('--hl-solid')).toBe('#b77e00');
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
    expect(headings('h3')).toEqual([heading ?? 'From another copy · 1 highlight']);
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
    expect(headings('h3')).toEqual(['Not found on this page · 1 highlight']);
    const card = cardOf(h) as HTMLElement;
    expect(text(card.querySelector('.hl-tag'))).toBe('Found in more than one place on this page');
    expect(card.querySelector('blockquote')?.textContent).toBe('repeated passage');
  });

  it('lists a highlight from another copy that anchors here under its question, tagged', () => {
    const h = at(1, 'q2', 'found anyway', { target: { source: PMC } as Highlight['target'] });
    anchoredMount([h]);
    expect(headings('h3')).toEqual(['Question 2 · 1 highlight']);
    expect(text(cardOf(h)?.querySelector('.hl-tag'))).toBe('from another copy');
  });

  it('lists everything under its question while the page is still being searched', () => {
    const [h, orphanLater] = [at(1, 'q1', 'one'), at(2, null, 'two')];
    mount({ highlights: [h, orphanLater] as Highlight[], anchors: null });
    expect(text(container.querySelector('[role="status"]'))).toBe('Finding your highlights on this page…');
    expect(headings('h3')).toEqual(['Question 1 · 1 highlight', 'Not tied to a question · 1 highlight']);
    expect(all('button').filter((b) => b.textContent === 'Show in article')).toEqual([]);
    update({ anchors: { [h.id]: 'anchored' } });
    expect(text(container.querySelector('.hl-status'))).toBe('');
  });

  it('treats a question the club removed as untied, saying so and keeping the choice in the select', () => {
    const h = at(1, 'q-gone', 'old');
    anchoredMount([h]);
    expect(headings('h3')).toEqual(['Not tied to a question · 1 highlight']);
    const card = cardOf(h) as HTMLElement;
    expect(text(card.querySelector('.hl-card__question'))).toBe("Question no longer in the club's list");
    const select = card.querySelector('select') as HTMLSelectElement;
    expect(select.value).toBe('q-gone');
    expect(select.selectedOptions[0]?.disabled).toBe(true);
  });
});
