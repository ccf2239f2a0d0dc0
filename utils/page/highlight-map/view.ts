import { i18n } from '#i18n';
import { PINNED_HOST_STYLE, pin } from '../host/pin';
import { adoptStyles } from '../host/stylesheet';
import { HIGHLIGHT_MAP_CSS, markLook, STRIP_PX } from './style';

/** One mark as drawn: where, what it is called, and what it shows. */
export interface MarkDrawing {
  top: number;
  label: string;
  /** More than 1 for a cluster, which shows its count. */
  count: number;
  look: number | null | 'mixed';
  /** Holds the highlight the reader last went to. */
  current: boolean;
  /** Stands for club highlights only (drawn lighter than the reader's own). */
  club: boolean;
}

export interface BucketDrawing {
  count: number;
  label: string;
}

/** A whole frame of the map. `roving` is the control that is in the tab order: 'up', 'down' or a mark's index. */
export interface MapDrawing {
  up: BucketDrawing;
  down: BucketDrawing;
  marks: readonly MarkDrawing[];
  roving: 'up' | 'down' | number;
}

/** Which control the reader used. */
export type MapTarget = { kind: 'up' | 'down' } | { kind: 'mark'; index: number };

export interface MapView {
  readonly host: HTMLElement;
  /**
   * Draws a frame. Keyboard focus already in the map moves to the control in the tab order when `follow` is set
   * (the reader stepped or filtered) or when the control it was on is gone; it never enters the map from outside.
   */
  draw(drawing: MapDrawing, follow: boolean): void;
  /** Says something to screen readers (a polite status), such as where a step landed. */
  announce(text: string): void;
  setRightInset(px: number): void;
  setVisible(visible: boolean): void;
  destroy(): void;
}

export interface MapViewOptions {
  onActivate(target: MapTarget): void;
  onKeyDown(event: KeyboardEvent): void;
}

/**
 * The map's elements: a vertical toolbar of buttons in a closed shadow root (the page can neither read the
 * passages in the marks' names nor restyle them), pinned beside the panel like the panel's own host. Buttons
 * are kept and reused from frame to frame, and each property is written only when it changed, so a scroll
 * costs a few style writes per mark and no layout reads.
 */
