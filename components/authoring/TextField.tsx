import { issueText } from '../../utils/authoring/issue-words';
import type { FieldIssue } from '../../utils/authoring/validate';

export interface TextFieldProps {
  /** Unique on the page; the box's id and its issue list's are made from it. */
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  /** The schema's issues for this field, shown beside it and announced with it. */
  issues: readonly FieldIssue[];
  onInput(value: string): void;
  /** The feeds' cap for the field: the box takes no more, so an entry never fails for length alone. */
  maxLength: number;
  /** A text area of that many rows; one line without. */
  rows?: number;
  /** `fr` for the French versions, so that screen readers read them in French. */
  lang?: string;
  /** Text with no spelling to check (an address, a DOI, an id). */
  code?: boolean;
}

export const fieldId = (name: string) => `field-${name.replace(/[^a-zA-Z0-9-]/g, '-')}`;

/**
 * One labelled box of the authoring form with its hint and its issues. The issues are tied to the box with
 * `aria-describedby` and `aria-invalid`, so a screen reader says what is wrong when the box takes focus; they are
 * not announced while typing, which would interrupt every keystroke.
 */
export function TextField({ name, label, hint, value, issues, onInput, maxLength, rows, lang, code }: TextFieldProps) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : null;
  const issuesId = issues.length > 0 ? `${id}-issues` : null;
  const describedBy = [hintId, issuesId].filter((part) => part !== null).join(' ') || undefined;
  const common = {
    id,
    value,
    maxLength,
    lang,
    class: 'text-box field__input',
    'aria-invalid': issues.length > 0 ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    spellcheck: code ? false : undefined,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class="field">
      <label for={id} class="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId ?? undefined} class="field__hint">
          {hint}
        </p>
      )}
      {rows ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
      {issuesId && (
        <ul id={issuesId} class="field__issues">
          {issues.map((issue, i) => (
            <li key={i}>{issueText(issue)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
