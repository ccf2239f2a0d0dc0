/**
 * The message the panel's content script posts into the panel frame to ask it to take keyboard focus (after the
 * keyboard shortcut or the popup's "Open panel"). It carries nothing else: anyone able to post it could only move
 * focus to the panel's heading.
 */
export const PANEL_FOCUS_MESSAGE = 'journal-club-reader:focus-panel';

/** How long a focus request waits for the panel to render (it first asks the background what to show). */
const RENDER_WAIT_MS = 5_000;

/**
 * Where keyboard focus lands in the panel: back on the control the reader left it from (say "Show in article",
 * after reading the passage on the page), so coming back costs no Tab presses; otherwise the article's title, so a
 * screen reader announces what the panel is about and the next Tab reaches the first control; the panel itself
 * when it shows no title (a share link for an article outside the catalog, or an error). Null until the open
 * panel is rendered.
 */
export function panelFocusTarget(doc: Document, left: Element | null = null): HTMLElement | null {
  const panel = doc.querySelector<HTMLElement>('.panel');
  if (!panel) return null;
  if (left instanceof HTMLElement && left !== panel && panel.contains(left)) return left;
  const target = panel.querySelector<HTMLElement>('h1') ?? panel;
  // Headings and landmarks are not focusable by default; -1 makes them focusable by script, not by Tab.
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  return target;
}

/**
 * In the panel frame: answers {@link PANEL_FOCUS_MESSAGE} from the page that embeds it by focusing the control the
 * reader last used or else the panel's heading, waiting (briefly) for the panel to render if the frame has just been loaded. Returns a function that
 * stops listening.
 */
export function focusPanelOnRequest(win: Window): () => void {
  // Remembered here because Chromium forgets a frame's focused element once focus moves out of the frame.
  let left: Element | null = null;
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof Element) left = event.target;
  };
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent || event.data !== PANEL_FOCUS_MESSAGE) return;
    void whenRendered(win.document, left).then((target) => target?.focus());
  };
  win.document.addEventListener('focusin', onFocusIn);
  win.addEventListener('message', onMessage);
  return () => {
    win.document.removeEventListener('focusin', onFocusIn);
    win.removeEventListener('message', onMessage);
  };
}

function whenRendered(doc: Document, left: Element | null): Promise<HTMLElement | null> {
  const now = panelFocusTarget(doc, left);
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (target: HTMLElement | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(target);
    };
    const observer = new MutationObserver(() => {
      const target = panelFocusTarget(doc, left);
      if (target) done(target);
    });
    const timer = setTimeout(() => done(null), RENDER_WAIT_MS);
    observer.observe(doc.body, { childList: true, subtree: true });
  });
}
