/**
 * Keyboard focus on the host page, for the panel's way back: Escape in the panel returns the reader to the place
 * on the page they left (a keyboard reader must never have to Tab through the whole article to find it again),
 * and a passage opened from the panel takes focus so that the next Tab and the screen reader continue from there.
 */
export interface PageFocus {
  /** Focuses the element the reader last had focus on in the page, else the article itself. */
  restore(): void;
  /** Focuses the element holding a passage (made focusable for as long as it keeps focus), without scrolling. */
  focusPassage(range: Range): void;
  stop(): void;
}

/** Our own hosts on the page (panel, selection toolbar): focus in them is not a place on the page. */
const isOwnHost = (element: Element) => element.localName.startsWith('journal-club-');

export function trackPageFocus(doc: Document): PageFocus {
  let last: HTMLElement | null = null;
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (target instanceof HTMLElement && target !== doc.body && !isOwnHost(target)) last = target;
  };
  doc.addEventListener('focusin', onFocusIn, true);

  return {
    restore() {
      const place = last?.isConnected
        ? last
        : (doc.querySelector<HTMLElement>('main, [role="main"], article') ?? doc.body);
      focusTemporarily(place);
    },
    focusPassage(range) {
      const start = range.startContainer;
      const element = start instanceof HTMLElement ? start : start.parentElement;
      if (element && !isOwnHost(element)) focusTemporarily(element);
    },
    stop() {
      doc.removeEventListener('focusin', onFocusIn, true);
    },
  };
}

/**
 * Focuses an element even when it is not focusable, by giving it `tabindex=-1` until it loses focus, so the
 * page's own tab order is left as it was.
 */
function focusTemporarily(element: HTMLElement): void {
  if (element.tabIndex >= 0 || element.hasAttribute('tabindex')) {
    element.focus({ preventScroll: true });
    return;
  }
  element.setAttribute('tabindex', '-1');
  element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
  element.focus({ preventScroll: true });
}
