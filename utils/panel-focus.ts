/**
 * The message the panel's content script posts into the panel frame to ask it to take keyboard focus (after the
 * keyboard shortcut or the popup's "Open panel"). It carries nothing else: anyone able to post it could only move
 * focus to the panel's heading.
 */
export const PANEL_FOCUS_MESSAGE = 'journal-club-reader:focus-panel';

/** How long a focus request waits for the panel to render (it first asks the background what to show). */
const RENDER_WAIT_MS = 5_000;

/**
 * Where keyboard focus lands in the panel: the article's title, so a screen reader announces what the panel is
 * about and the next Tab reaches the first control; the panel itself when it shows no title (a share link for an
 * article outside the catalog, or an error). Null until the open panel is rendered.
 */
export function panelFocusTarget(doc: Document): HTMLElement | null {
  const panel = doc.querySelector<HTMLElement>('.panel');
  if (!panel) return null;
  const target = panel.querySelector<HTMLElement>('h1') ?? panel;
  // Headings and landmarks are not focusable by default; -1 makes them focusable by script, not by Tab.
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  return target;
}

/**
 * In the panel frame: answers {@link PANEL_FOCUS_MESSAGE} from the page that embeds it by focusing the panel's
 * heading, waiting (briefly) for the panel to render if the frame has just been loaded. Returns a function that
 * stops listening.
 */
export function focusPanelOnRequest(win: Window): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent || event.data !== PANEL_FOCUS_MESSAGE) return;
    void whenRendered(win.document).then((target) => target?.focus());
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}

function whenRendered(doc: Document): Promise<HTMLElement | null> {
  const now = panelFocusTarget(doc);
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (target: HTMLElement | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(target);
    };
    const observer = new MutationObserver(() => {
      const target = panelFocusTarget(doc);
      if (target) done(target);
    });
    const timer = setTimeout(() => done(null), RENDER_WAIT_MS);
    observer.observe(doc.body, { childList: true, subtree: true });
  });
}
