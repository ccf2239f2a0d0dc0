import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor, type NoteEditorProps } from '../../components/NoteEditor';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

function mount(overrides: Partial<NoteEditorProps> = {}) {
  const props: NoteEditorProps = {
    initialNote: 'First line\nsecond line',
    onSave: vi.fn(async () => null),
    onClose: vi.fn(),
    ...overrides,
  };
  act(() => render(<NoteEditor {...props} />, container));
  const textarea = container.querySelector('textarea') as HTMLTextAreaElement;
  return { props, textarea };
}

const count = () => container.querySelector('.hl-editor__count') as HTMLElement;
const buttonNamed = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

async function type(textarea: HTMLTextAreaElement, value: string) {
  await act(() => {
    textarea.value = value;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Dispatches a keydown on the textarea; returns false when the editor prevented the default. */
async function press(textarea: HTMLTextAreaElement, init: KeyboardEventInit): Promise<boolean> {
  let notPrevented = true;
  await act(async () => {
    notPrevented = textarea.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    await Promise.resolve();
  });
  return notPrevented;
}

describe('<NoteEditor>', () => {
  it('is a labelled textarea holding the note, limited to 2000 characters, focused on opening', () => {
    const { textarea } = mount();
    const label = container.querySelector('label');
    expect(label?.textContent).toBe('Note');
    expect(label?.getAttribute('for')).toBe(textarea.id);
    expect(textarea.value).toBe('First line\nsecond line');
    expect(textarea.getAttribute('maxlength')).toBe('2000');
    expect(document.activeElement).toBe(textarea);
  });

  it.each<[number, string, string | null]>([
    [22, '22 / 2000', null],
    [1799, '1799 / 2000', null],
    [1800, '1800 / 2000', 'polite'],
    [2000, '2000 / 2000', 'polite'],
  ])('shows a count of %i characters, announced only near the limit', async (length, shown, live) => {
    const { textarea } = mount();
    await type(textarea, 'n'.repeat(length));
    expect(count().textContent).toBe(`${shown} characters`);
    expect(count().getAttribute('aria-live')).toBe(live);
    expect(textarea.getAttribute('aria-describedby')).toContain(count().id);
  });

  it.each<[string, KeyboardEventInit]>([
    ['Ctrl+Enter', { key: 'Enter', ctrlKey: true }],
    ['Cmd+Enter', { key: 'Enter', metaKey: true }],
  ])('saves the typed text on %s, then closes', async (_, keys) => {
    const { textarea, props } = mount();
    await type(textarea, 'Changed');
    expect(await press(textarea, keys)).toBe(false);
    expect(props.onSave).toHaveBeenCalledWith('Changed');
    expect(props.onClose).toHaveBeenCalledOnce();
  });

  it('saves with the Save button', async () => {
    const { props } = mount();
    await act(async () => buttonNamed('Save').click());
    expect(props.onSave).toHaveBeenCalledWith('First line\nsecond line');
    expect(props.onClose).toHaveBeenCalledOnce();
  });

  it('does not save on a plain Enter, which is a new line', async () => {
    const { textarea, props } = mount();
    expect(await press(textarea, { key: 'Enter' })).toBe(true);
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('cancels on Escape without letting the panel see it', async () => {
    const { textarea, props } = mount();
    const panelListener = vi.fn();
    container.addEventListener('keydown', panelListener);
    expect(await press(textarea, { key: 'Escape' })).toBe(false);
    container.removeEventListener('keydown', panelListener);
    expect(panelListener).not.toHaveBeenCalled();
    expect(props.onClose).toHaveBeenCalledOnce();
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('cancels with the Cancel button', async () => {
    const { props } = mount();
    await act(() => buttonNamed('Cancel').click());
    expect(props.onClose).toHaveBeenCalledOnce();
  });

  it.each<[string, () => Promise<string | null>, string]>([
    ['an error message', async () => 'Storage is full.', 'Storage is full.'],
    ['a rejection', async () => Promise.reject(new Error('boom')), 'The note could not be saved. Try again.'],
  ])('shows %s inline, keeping the text and staying open', async (_, onSave, message) => {
    const { textarea, props } = mount({ onSave: vi.fn(onSave) });
    await type(textarea, 'Keep me');
    await press(textarea, { key: 'Enter', ctrlKey: true });
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(message);
    expect(textarea.value).toBe('Keep me');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(props.onClose).not.toHaveBeenCalled();
  });

  it('focuses the textarea again when asked', () => {
    const { textarea } = mount({ focusKey: 1 });
    buttonNamed('Cancel').focus();
    act(() => render(<NoteEditor initialNote="" onSave={vi.fn()} onClose={vi.fn()} focusKey={2} />, container));
    expect(document.activeElement).toBe(textarea);
  });
});
