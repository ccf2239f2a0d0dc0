import { browser } from 'wxt/browser';
import { sendToBackground } from '../protocol/extension-client';
import { DEFAULT_READING_PREFS } from '../protocol/reading-prefs';
import type { TabMessage } from '../protocol/tab-messages';
import { stripSharePayload } from '../sharing/share-url';
import { uiLanguage } from '../ui-language';
import type { DocumentIntegration } from './document';
import { trackPageFocus } from './focus';
import { type PageHighlighting, startPageHighlighting } from './highlighting';
import { mountPanelFrame, type PanelFrame } from './panel-frame';
import { forgetShareFragment, showSharedPassages } from './shared-passages';
import type { PanelEdge, SideBySide } from './side-by-side/side-by-side';

/**
 * The highlight map stands at the panel's edge: beside the open panel (whatever width the reader gave it), beside
 * the folded tab, and not at all while the panel is closed for the page.
 */
function placeMap(page: PageHighlighting | undefined, frame: PanelFrame | null): void {
  const inset = frame?.rightInset() ?? 0;
  page?.map.setVisible(inset > 0);
  page?.map.setRightInset(inset);
}

export interface PanelHost {
  /** Asks the background what to show, and mounts or refreshes the panel, the highlights and shared passages. */
  show(): Promise<void>;
  /** Handles a message the background sends the tab's page (`TabMessage`); its answer, if it has one. */
  handle(message: unknown): Promise<unknown> | undefined;
  /** Removes the panel, the highlights and shared passages (the viewer opens another file). */
  stop(): void;
}

/**
 * The page side of a club article, wherever the article is shown: the panel frame, the reader's highlights, shared
 * passages, and the background's commands. The article-panel content script runs it on HTML articles; the PDF
 * viewer page runs it itself, since no content script can be injected into an extension page. Only the way of
 * making room beside the panel differs (`makeRoom`), and the document, through its integration.
 */
export function startPanelHost(
  doc: Document,
  integration: DocumentIntegration,
  makeRoom: (frame: PanelEdge, enabled: boolean) => SideBySide,
): PanelHost {
  const win = doc.defaultView as Window;
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
  const pageFocus = trackPageFocus(doc);
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
      forgetShareFragment(win, stripSharePayload);
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
      frame = mountPanelFrame(doc, src, layout, { width: prefs.panelWidth, onWidthChosen: saveWidth });
      // Live during a drag of the width handle, and on every fold, unfold and close.
      frame.onInsetChange(() => placeMap(highlighting?.page, frame));
      sideBySide = makeRoom(frame, prefs.sideBySide);
    }
    placeMap(highlighting?.page, frame);
  };
  // The latest showing, so that a focus request waits for the frame it asks about.
  let showing = Promise.resolve();

  function handle(message: unknown): Promise<unknown> | undefined {
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
  }

  return {
    show() {
      showing = show();
      return showing;
    },
    handle,
    stop() {
      clearTimeout(savingWidth);
      frame?.remove();
      frame = null;
      sideBySide?.stop();
      sideBySide = null;
      stopHighlighting();
      removeShared?.();
      removeShared = null;
    },
  };
}
