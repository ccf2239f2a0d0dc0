import type { PanelEdge, SideBySide } from './side-by-side';
import { isWideEnough, roomFor } from './wide-enough';

/**
 * Side by side in the extension's PDF viewer: the viewer owns its page, so there is no article column to find
 * and nothing of a publisher's to put back. The pages' scrolling container simply ends where the open panel
 * begins (PDF.js then fits the page width to what is left), under the same rule as on HTML articles: only in a
 * window wide enough for both, otherwise the panel lies over the pages.
 */
export function startViewerRoom(container: HTMLElement, panel: PanelEdge, enabled: boolean): SideBySide {
  const view = container.ownerDocument.defaultView ?? window;
  let on = enabled;
  const apply = () => {
    const room = roomFor(panel.rightInset());
    const fits = on && panel.layout() === 'open' && isWideEnough(view.innerWidth, room);
    container.style.right = fits ? `${room}px` : '';
  };
  const stopInset = panel.onInsetChange(apply);
  view.addEventListener('resize', apply);
  apply();
  return {
    setEnabled(enabled) {
      on = enabled;
      apply();
    },
    stop() {
      stopInset();
      view.removeEventListener('resize', apply);
      container.style.right = '';
    },
  };
}
