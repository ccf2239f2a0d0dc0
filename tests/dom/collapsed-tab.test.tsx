import { render } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { CollapsedTab } from '../../components/CollapsedTab';

/**
 * Folding the panel by keyboard: the tab that replaces the Collapse button has the focus before the key press that
 * folded it has finished, so the reader's next key (Enter, to unfold again) is never lost on the frame's body.
 */
const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

function Folding() {
  const [folded, setFolded] = useState(false);
  return folded ? (
    <CollapsedTab takeFocus onOpen={() => setFolded(false)} />
  ) : (
    <button type="button" onClick={() => setFolded(true)}>
      Collapse panel
    </button>
  );
}

it('has the focus in the task of the key press that folded the panel', async () => {
  render(<Folding />, host);
  const collapse = host.querySelector('button') as HTMLButtonElement;
  collapse.focus();
  // What the next key would find, read in the same task as the click, before any frame is drawn.
  let focusedAfterClick: Element | null = null;
  collapse.addEventListener('click', () =>
    queueMicrotask(() =>
      queueMicrotask(() => {
        focusedAfterClick = document.activeElement;
      }),
    ),
  );
  await userEvent.keyboard('{Enter}');
  const tab = host.querySelector('.collapsed-tab');
  expect(tab).not.toBeNull();
  expect(focusedAfterClick).toBe(tab);
  await userEvent.keyboard('{Enter}');
  expect(host.querySelector('button')?.textContent).toBe('Collapse panel');
});
