/**
 * Marks a control whose click deletes, copies to the clipboard or changes a setting: components spread it onto
 * the element (`<button {...GUARDED}>`), and {@link guardClicks} lets such a click through only when the reader
 * can see the panel.
 */
export const GUARDED = { 'data-guarded': '' } as const;

/** Dispatched on the panel's window when a reader's (trusted) click was dropped, so the panel can say why. */
export const CLICK_IGNORED = 'journal-club-reader:click-ignored';

/** How long the panel must have been fully visible before a guarded click counts (a frame shown just in time). */
export const VISIBLE_FOR_MS = 500;

/**
 * In the panel frame (review F1): a page can lay the panel under a decoy, nearly transparent, and have the reader
 * click through it. IntersectionObserver v2 (`trackVisibility`) reports whether the frame is really visible:
 * unobscured, not faded, not transformed, in every ancestor frame. A click on a guarded control is dropped, in
 * the capture phase before any handler sees it, unless it is trusted and the panel has been visible for
 * {@link VISIBLE_FOR_MS}. Where the browser lacks visibility tracking (Firefox), intersecting the viewport counts.
 * Returns a function that stops guarding.
 */
export function guardClicks(
  win: Window & typeof globalThis,
  now: () => number = () => win.performance.now(),
): () => void {
  let visibleSince: number | null = null;
  const options = { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit;
  const observer = new win.IntersectionObserver((entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      const visible = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible ?? entry.isIntersecting;
      visibleSince = visible ? (visibleSince ?? now()) : null;
    }
  }, options);
  observer.observe(win.document.documentElement);

  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof win.Element ? event.target.closest('[data-guarded]') : null;
    if (!target) return;
    const seen = visibleSince !== null && now() - visibleSince >= VISIBLE_FOR_MS;
    if (event.isTrusted && seen) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.isTrusted) win.dispatchEvent(new win.Event(CLICK_IGNORED));
  };
  win.addEventListener('click', onClick, true);
  return () => {
    observer.disconnect();
    win.removeEventListener('click', onClick, true);
  };
}
