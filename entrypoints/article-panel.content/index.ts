import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendToBackground } from '../../utils/background-client';
import type { TabMessage } from '../../utils/messages';
import { mountPanelFrame, type PanelFrame } from '../../utils/panel-frame';

/** Set on the content script's own (isolated) window, which the page cannot see, when the panel is mounted. */
const MOUNTED = Symbol.for('journal-club-reader.panel');
type MountedWindow = typeof window & { [MOUNTED]?: () => Promise<void> };

/**
 * Injected by the background into tabs showing an article the club has discussed. Injected again when the tab
 * moves to another club article or the reader reopens the panel, in which case it refreshes what it mounted.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    const win = window as MountedWindow;
    if (win[MOUNTED]) return void win[MOUNTED]();

    let frame: PanelFrame | null = null;
    const show = async () => {
      const reply = await sendToBackground({ type: 'panel-state' });
      if (!reply.ok || !reply.value || reply.value.layout === 'closed') return frame?.remove();
      if (frame) {
        frame.setLayout(reply.value.layout);
        frame.reload();
      } else {
        frame = mountPanelFrame(document, browser.runtime.getURL('/panel.html'), reply.value.layout);
      }
    };
    win[MOUNTED] = show;

    browser.runtime.onMessage.addListener((message: unknown) => {
      const command = message as TabMessage;
      if (command?.type === 'panel-layout') frame?.setLayout(command.layout);
      if (command?.type === 'panel-hide') frame?.remove();
      return undefined;
    });
    void show();
  },
});
