import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createIntegration } from '../../utils/page/document';
import { trackPageFocus } from '../../utils/page/focus';
import { type PageHighlighting, startPageHighlighting } from '../../utils/page/highlighting';
import { mountPanelFrame, type PanelFrame } from '../../utils/page/panel-frame';
import { forgetShareFragment, showSharedPassages } from '../../utils/page/shared-passages';
import { type SideBySide, startSideBySide } from '../../utils/page/side-by-side/side-by-side';
import { sendToBackground } from '../../utils/protocol/extension-client';
import { DEFAULT_READING_PREFS } from '../../utils/protocol/reading-prefs';
import type { TabMessage } from '../../utils/protocol/tab-messages';
import { stripSharePayload } from '../../utils/sharing/share-url';
import { uiLanguage } from '../../utils/ui-language';

/**
 * The highlight map stands at the panel's edge: beside the open panel (whatever width the reader gave it), beside
 * the folded tab, and not at all while the panel is closed for the page.
 */
function placeMap(page: PageHighlighting | undefined, frame: PanelFrame | null): void {
  const inset = frame?.rightInset() ?? 0;
  page?.map.setVisible(inset > 0);
  page?.map.setRightInset(inset);
}

/** Set on the content script's own (isolated) window, which the page cannot see, when the panel is mounted. */
const MOUNTED = Symbol.for('journal-club-reader.panel');
type MountedWindow = typeof window & { [MOUNTED]?: () => Promise<void> };

/**
 * Injected by the background into tabs showing an article the club has discussed, or opened from a share link:
 * mounts the panel frame, the page's highlighting and any shared passages. Injected again when the tab moves to
 * another club article or the panel is reopened, in which case it refreshes what it mounted.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    const win = window as MountedWindow;
    if (win[MOUNTED]) return void win[MOUNTED]();

    let frame: PanelFrame | null = null;
    let sideBySide: SideBySide | null = null;
    // A drag or a run of key presses ends in one saved width.
    let savingWidth: ReturnType<typeof setTimeout> | undefined;
    const saveWidth = (panelWidth: number) => {
      clearTimeout(savingWidth);
      savingWidth = setTimeout(() => void sendToBackground({ type: 'reading-prefs-update', panelWidth }), 300);
    };
    let highlighting: { entryId: string; page: PageHighlighting } | null = null;
    let removeShared: (() => void) | null = null;
    let ticket: string | null = null;
    const pageFocus = trackPageFocus(document);
    // The article as a document type (an HTML page today): where highlights are found, drawn and scrolled to.
    const integration = createIntegration(document);
    const stopHighlighting = () => {
      highlighting?.page.stop();
      highlighting = null;
    };

    const show = async () => {
      const [reply, prefsReply] = await Promise.all([
        sendToBackground({ type: 'panel-state' }),
        sendToBackground({ type: 'reading-prefs' }),
      ]);
      const prefs = prefsReply.ok ? prefsReply.value : DEFAULT_READING_PREFS;
      if (!reply.ok || !reply.value) {
        frame?.remove();
        return stopHighlighting();
      }
      const { layout, entry, shared } = reply.value;
      if (!entry) stopHighlighting();
      else if (highlighting?.entryId !== entry.id) {
        stopHighlighting();
        const page = startPageHighlighting(integration, entry, sendToBackground, uiLanguage());
        highlighting = { entryId: entry.id, page };
      } else void highlighting.page.refresh();
      highlighting?.page.setNewVisibility(prefs.clubVisibility ?? null);
      if (shared && !removeShared) {
        if (shared.ok) removeShared = showSharedPassages(integration, shared.items);
        forgetShareFragment(window, stripSharePayload);
      }
      if (layout === 'closed') {
        frame?.remove();
        return placeMap(highlighting?.page, frame);
      }
      // Each frame gets a fresh ticket in its address, which the page cannot read (closed shadow root): the
      // background answers only the frame that holds it (utils/protocol/panel-claim.ts).
      const issued = await sendToBackground({ type: 'panel-ticket' });
      if (!issued.ok) return frame?.remove();
      ticket = issued.value;
      const src = `${browser.runtime.getURL('/panel.html')}#${ticket}`;
      if (frame) {
        frame.setWidth(prefs.panelWidth);
        frame.setLayout(layout);
        frame.reload(src);
        sideBySide?.setEnabled(prefs.sideBySide);
      } else {
        frame = mountPanelFrame(document, src, layout, { width: prefs.panelWidth, onWidthChosen: saveWidth });
        // Live during a drag of the width handle, and on every fold, unfold and close.
        frame.onInsetChange(() => placeMap(highlighting?.page, frame));
        // Side by side makes room for the open panel beside the article; see utils/page/side-by-side/.
        sideBySide = startSideBySide(document, frame, prefs.sideBySide, () => Boolean(browser.runtime?.id));
      }
      placeMap(highlighting?.page, frame);
    };
    // The latest showing, so that a focus request waits for the frame it asks about.
    let showing = Promise.resolve();
    win[MOUNTED] = () => {
      showing = show();
      return showing;
    };

    browser.runtime.onMessage.addListener((message: unknown) => {
      const command = message as TabMessage;
      switch (command?.type) {
        case 'panel-layout':
          frame?.setLayout(command.layout);
          placeMap(highlighting?.page, frame);
          break;
        case 'highlight-step':
          highlighting?.page.map.step(command.direction);
          break;
        case 'panel-hide':
          frame?.remove();
          stopHighlighting();
          removeShared?.();
          removeShared = null;
          break;
        case 'highlights-changed':
          void highlighting?.page.refresh();
          // "Show on this page" or an import can make the page one the club's highlights may be painted on.
          void highlighting?.page.refreshClub();
          break;
        case 'club-layer-changed':
          void highlighting?.page.refreshClub();
          break;
        case 'club-highlight-reveal':
          highlighting?.page.revealClub(command.remoteId);
          break;
        case 'highlight-reveal': {
          // The passage takes keyboard focus, so Tab and the screen reader go on from it.
          const range = highlighting?.page.reveal(command.id) ? highlighting.page.rangeOf(command.id) : null;
          if (range) pageFocus.focusPassage(range);
          break;
        }
        case 'page-focus':
          pageFocus.restore();
          break;
        case 'text-fragment':
          return Promise.resolve(highlighting?.page.fragmentFor(command.id) ?? null);
        case 'panel-focus':
          void showing.then(() => frame?.focus());
          break;
        case 'tie-selection':
          return highlighting ? highlighting.page.tieFromPanel(command.questionId) : Promise.resolve(null);
        case 'panel-ticket-check':
          return Promise.resolve(ticket);
        case 'reading-prefs':
          sideBySide?.setEnabled(command.prefs.sideBySide);
          break;
      }
      return undefined;
    });
    showing = show();
  },
});
