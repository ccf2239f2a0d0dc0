import { createAnchorer } from '../anchoring';
import type { SharedHighlight } from '../sharing/share-link';
import { createHighlightPainter } from './highlighter/painter';

/**
 * Draws the passages a share link carries, in their own style, and brings the first into view: the recipient
 * opened the link to see that passage. Those that cannot be found on this copy are simply not drawn; the panel
 * still shows their quote. Returns a function that removes the drawing.
 */
export function showSharedPassages(doc: Document, items: readonly SharedHighlight[]): () => void {
  const painter = createHighlightPainter(doc);
  const anchorer = createAnchorer(doc.body);
  const ranges = items.flatMap((item) => anchorer.anchor(item.selectors)?.range ?? []);
  painter.paintShared(ranges);
  const first = ranges[0];
  const element = first?.startContainer instanceof Element ? first.startContainer : first?.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center' });
  return () => painter.destroy();
}

/**
 * Removes the `#jc=…` part from the address bar once the panel has read it, without a reload or a history entry,
 * so that a reload or a bookmark does not show the shared item again.
 */
export function forgetShareFragment(win: Window, strip: (href: string) => string): void {
  const stripped = strip(win.location.href);
  if (stripped !== win.location.href) win.history.replaceState(win.history.state, '', stripped);
}
