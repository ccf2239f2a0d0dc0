import type { SharedHighlight } from '../sharing/share-link';
import type { DocumentIntegration } from './document';

/**
 * Draws the passages a share link carries, in their own style, and brings the first into view: the recipient
 * opened the link to see that passage. Those that cannot be found on this copy are simply not drawn; the panel
 * still shows their quote. Returns a function that removes the drawing.
 */
export function showSharedPassages(integration: DocumentIntegration, items: readonly SharedHighlight[]): () => void {
  const painter = integration.createPainter();
  const pass = new AbortController();
  void integration.anchorAll(items, { signal: pass.signal }).then(({ anchored }) => {
    if (pass.signal.aborted) return;
    const ranges = anchored.map(({ result }) => result.range);
    painter.paintShared(ranges);
    if (ranges[0]) void integration.scrollTo(ranges[0]);
  });
  return () => {
    pass.abort();
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
