import { i18n } from '#i18n';
import type { Visibility } from '../../utils/club/connection';

interface ClubVisibilityChoiceProps {
  /** Distinguishes the two places the choice appears (the connect form, the connected status). */
  idPrefix: string;
  value: Visibility;
  disabled?: boolean;
  onChange: (visibility: Visibility) => void;
}

/** "Only me" or "My club" for new highlights; each option says what it means for where the note goes. */
export function ClubVisibilityChoice({ idPrefix, value, disabled = false, onChange }: ClubVisibilityChoiceProps) {
  const options: { value: Visibility; label: string; hint: string }[] = [
    {
      value: 'only-me',
      label: i18n.t('clubOptions.visibility.onlyMe'),
      hint: i18n.t('clubOptions.visibility.onlyMeHint'),
    },
    { value: 'club', label: i18n.t('clubOptions.visibility.club'), hint: i18n.t('clubOptions.visibility.clubHint') },
  ];
  return (
    <fieldset class="club__choice">
      <legend>{i18n.t('clubOptions.visibility.legend')}</legend>
      {options.map((option) => (
        <div key={option.value} class="club__option">
          <input
            type="radio"
            id={`${idPrefix}-${option.value}`}
            name={`${idPrefix}-visibility`}
            value={option.value}
            checked={value === option.value}
            disabled={disabled}
            aria-describedby={`${idPrefix}-${option.value}-hint`}
            onChange={() => onChange(option.value)}
          />
          <label for={`${idPrefix}-${option.value}`}>{option.label}</label>
          <p id={`${idPrefix}-${option.value}-hint`} class="hint">
            {option.hint}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
