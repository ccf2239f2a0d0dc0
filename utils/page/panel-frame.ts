import { i18n } from '#i18n';
import { PANEL_FOCUS_MESSAGE } from '../panel/focus';
import type { PanelLayout } from '../protocol/tab-messages';
import { PINNED_HOST_STYLE, pin } from './host/pin';
import { adoptStyles } from './host/stylesheet';
import { clampWidth, widthBounds } from './panel-width/bounds';
import { createWidthHandle, HANDLE_WIDTH_PX } from './panel-width/handle';
import { WIDTH_HANDLE_CSS } from './panel-width/style';

/** The mounted panel: its frame can be resized to a layout, reloaded for another article, or removed. */
export interface PanelFrame {
  setLayout(layout: PanelLayout): void;
  /** Replaces the frame with a fresh one at `src` (a new ticket in its fragment). */
  reload(src: string): void;
  remove(): void;
  /** Moves keyboard focus into the panel: to the frame, then (once the panel page has loaded) to its heading. */
  focus(): void;
  /** The open panel's width as the reader chose it (remembered in the background); clamped to this window. */
  setWidth(width: number): void;
  /** Whether the panel is open, folded to its tab, or closed. */
  layout(): PanelLayout;
  /**
   * How much of the window's right edge the panel covers now, in CSS pixels: its width when open, the tab's
   * when folded, 0 when closed. Whatever sits beside the panel (the side-by-side margin, a strip of marks) is
   * placed from this.
   */
  rightInset(): number;
  /** Calls `listener` with the new inset whenever the layout, the width or the window changes it; returns the stop. */
  onInsetChange(listener: (inset: number) => void): () => void;
}

export interface PanelFrameOptions {
  /** The open panel's width, before the window's bounds. */
  width: number;
  /** The reader dragged the panel's edge, or moved it with keys: the width to remember. */
  onWidthChosen(width: number): void;
}

/** Frames whose panel page has loaded, so that it can hear a focus request. */
const loadedFrames = new WeakSet<HTMLIFrameElement>();

export const TAB_WIDTH_PX = 44;
const TAB_HEIGHT_PX = 148;

/** Pinned so that no page stylesheet can move, hide or restyle the panel; it hugs the viewport's right edge. */
const HOST_STYLE: Record<string, string> = { ...PINNED_HOST_STYLE, right: '0', display: 'block' };

/**
 * Mounts the panel page in an iframe inside a closed shadow root. The frame is an extension page, so nothing the
 * reader types there can be read by the host page; the shadow root keeps page styles off the host element.
 * The frame is `position: fixed`: it takes no part in the page's layout, which side by side
 * (`side-by-side/`) narrows to make room for it.
 */
export function mountPanelFrame(
  doc: Document,
  first: string,
  initial: Exclude<PanelLayout, 'closed'>,
  options: PanelFrameOptions,
): PanelFrame {
  const view = doc.defaultView ?? window;
  let src = first;
  let layout: PanelLayout = initial;
  let chosenWidth = options.width;
  let width = clampWidth(chosenWidth, widthBounds(view.innerWidth));
  const listeners = new Set<(inset: number) => void>();
  const host = doc.createElement('journal-club-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptStyles(shadow, WIDTH_HANDLE_CSS);
  let frame = createFrame(doc, src);
  const handle = createWidthHandle(doc, {
    width: () => width,
    bounds: () => widthBounds(view.innerWidth),
    resize: (next) => {
      chosenWidth = next;
      show(next);
    },
    chosen: (next) => options.onWidthChosen(next),
  });
  shadow.append(frame, handle.element);
  pin(host, HOST_STYLE);

  const rightInset = () => (layout === 'open' ? width : layout === 'collapsed' ? TAB_WIDTH_PX : 0);
  const notify = () => {
    const inset = rightInset();
    for (const listener of listeners) listener(inset);
  };
  /** Sizes the host for the layout and width, and tells whoever sits beside the panel. */
  function show(nextWidth: number): void {
    width = nextWidth;
    if (layout !== 'closed') pin(host, geometry(layout, width));
    fitFrame(frame, layout);
    host.dataset.layout = layout;
    handle.update();
    notify();
  }
  const onResize = () => {
    const fitted = clampWidth(chosenWidth, widthBounds(view.innerWidth));
    if (fitted !== width) show(fitted);
    else handle.update();
  };
  view.addEventListener('resize', onResize, { passive: true });
  show(width);
  doc.documentElement.append(host);

  return {
    setLayout(next) {
      layout = next;
      if (next === 'closed') host.remove();
      else if (!host.isConnected) doc.documentElement.append(host);
      show(width);
    },
    reload(next) {
      src = next;
      const fresh = createFrame(doc, src);
      fitFrame(fresh, layout);
      frame.replaceWith(fresh);
      frame = fresh;
    },
    remove() {
      layout = 'closed';
      host.remove();
      notify();
    },
    focus() {
      const target = frame;
      target.focus();
      // Any origin: with `use_dynamic_url` the frame's origin is not the one `getURL` names. The message carries
      // nothing but the request, and the frame sits in our closed shadow root, where the page cannot navigate it.
      const ask = () => target.contentWindow?.postMessage(PANEL_FOCUS_MESSAGE, '*');
      if (loadedFrames.has(target)) ask();
      else target.addEventListener('load', ask, { once: true });
    },
    setWidth(next) {
      chosenWidth = next;
      show(clampWidth(next, widthBounds(view.innerWidth)));
    },
    layout: () => layout,
    rightInset,
    onInsetChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Geometry per layout. The open panel runs the window's full height at the reader's width; the collapsed tab is
 * small enough to leave the article readable.
 */
function geometry(layout: Exclude<PanelLayout, 'closed'>, width: number): Record<string, string> {
  return layout === 'open'
    ? { top: '0', height: '100vh', width: `min(${width}px, 100vw)` }
    : { top: `calc(50vh - ${TAB_HEIGHT_PX / 2}px)`, height: `${TAB_HEIGHT_PX}px`, width: `${TAB_WIDTH_PX}px` };
}

/**
 * The open frame starts right of the width handle rather than under it: the panel's guarded buttons count a click
 * only while nothing covers the frame (`utils/panel/click-guard.ts`), and the handle would.
 */
function fitFrame(frame: HTMLIFrameElement, layout: PanelLayout): void {
  const handle = layout === 'open' ? HANDLE_WIDTH_PX : 0;
  pin(frame, { 'margin-left': `${handle}px`, width: `calc(100% - ${handle}px)` });
}

function createFrame(doc: Document, src: string): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  frame.src = src;
  frame.title = i18n.t('panel.frameTitle');
  // Lets the panel copy share links and digests; the host page gains nothing from it.
  frame.allow = 'clipboard-write';
  frame.addEventListener('load', () => loadedFrames.add(frame), { once: true });
  pin(frame, { display: 'block', width: '100%', height: '100%', border: '0', 'color-scheme': 'normal' });
  return frame;
}
