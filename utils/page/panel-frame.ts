import { i18n } from '#i18n';
import { PANEL_FOCUS_MESSAGE } from '../panel/focus';
import type { PanelLayout } from '../protocol/tab-messages';
import { PINNED_HOST_STYLE, pin } from './host/pin';

/** The mounted panel: its frame can be resized to a layout, reloaded for another article, or removed. */
export interface PanelFrame {
  setLayout(layout: PanelLayout): void;
  /** Replaces the frame with a fresh one at `src` (a new ticket in its fragment). */
  reload(src: string): void;
  remove(): void;
  /** Moves keyboard focus into the panel: to the frame, then (once the panel page has loaded) to its heading. */
  focus(): void;
}

/** Frames whose panel page has loaded, so that it can hear a focus request. */
const loadedFrames = new WeakSet<HTMLIFrameElement>();

export const PANEL_WIDTH_PX = 400;
export const TAB_WIDTH_PX = 44;
const TAB_HEIGHT_PX = 148;

/**
 * Geometry per layout. The frame is `position: fixed`, so it overlays the article's right edge without taking
 * part in the page's layout; the collapsed tab is small enough to leave the article readable.
 */
const GEOMETRY: Record<Exclude<PanelLayout, 'closed'>, Record<string, string>> = {
  open: { top: '0', height: '100vh', width: `min(${PANEL_WIDTH_PX}px, 100vw)` },
  collapsed: { top: `calc(50vh - ${TAB_HEIGHT_PX / 2}px)`, height: `${TAB_HEIGHT_PX}px`, width: `${TAB_WIDTH_PX}px` },
};

/** Pinned so that no page stylesheet can move, hide or restyle the panel; it hugs the viewport's right edge. */
const HOST_STYLE: Record<string, string> = { ...PINNED_HOST_STYLE, right: '0', display: 'block' };

/**
 * Mounts the panel page in an iframe inside a closed shadow root. The frame is an extension page, so nothing the
 * reader types there can be read by the host page; the shadow root keeps page styles off the host element.
 */
export function mountPanelFrame(doc: Document, first: string, layout: Exclude<PanelLayout, 'closed'>): PanelFrame {
  let src = first;
  const host = doc.createElement('journal-club-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  let frame = createFrame(doc, src);
  shadow.append(frame);
  pin(host, HOST_STYLE);
  applyLayout(host, layout);
  doc.documentElement.append(host);

  return {
    setLayout(next) {
      if (next === 'closed') return host.remove();
      applyLayout(host, next);
      if (!host.isConnected) doc.documentElement.append(host);
    },
    reload(next) {
      src = next;
      const fresh = createFrame(doc, src);
      frame.replaceWith(fresh);
      frame = fresh;
    },
    remove() {
      host.remove();
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
  };
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

function applyLayout(host: HTMLElement, layout: Exclude<PanelLayout, 'closed'>): void {
  pin(host, GEOMETRY[layout]);
  host.dataset.layout = layout;
}
