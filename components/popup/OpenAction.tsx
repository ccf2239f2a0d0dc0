import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Reply } from '../../utils/protocol/reply';

interface OpenActionProps<T extends string> {
  label: string;
  /** What the button says while the background works. */
  busyLabel: string;
  /** A line beside the button (a shortcut, where it leads); its id links it to the button. */
  hint?: { id: string; text: string };
  /** Asks the background; `done` is the answer that means the thing is open (the popup then closes). */
  act: () => Promise<Reply<T>>;
  done: T;
  /** Said when the background answered otherwise: the tab no longer shows what the popup described. */
  goneText: string;
  /** Closes the popup, so that what was opened has the reader's attention (and keyboard focus). */
  onOpened: () => void;
}

type Opening = { status: 'idle' } | { status: 'opening' } | { status: 'gone' } | { status: 'failed'; error: string };

/**
 * The popup's one action on a tab (open the panel, read the post's article, open the PDF in the viewer): a
 * primary button that says it is working, closes the popup once done, and says in words why it could not.
 */
export function OpenAction<T extends string>({
  label,
  busyLabel,
  hint,
  act,
  done,
  goneText,
  onOpened,
}: OpenActionProps<T>) {
  const [opening, setOpening] = useState<Opening>({ status: 'idle' });
  const run = async () => {
    setOpening({ status: 'opening' });
    const reply = await act();
    if (reply.ok && reply.value === done) return onOpened();
    setOpening(reply.ok ? { status: 'gone' } : { status: 'failed', error: reply.error });
  };
  return (
    <>
      <div class="status__actions">
        <button
          type="button"
          class="button button--primary"
          onClick={run}
          disabled={opening.status === 'opening'}
          aria-describedby={hint?.id}
        >
          {opening.status === 'opening' ? busyLabel : label}
        </button>
        {hint && (
          <span id={hint.id} class="status__hint">
            {hint.text}
          </span>
        )}
      </div>
      {opening.status === 'gone' && (
        <p class="status__problem" role="alert">
          {goneText}
        </p>
      )}
      {opening.status === 'failed' && (
        <p class="status__problem" role="alert">
          {i18n.t('popup.statusFailed', [opening.error])}
        </p>
      )}
    </>
  );
}
