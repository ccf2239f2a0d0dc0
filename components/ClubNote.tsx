import { useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';

/** A note is shown up to this many characters until the reader asks for all of it. */
export const NOTE_SHOWN_CHARS = 600;

/** Cuts before `limit` without splitting a surrogate pair (an emoji would become a replacement character). */
export function cutAt(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

/**
 * A member's note, as text: whatever it holds (markup, a script, a megabyte) is only ever a text node, and a long
 * one is cut until "Show all", so one member cannot bury the question's other notes under theirs.
 */
export function ClubNote({ text }: { text: string }) {
  const [all, setAll] = useState(false);
  const id = useId();
  if (text === '') return null;
  const long = text.length > NOTE_SHOWN_CHARS;
  return (
    <>
      <p class="hl-card__note club-note__text" id={id}>
        {all || !long ? text : `${cutAt(text, NOTE_SHOWN_CHARS)}…`}
      </p>
      {long && (
        <button
          type="button"
          class="hl-link-button"
          aria-expanded={all}
          aria-controls={id}
          onClick={() => setAll(!all)}
        >
          {all ? i18n.t('clubPanel.showLessNote') : i18n.t('clubPanel.showWholeNote')}
        </button>
      )}
    </>
  );
}
