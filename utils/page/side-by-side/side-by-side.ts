import type { PanelLayout } from '../../protocol/tab-messages';
import { findMainColumn, type MainColumn } from './main-column';
import { makeRoom, type RoomOutcome, resizePageRoom } from './make-room';
import { holdReadingPlace } from './reading-place';
import { createStyleLedger } from './style-ledger';
import { isWideEnough, roomFor } from './wide-enough';

/** What side by side needs to know of the panel (the panel frame is one). */
export interface PanelEdge {
  layout(): PanelLayout;
  rightInset(): number;
  onInsetChange(listener: (inset: number) => void): () => void;
}

export interface SideBySide {
  /** The reader's switch: off gives the room back and leaves the panel over the article. */
  setEnabled(enabled: boolean): void;
  /** Gives the room back and stops listening (the panel is gone, or the content script stops). */
  stop(): void;
}

/**
 * A resize sends a burst of events, and a drag of the panel's edge a stream of widths; the article is laid out
 * again once they settle, not for each one.
 */
const SETTLE_MS = 150;

/**
 * Keeps the article beside the open panel rather than under it (issue 11): whenever the panel opens, changes
 * width, or the window is resized, the page is measured in its own layout and given the room it needs
 * (`make-room.ts`), or left as it is in a window too narrow for both. Folding or closing the panel gives the
 * room back at once; everything changed is an inline style, put back exactly as it was.
 */
export function startSideBySide(
  doc: Document,
  panel: PanelEdge,
  enabled: boolean,
  /** False once the extension is gone (updated, disabled, removed): the page then gets its room back. */
  running: () => boolean,
): SideBySide {
  const view = doc.defaultView ?? window;
  const ledger = createStyleLedger();
  let on = enabled;
  let wasOpen = false;
  let column: MainColumn | null = null;
  /** What the last evaluation did, for which room, in a window of which width. */
  let last: { outcome: RoomOutcome; room: number; width: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const evaluate = () => {
    clearTimeout(timer);
    if (!running()) on = false;
    const open = panel.layout() === 'open';
    wasOpen = open;
    const wanted = on && open;
    if (!wanted && !ledger.changed) return;
    try {
      const room = roomFor(panel.rightInset());
      const width = doc.documentElement.clientWidth;
      const fits = wanted && isWideEnough(width, room);
      // A resize of the window's height, or a panel width dragged back to where it was: nothing to do.
      if (fits && last && last.room === room && last.width === width) return;
      // The reader's place in the article as it is laid out now, narrowed or not.
      const place = ledger.changed && column ? holdReadingPlace(column.paragraphs, view) : null;
      if (fits && last?.outcome.made === 'page-narrowed' && resizePageRoom(doc, room, column, ledger, last.outcome)) {
        last = { ...last, room, width };
        return place?.();
      }
      ledger.restore();
      last = null;
      if (fits) {
        column = findMainColumn(doc.body ?? doc.documentElement);
        const hold = place ?? holdReadingPlace(column?.paragraphs ?? [], view);
        last = { outcome: makeRoom(doc, room, column, ledger), room, width };
        hold();
      } else place?.();
    } catch {
      // A page that throws while measured is left as it was: the panel lies over it.
      ledger.restore();
      last = null;
    }
  };
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(evaluate, SETTLE_MS);
  };

  // Opening and folding act at once; a new width (dragged, or fitted to a resized window) waits to settle.
  const stopWatchingPanel = panel.onInsetChange(() => {
    if ((panel.layout() === 'open') !== wasOpen) evaluate();
    else settle();
  });
  view.addEventListener('resize', settle, { passive: true });
  // Images and web fonts that arrive after the panel change where the column ends.
  if (doc.readyState !== 'complete') view.addEventListener('load', settle, { once: true });
  evaluate();

  return {
    setEnabled(next) {
      on = next;
      evaluate();
    },
    stop() {
      clearTimeout(timer);
      stopWatchingPanel();
      view.removeEventListener('resize', settle);
      view.removeEventListener('load', settle);
      on = false;
      evaluate();
    },
  };
}
