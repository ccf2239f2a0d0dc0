import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createIntegration } from '../../utils/page/document';
import { startPanelHost } from '../../utils/page/panel-host';
import { startSideBySide } from '../../utils/page/side-by-side/side-by-side';

/** Set on the content script's own (isolated) window, which the page cannot see, when the panel is mounted. */
const MOUNTED = Symbol.for('journal-club-reader.panel');
type MountedWindow = typeof window & { [MOUNTED]?: () => Promise<void> };

/**
 * Injected by the background into tabs showing an article the club has discussed, or opened from a share link:
 * mounts the panel frame, the page's highlighting and any shared passages (`utils/page/panel-host.ts`). Injected
 * again when the tab moves to another club article or the panel is reopened, in which case it refreshes what it
 * mounted.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    const win = window as MountedWindow;
    if (win[MOUNTED]) return void win[MOUNTED]();
    // The article as a document type (an HTML page): where highlights are found, drawn and scrolled to.
    const integration = createIntegration(document);
    // Side by side makes room for the open panel beside the article; see utils/page/side-by-side/.
    const host = startPanelHost(document, integration, (frame, enabled) =>
      startSideBySide(document, frame, enabled, () => Boolean(browser.runtime?.id)),
    );
    win[MOUNTED] = () => host.show();
    browser.runtime.onMessage.addListener((message: unknown) => host.handle(message));
    void host.show();
  },
});
