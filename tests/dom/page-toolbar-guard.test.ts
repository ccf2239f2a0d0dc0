import { afterEach, describe, expect, it } from 'vitest';
import { mountSelectionToolbar, type SelectionToolbar } from '../../utils/page/toolbar/toolbar';

const QUESTIONS = [
  { id: 'q1', number: 1, text: 'What roles do practitioners play?' },
  { id: 'q2', number: 2, text: 'How does context shape the support?' },
];
const RECT = new DOMRect(100, 100, 200, 20);
/** Lets the toolbar's MutationObserver see what the page did. */
const observed = () => new Promise((resolve) => setTimeout(resolve, 0));

let toolbar: SelectionToolbar | undefined;
afterEach(() => {
  toolbar?.destroy();
  toolbar = undefined;
});

const labels = () =>
  [...(toolbar?.host.shadowRoot?.querySelectorAll('button') ?? [])].map((button) => button.getAttribute('aria-label'));

describe('the toolbar’s open shadow root, changed by the page', () => {
  it('hides when the page relabels or reorders its buttons, and is drawn afresh when shown again', async () => {
    toolbar = mountSelectionToolbar(document, { questions: QUESTIONS, onTie: () => {}, onDismiss: () => {} });
    toolbar.show(RECT);
    const honest = labels();
    expect(honest[0]).toMatch(/^Tie to question 1/);

    const [first, second] = toolbar.host.shadowRoot?.querySelectorAll('button') ?? [];
    first?.setAttribute('aria-label', second?.getAttribute('aria-label') ?? '');
    second?.after(first as Node);
    await observed();
    expect(toolbar.isShown()).toBe(false);

    toolbar.show(RECT);
    expect(labels()).toEqual(honest);
    await observed();
    expect(toolbar.isShown()).toBe(true);
  });

  it('stays shown through its own changes: a message, and focus moving between buttons', async () => {
    toolbar = mountSelectionToolbar(document, { questions: QUESTIONS, onTie: () => {}, onDismiss: () => {} });
    toolbar.show(RECT);
    toolbar.showMessage('This passage cannot be highlighted.');
    toolbar.host.shadowRoot?.querySelectorAll('button')[1]?.focus();
    await observed();
    await observed();
    expect(toolbar.isShown()).toBe(true);
  });
});
