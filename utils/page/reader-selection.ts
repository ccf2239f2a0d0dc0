/** How long after the reader's selecting key or pointer release a selection change still counts as theirs. */
const AFTER_INPUT_MS = 500;

/**
 * Tells the reader's selections from the page's. The page's script can select any passage (`addRange`), and the
 * next trusted "h" or "1"–"9" would then save a passage the page chose. A selection counts as the reader's only
 * when it changed while a trusted pointer was down or shortly after a trusted pointer release or selecting key
 * (Shift with a movement key, select-all), all seen in the capture phase before the page's own listeners on the
 * document. A script's later change to the selection makes it the page's again.
 */
export function trackReaderSelection(doc: Document) {
  let pointerDown = false;
  let trustedUntil = 0;
  let readerMade = false;
  const now = () => doc.defaultView?.performance.now() ?? Date.now();
  const listeners: [string, (event: Event) => void][] = [
    ['pointerdown', pressed],
    ['mousedown', pressed],
    ['pointerup', released],
    ['mouseup', released],
    [
      'keydown',
      (event) => {
        const key = event as KeyboardEvent;
        const selectAll = (key.ctrlKey || key.metaKey) && key.key.toLowerCase() === 'a';
        if (key.isTrusted && (key.shiftKey || selectAll)) trustedUntil = now() + AFTER_INPUT_MS;
      },
    ],
    [
      'selectionchange',
      () => {
        readerMade = pointerDown || now() <= trustedUntil;
      },
    ],
  ];
  function pressed(event: Event): void {
    if (event.isTrusted) pointerDown = true;
  }
  function released(event: Event): void {
    if (!event.isTrusted) return;
    pointerDown = false;
    trustedUntil = now() + AFTER_INPUT_MS;
    // A click or a drag ends here: what is selected now is what the reader's pointer left.
    readerMade = true;
  }
  for (const [type, listener] of listeners) doc.addEventListener(type, listener, { capture: true, passive: true });
  return {
    /** Whether the current selection was made by the reader's own input. */
    isReaderMade: () => readerMade,
    stop() {
      for (const [type, listener] of listeners) doc.removeEventListener(type, listener, { capture: true });
    },
  };
}
