import { i18n } from '#i18n';
import { clampWidth, type WidthBounds, widthAfterKey } from './bounds';

/** The strip along the panel's left edge that the handle takes, beside the frame (never over it). */
export const HANDLE_WIDTH_PX = 8;

/** What the handle asks of the panel it resizes. */
export interface WidthHandleTarget {
  width(): number;
  bounds(): WidthBounds;
  /** Shows a width while the reader drags or presses keys. */
  resize(width: number): void;
  /** The reader let go (or pressed a key): the width to remember. */
  chosen(width: number): void;
}

/**
 * The panel's left edge as a window splitter: dragged with the pointer, or moved with the arrow keys once
 * focused. It lives in the panel host's closed shadow root, beside the frame, so the host page can neither
 * restyle it nor read its state; a pointer capture keeps the drag going while the pointer crosses the frame.
 */
export function createWidthHandle(doc: Document, target: WidthHandleTarget): { element: HTMLElement; update(): void } {
  const handle = doc.createElement('div');
  handle.className = 'width-handle';
  handle.tabIndex = 0;
  handle.setAttribute('role', 'separator');
  handle.setAttribute('aria-orientation', 'vertical');
  handle.setAttribute('aria-label', i18n.t('sideBySide.handleLabel'));
  handle.title = i18n.t('sideBySide.handleTitle');

  const update = () => {
    const bounds = target.bounds();
    const width = target.width();
    handle.setAttribute('aria-valuemin', String(bounds.min));
    handle.setAttribute('aria-valuemax', String(bounds.max));
    handle.setAttribute('aria-valuenow', String(width));
    handle.setAttribute('aria-valuetext', i18n.t('sideBySide.handleValue', [String(width)]));
  };

  let drag: { pointerId: number; startX: number; startWidth: number } | null = null;
  handle.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || drag) return;
    // No text selection while dragging; focus still goes to the handle, so that keys can follow the pointer.
    event.preventDefault();
    handle.focus({ preventScroll: true });
    handle.setPointerCapture(event.pointerId);
    drag = { pointerId: event.pointerId, startX: event.clientX, startWidth: target.width() };
    handle.classList.add('width-handle--dragging');
  });
  handle.addEventListener('pointermove', (event) => {
    if (drag?.pointerId !== event.pointerId) return;
    // The panel hugs the window's right edge, so moving its left edge left by n pixels widens it by n.
    target.resize(clampWidth(drag.startWidth + drag.startX - event.clientX, target.bounds()));
    update();
  });
  const release = (event: PointerEvent) => {
    if (drag?.pointerId !== event.pointerId) return;
    drag = null;
    handle.classList.remove('width-handle--dragging');
    target.chosen(target.width());
  };
  handle.addEventListener('pointerup', release);
  handle.addEventListener('pointercancel', release);
  handle.addEventListener('lostpointercapture', release);

  handle.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const next = widthAfterKey(event.key, event.shiftKey, target.width(), target.bounds());
    if (next === null) return;
    // The page's own arrow keys (a slideshow, scrolling) must not act on a key meant for the handle.
    event.preventDefault();
    event.stopPropagation();
    target.resize(next);
    update();
    target.chosen(next);
  });
  update();
  return { element: handle, update };
}
