import type { JSX } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { NOTE_MAX_LENGTH } from '../utils/highlights/highlight';

export interface NoteEditorProps {
  initialNote: string;
  /** Resolves null when saved (the editor then closes) or an error message, shown while the text stays. */
  onSave(note: string): Promise<string | null>;
  onClose(): void;
  /** Focuses the textarea again each time it changes (it is also focused when the editor opens). */
  focusKey?: number | undefined;
  disabled?: boolean | undefined;
  /** Names the highlight for screen readers, since several editors may be open at once. */
  context?: string | undefined;
  /** The field's visible name; "Note" by default (a reply to the club names itself). */
  label?: string | undefined;
}

/** Only the last stretch before the limit is announced, so typing is not read out keystroke by keystroke. */
const ANNOUNCE_FROM = Math.floor(NOTE_MAX_LENGTH * 0.9);

/** Mac readers save with ⌘+Enter; naming the key they actually press. */
const APPLE_KEYS = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

/** A plain-text note editor: Ctrl/Cmd+Enter saves, Escape cancels without collapsing the panel around it. */
export function NoteEditor(props: NoteEditorProps) {
  const { initialNote, onSave, onClose, focusKey, disabled = false, context, label } = props;
  const [text, setText] = useState(initialNote);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  // In the task that opened the editor (a layout effect), so the reader's first keys land in the note.
  useLayoutEffect(() => {
    const element = textarea.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, [focusKey]);

  const save = async () => {
    if (saving || disabled) return;
    setSaving(true);
    setError(null);
    let failure: string | null;
    try {
      failure = await onSave(text);
    } catch {
      failure = i18n.t('notes.saveFailed');
    }
    setSaving(false);
    if (failure === null) onClose();
    else setError(failure);
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (event.isComposing) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      // The panel collapses on Escape unless the event was already handled.
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  const nearLimit = text.length >= ANNOUNCE_FROM;
  return (
    <div class="hl-editor">
      <label for={`${id}-note`} class="hl-editor__label">
        {label ?? i18n.t('notes.label')}
        {context && <span class="visually-hidden">{i18n.t('notes.labelFor', [context])}</span>}
      </label>
      <textarea
        ref={textarea}
        id={`${id}-note`}
        class="hl-editor__text"
        rows={4}
        maxLength={NOTE_MAX_LENGTH}
        value={text}
        aria-describedby={`${id}-count ${id}-keys`}
        aria-invalid={error ? 'true' : undefined}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p class="hl-editor__hints">
        <span id={`${id}-keys`} class="hl-editor__keys">
          {i18n.t('notes.keys', [APPLE_KEYS ? i18n.t('notes.saveKeysApple') : i18n.t('notes.saveKeys')])}
        </span>
        <span
          id={`${id}-count`}
          class={nearLimit ? 'hl-editor__count hl-editor__count--near' : 'hl-editor__count'}
          aria-live={nearLimit ? 'polite' : undefined}
        >
          {text.length} / {NOTE_MAX_LENGTH}
          <span class="visually-hidden">{i18n.t('notes.characters')}</span>
        </span>
      </p>
      {error && (
        <p class="hl-error" role="alert">
          {error}
        </p>
      )}
      <div class="hl-actions">
        <button
          type="button"
          class="button button--primary"
          onClick={save}
          disabled={disabled}
          aria-disabled={saving ? 'true' : undefined}
        >
          {saving ? i18n.t('notes.saving') : i18n.t('notes.save')}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {i18n.t('notes.cancel')}
        </button>
      </div>
    </div>
  );
}
