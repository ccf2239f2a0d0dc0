import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendToBackground } from '../../utils/background-client';
import type { TabMessage } from '../../utils/messages';
import { type PageHighlighting, startPageHighlighting } from '../../utils/page-highlighting';
import { mountPanelFrame, type PanelFrame } from '../../utils/panel-frame';

/** Set on the content script's own (isolated) window, which the page cannot see, when the panel is mounted. */
const MOUNTED = Symbol.for('journal-club-reader.panel');
type MountedWindow = typeof window & { [MOUNTED]?: () => Promise<void> };

/**
 * Injected by the background into tabs showing an article the club has discussed: mounts the panel frame and
 * the page's highlighting. Injected again when the tab moves to another club article or the panel is reopened,
 * in which case it refreshes what it mounted.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    const win = window as MountedWindow;
    if (win[MOUNTED]) return void win[MOUNTED]();

    let frame: PanelFrame | null = null;
    let highlighting: { entryId: string; page: PageHighlighting } | null = null;
    const stopHighlighting = () => {
      highlighting?.page.stop();
      highlighting = null;
    };

    const show = async () => {
      const reply = await sendToBackground({ type: 'panel-state' });
      if (!reply.ok || !reply.value) {
        frame?.remove();
        return stopHighlighting();
      }
      const { layout, entry } = reply.value;
      if (highlighting?.entryId !== entry.id) {
        stopHighlighting();
        const page = startPageHighlighting(document, entry, sendToBackground, navigator.language);
        highlighting = { entryId: entry.id, page };
      } else void highlighting.page.refresh();
      if (layout === 'closed') return frame?.remove();
      if (frame) {
        frame.setLayout(layout);
        frame.reload();
      } else {
        frame = mountPanelFrame(document, browser.runtime.getURL('/panel.html'), layout);
      }
    };
    win[MOUNTED] = show;

    browser.runtime.onMessage.addListener((message: unknown) => {
      const command = message as TabMessage;
      if (command?.type === 'panel-layout') frame?.setLayout(command.layout);
      else if (command?.type === 'panel-hide') {
        frame?.remove();
        stopHighlighting();
      } else if (command?.type === 'highlights-changed') void highlighting?.page.refresh();
      else if (command?.type === 'highlight-reveal') highlighting?.page.reveal(command.id);
      return undefined;
    });
    void show();
  },
});
