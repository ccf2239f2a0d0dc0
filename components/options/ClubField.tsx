import type { RefObject } from 'preact';

interface ClubFieldProps {
  id: string;
  label: string;
  value: string;
  type?: 'url' | 'text' | 'password';
  /** What the field is for, read with it (aria-describedby). */
  hint?: preact.ComponentChildren;
  /** The field's problem, tied to it so a screen reader hears why when returning to it. */
  error: string | null;
  inputRef?: RefObject<HTMLInputElement>;
  onInput: (value: string) => void;
}

/** One labelled field of the club's connect forms. Secrets are password fields that the browser does not offer to keep. */
export function ClubField({ id, label, value, type = 'text', hint, error, inputRef, onInput }: ClubFieldProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class="club__field">
      <label for={id}>{label}</label>
      <input
        ref={inputRef}
        class="text-box"
        id={id}
        type={type}
        inputMode={type === 'url' ? 'url' : undefined}
        autoComplete={type === 'password' ? 'off' : type === 'url' ? 'url' : 'off'}
        spellcheck={false}
        value={value}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={described || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
