import type { SharedHighlight } from '../sharing/share-link';
import { DEFAULT_SETTLE_MS, type DocumentIntegration } from './document';
import { isReplaced } from './highlighter/drawn-range';

/** Content changes come in bursts (a PDF page's text layer, then its neighbours): one new pass after them. */
const RECHECK_DELAY_MS = 400;

/**
 * Draws the passages a share link carries, in their own style, and brings the first into view: the recipient
 * opened the link to see that passage. Those that cannot be found on this copy are simply not drawn; the panel
 * still shows their quote. While shown, the passages are found again whenever the document's text is replaced
 * under them or late text may hold the missing ones, until the document settles (a PDF never does: it draws and
 * re-draws its pages' text layers long after the link was read). Returns a function that removes the drawing.
 */
export function showSharedPassages(integration: DocumentIntegration, items: readonly SharedHighlight[]): () => void {
  const painter = integration.createPainter();
  let pass: AbortController | null = null;
  let drawn: Range[] = [];
  let missing = items.length;
  let shownOnce = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settleAt = performance.now() + (integration.settleMs ?? DEFAULT_SETTLE_MS);

  async function anchor(): Promise<void> {
    pass?.abort();
    const controller = new AbortController();
    pass = controller;
    const { anchored, stoppedBy } = await integration.anchorAll(items, { signal: controller.signal });
    if (stoppedBy === 'abort' || controller.signal.aborted) return;
    drawn = anchored.map(({ result }) => result.range);
    missing = items.length - drawn.length;
    painter.paintShared(drawn);
    if (drawn[0] && !shownOnce) {
      shownOnce = true;
      void integration.scrollTo(drawn[0]);
    }
  }

  const stopFollowing = integration.onContentChange(() => {
    if (performance.now() > settleAt) return stopFollowing();
    if (missing === 0 && !drawn.some(isReplaced)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void anchor(), RECHECK_DELAY_MS);
  });
  void anchor();

  return () => {
    pass?.abort();
    clearTimeout(timer);
    stopFollowing();
    painter.destroy();
  };
}

/**
 * Removes the `#jc=…` part from the address bar once the panel has read it, without a reload or a history entry,
 * so that a reload or a bookmark does not show the shared item again.
 */
export function forgetShareFragment(win: Window, strip: (href: string) => string): void {
  const stripped = strip(win.location.href);
  if (stripped !== win.location.href) win.history.replaceState(win.history.state, '', stripped);
}