export function mountMapView(doc: Document, options: MapViewOptions): MapView {
  const host = doc.createElement('journal-club-map');
  // Layout containment: redrawing the marks lays out the strip alone, never the article.
  pin(host, {
    ...PINNED_HOST_STYLE,
    top: '0',
    right: '0',
    width: `${STRIP_PX}px`,
    height: '100vh',
    contain: 'layout style',
  });
  // Text spacing is left to the reader (WCAG 1.4.12): a reader's own letter, word and line spacing reach the counts
  // through the host, which `all: initial !important` would otherwise forbid.
  for (const name of ['letter-spacing', 'word-spacing', 'line-height']) {
    host.style.removeProperty(name);
    host.style.setProperty(name, 'normal');
  }
  const shadow = host.attachShadow({ mode: 'closed' });
  const removeStyles = adoptStyles(shadow, HIGHLIGHT_MAP_CSS);
  const strip = doc.createElement('div');
  strip.className = 'strip';
  strip.setAttribute('role', 'toolbar');
  strip.setAttribute('aria-orientation', 'vertical');
  strip.setAttribute('aria-label', i18n.t('map.label'));
  // The keys, read out once when focus enters the map; ids are scoped to the shadow root.
  const keys = doc.createElement('p');
  keys.id = 'keys';
  keys.hidden = true;
  keys.textContent = i18n.t('map.keys');
  strip.setAttribute('aria-describedby', keys.id);
  const status = doc.createElement('p');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const up = bucket(doc, 'up');
  const down = bucket(doc, 'down');
  const pool: HTMLButtonElement[] = [];
  strip.append(up, down);
  shadow.append(strip, status, keys);

  const targetOf = (button: Element | null): MapTarget | null => {
    if (button === up) return { kind: 'up' };
    if (button === down) return { kind: 'down' };
    const index = pool.indexOf(button as HTMLButtonElement);
    return index >= 0 && !(button as HTMLButtonElement).hidden ? { kind: 'mark', index } : null;
  };
  const onClick = (event: Event) => {
    // Only the reader's own clicks and keys (Enter and Space click a focused button) count, not a script's.
    const target = targetOf((event.target as Element).closest('button'));
    if (event.isTrusted && target) options.onActivate(target);
  };
  const onKeyDown = (event: KeyboardEvent) => options.onKeyDown(event);
  strip.addEventListener('click', onClick);
  strip.addEventListener('keydown', onKeyDown);
  doc.documentElement.append(host);

  let rovingButton: HTMLButtonElement = up;
  let shown = true;
  const drawMark = (button: HTMLButtonElement, mark: MarkDrawing) => {
    set(button, 'style', `transform: translateY(${Math.round(mark.top)}px); ${markLook(mark.look)}`);
    set(button, 'aria-label', mark.label);
    set(button, 'title', mark.label);
    const kind = `${mark.count > 1 ? ' cluster' : ''}${mark.club ? ' club' : ''}${mark.current ? ' current' : ''}`;
    set(button, 'class', `mark${kind}`);
    const text = mark.count > 1 ? String(mark.count) : '';
    if (button.textContent !== text) button.textContent = text;
    button.hidden = false;
  };

  return {
    host,
    draw(drawing, follow) {
      // Read before anything is hidden: a focused button that is hidden loses focus, and the map with it.
      const focused = shadow.activeElement;
      drawBucket(up, drawing.up);
      drawBucket(down, drawing.down);
      drawing.marks.forEach((mark, index) => {
        let button = pool[index];
        if (button === undefined) {
          button = doc.createElement('button');
          button.type = 'button';
          pool.push(button);
          down.before(button);
        }
        drawMark(button, mark);
      });
      for (let index = drawing.marks.length; index < pool.length; index++)
        (pool[index] as HTMLButtonElement).hidden = true;
      const roving = drawing.roving;
      rovingButton = roving === 'up' ? up : roving === 'down' ? down : (pool[roving] ?? up);
      for (const button of [up, down, ...pool]) button.tabIndex = button === rovingButton ? 0 : -1;
      const lost = focused instanceof HTMLElement && focused.hidden;
      if (focused !== null && (follow || lost) && focused !== rovingButton && !rovingButton.hidden)
        rovingButton.focus({ preventScroll: true });
    },
    announce(text) {
      // Emptied first, so the same words said twice (two steps past the last highlight) are said again.
      status.textContent = '';
      status.textContent = text;
    },
    setRightInset(px) {
      // Never past the viewport's left edge, where a panel as wide as a narrow window would push it.
      pin(host, { right: `min(${Math.max(0, Math.round(px))}px, calc(100vw - ${STRIP_PX}px))` });
    },
    setVisible(visible) {
      if (visible === shown) return;
      shown = visible;
      pin(host, { display: visible ? 'block' : 'none' });
    },
    destroy() {
      strip.removeEventListener('click', onClick);
      strip.removeEventListener('keydown', onKeyDown);
      removeStyles();
      host.remove();
    },
  };
}

function bucket(doc: Document, kind: 'up' | 'down'): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `bucket ${kind}`;
  const arrow = doc.createElement('span');
  arrow.className = 'arrow';
  arrow.setAttribute('aria-hidden', 'true');
  const count = doc.createElement('span');
  count.className = 'count';
  count.setAttribute('aria-hidden', 'true');
  button.append(arrow, count);
  button.hidden = true;
  return button;
}

function drawBucket(button: HTMLButtonElement, drawing: BucketDrawing): void {
  button.hidden = drawing.count === 0;
  if (drawing.count === 0) return;
  set(button, 'aria-label', drawing.label);
  set(button, 'title', drawing.label);
  const count = button.lastElementChild as HTMLElement;
  const text = String(drawing.count);
  if (count.textContent !== text) count.textContent = text;
}

/** Writes an attribute only when it changes: most marks keep most of their properties from one frame to the next. */
function set(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
