import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { trackReaderSelection } from '../../utils/page/reader-selection';
import { mount, unmountAll } from '../support/dom/markup';

/** Waits for the `selectionchange` events the last change queued. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Selects the first `length` characters of the first paragraph, by script. */
function scriptSelects(root: Element, length: number): void {
  const text = root.querySelector('p')?.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, length);
  getSelection()?.removeAllRanges();
  getSelection()?.addRange(range);
}

let tracker: ReturnType<typeof trackReaderSelection> | null = null;
afterEach(() => {
  tracker?.stop();
  tracker = null;
  getSelection()?.removeAllRanges();
  unmountAll();
});

describe('telling the reader’s selections from the page’s', () => {
  it('does not count a selection the page’s script made, even with synthetic key and mouse events', async () => {
    const root = mount('<p>A passage the page would like the reader to save.</p>');
    tracker = trackReaderSelection(document);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true }));
    document.dispatchEvent(new MouseEvent('mouseup'));
    scriptSelects(root, 20);
    await settled();
    expect(tracker.isReaderMade()).toBe(false);
  });

  it('counts a selection the reader extended with Shift+ArrowRight', async () => {
    const root = mount('<p>A passage the reader selects with the keyboard.</p>');
    tracker = trackReaderSelection(document);
    scriptSelects(root, 20);
    await settled();
    expect(tracker.isReaderMade()).toBe(false);
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await settled();
    expect(getSelection()?.toString()).toHaveLength(21);
    expect(tracker.isReaderMade()).toBe(true);
  });

  it('gives the selection back to the page once its script changes it later', async () => {
    const root = mount('<p>A passage the reader selects, then the page replaces.</p>');
    tracker = trackReaderSelection(document);
    scriptSelects(root, 20);
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await settled();
    expect(tracker.isReaderMade()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 600));
    scriptSelects(root, 10);
    await settled();
    expect(tracker.isReaderMade()).toBe(false);
  });
});
