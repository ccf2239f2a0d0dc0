import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../entrypoints/author/style.css';
import { AuthoringApp } from '../../components/authoring/AuthoringApp';
import { blankForm } from '../../utils/authoring/form';
import type { AuthoringStart } from '../../utils/authoring/views';
import type { BackgroundRequest } from '../../utils/protocol/requests';
import type { BackgroundClient } from '../../utils/protocol/responses';

/**
 * The authoring page's questions in real Chromium: reordered and removed with the keyboard alone, keyboard focus
 * following the moved question, Undo bringing a removed question back, and issues tied to their boxes.
 */
const host = document.createElement('div');
document.body.append(host);
document.documentElement.lang = 'en';
afterEach(() => render(null, host));

const START: AuthoringStart = {
  form: {
    ...blankForm(),
    questions: [
      { id: 'q1', en: 'First?', fr: '' },
      { id: 'q2', en: 'Second?', fr: '' },
      { id: 'q3', en: '', fr: '' },
    ],
    nextQuestion: 4,
  },
  draftKey: 'doi:10.1000/x',
  resumedFrom: null,
  editing: null,
  notice: null,
};

async function draw(): Promise<BackgroundRequest[]> {
  const sent: BackgroundRequest[] = [];
  const send = (async (request: BackgroundRequest) => {
    sent.push(request);
    if (request.type === 'author-start') return { ok: true, value: START };
    return { ok: true, value: { savedAt: '2026-12-03T10:00:00.000Z' } };
  }) as BackgroundClient;
  await act(async () => {
    render(<AuthoringApp send={send} tabId={7} entryId={null} language="en-CA" onSaved={() => {}} />, host);
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  return sent;
}

const button = (name: string) => {
  const found = [...host.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const order = () =>
  [...host.querySelectorAll<HTMLTextAreaElement>('.question textarea:not([lang])')].map((box) => box.value);
/** Focus on the button, then a real Enter: the keyboard alone does it. */
const press = async (target: HTMLElement) => {
  target.focus();
  await act(() => userEvent.keyboard('{Enter}'));
};

describe('the questions on the authoring page', () => {
  it('move with the keyboard, and focus stays on the moved question’s button', async () => {
    await draw();
    await press(button('Move question 1 down'));
    expect(order()).toEqual(['Second?', 'First?', '']);
    expect(document.activeElement?.id).toBe('question-q1-down');
    // Pressed again where focus is: the same question goes on down.
    await press(document.activeElement as HTMLElement);
    expect(order()).toEqual(['Second?', '', 'First?']);
    // At the bottom its Down is disabled: focus moves to its Up, not to the page.
    expect(document.activeElement?.id).toBe('question-q1-up');
  });

  it('come back with Undo after removal, in their place and with their id', async () => {
    await draw();
    await press(button('Remove question 2'));
    expect(order()).toEqual(['First?', '']);
    await press(button('Undo'));
    expect(order()).toEqual(['First?', 'Second?', '']);
    expect(host.querySelector('#field-question-q2-en')).not.toBeNull();
  });

  it('ties each issue to its box, and keeps Save disabled while any is left', async () => {
    await draw();
    const empty = host.querySelector<HTMLTextAreaElement>('#field-question-q3-en');
    expect(empty?.getAttribute('aria-invalid')).toBe('true');
    const described = empty?.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe('Required.');
    expect(host.querySelector<HTMLInputElement>('#field-titleEn')?.getAttribute('aria-invalid')).toBe('true');
    expect(button('Save to My club').disabled).toBe(true);
  });

  it('keeps what was typed as a draft a moment later, under the article’s key', async () => {
    const sent = await draw();
    await press(button('Add a question'));
    expect(document.activeElement?.id).toBe('field-question-q4-en');
    await act(() => new Promise((resolve) => setTimeout(resolve, 600)));
    const drafts = sent.filter((request) => request.type === 'author-draft');
    expect(drafts).toEqual([
      expect.objectContaining({ key: 'doi:10.1000/x', form: expect.objectContaining({ nextQuestion: 5 }) }),
    ]);
  });

  it('keeps every box filled in one task (autofill, a paste into several fields), not only the last', async () => {
    const sent = await draw();
    const fill = (selector: string, value: string) => {
      const box = host.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
      if (!box) throw new Error(`no box ${selector}`);
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(() => {
      fill('#field-titleEn', 'A title');
      fill('#field-question-q3-en', 'Third?');
    });
    expect(host.querySelector<HTMLInputElement>('#field-titleEn')?.value).toBe('A title');
    expect(order()).toEqual(['First?', 'Second?', 'Third?']);
    await act(() => new Promise((resolve) => setTimeout(resolve, 600)));
    const [draft] = sent.filter((request) => request.type === 'author-draft');
    expect(draft).toMatchObject({ form: { titleEn: 'A title', questions: [{}, {}, { en: 'Third?' }] } });
  });

  it('puts the focus in an added question’s box in the task of the click, so the next keys go there', async () => {
    await draw();
    const add = button('Add a question');
    let focusedAfterClick: string | undefined;
    add.addEventListener('click', () =>
      queueMicrotask(() => queueMicrotask(() => (focusedAfterClick = document.activeElement?.id))),
    );
    // Not inside `act`, which would hold every render until it ends: the page's own scheduling is what counts.
    add.focus();
    await userEvent.keyboard('{Enter}');
    expect(focusedAfterClick).toBe('field-question-q4-en');
  });
});
