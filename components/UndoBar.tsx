import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';

export interface UndoBarProps {
  /** Changes for each new undoable action (restarting the countdown); null hides the bar. */
  activeKey: number | null;
  message: string;
  onUndo(): void;
  /** Called when the time is up; the caller forgets the action. */
  onDismiss(): void;
  error?: string | null | undefined;
  busy?: boolean | undefined;
  timeoutMs?: number | undefined;
}

export const UNDO_TIMEOUT_MS = 10_000;

/** True when the element that had focus went away (for example the card just deleted). */
export const focusWasLost = (): boolean => {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
};

/**
 * "Deleted. Undo" for a few seconds. The status region is always in the document so screen readers announce
 * the message when it appears. The countdown waits while the bar has focus or the pointer, so nobody loses
 * the undo while reaching for it (WCAG 2.2.1).
 */
export function UndoBar({
  activeKey,
  message,
  onUndo,
  onDismiss,
  error,
  busy = false,
  timeoutMs = UNDO_TIMEOUT_MS,
}: UndoBarProps) {
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;

  const paused = focused || hovered || busy;
  useEffect(() => {
    if (activeKey === null || paused) return;
    const timer = setTimeout(() => dismiss.current(), timeoutMs);
    return () => clearTimeout(timer);
  }, [activeKey, paused, timeoutMs]);

  // A new action starts a fresh countdown, whatever happened to the last bar. The deleted card took focus with
  // it; the undo is the nearest useful place to put focus back.
  useEffect(() => {
    setFocused(false);
    setHovered(false);
    // Only in a panel the reader is in: one mounted later offering an earlier undo must not pull focus off the page.
    if (activeKey !== null && document.hasFocus() && focusWasLost()) button.current?.focus();
  }, [activeKey]);

  // Plain listeners: these only pause the countdown, they are not an interaction of their own.
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const listeners: [string, (event: Event) => void][] = [
      ['focusin', () => setFocused(true)],
      [
        'focusout',
        (event) => {
          const next = (event as FocusEvent).relatedTarget;
          if (!(next instanceof Node) || !element.contains(next)) setFocused(false);
        },
      ],
      ['mouseenter', () => setHovered(true)],
      ['mouseleave', () => setHovered(false)],
    ];
    for (const [type, listener] of listeners) element.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of listeners) element.removeEventListener(type, listener);
    };
  }, []);

  const active = activeKey !== null;
  return (
    <div ref={bar} class={active ? 'hl-undo hl-undo--active' : 'hl-undo'}>
      <div role="status" class="hl-undo__status">
        {active && (
          <>
            <span class="hl-undo__message">{message}</span>{' '}
            <button
              ref={button}
              type="button"
              class="button"
              onClick={() => busy || onUndo()}
              aria-disabled={busy || undefined}
            >
              {i18n.t('highlights.undo')}
            </button>
          </>
        )}
      </div>
      {active && error && (
        <p class="hl-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
