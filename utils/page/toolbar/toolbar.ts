import { h, render } from 'preact';
import { isEditableTarget } from '../highlighter/editable';
import { PINNED_HOST_STYLE, pin } from '../host/pin';
import { adoptStyles } from '../host/stylesheet';
import { placeToolbar } from './placement';
import { type ToolbarQuestion, SelectionToolbar as ToolbarView } from './SelectionToolbar';
import { SELECTION_TOOLBAR_CSS } from './style';

export type { ToolbarQuestion };

export interface SelectionToolbarOptions {
  questions: readonly ToolbarQuestion[];
  /** The reader chose a question (its id) or plain highlighting (null), by button or key. */
  onTie(questionId: string | null): void;
  /** The reader pressed Escape while the toolbar was shown. */
  onDismiss(): void;
}

export interface SelectionToolbar {
  /** The element in the page, for the caller to exclude from selections and clicks. */
  readonly host: HTMLElement;
  /**
   * Shows the toolbar next to a selection's box (`selectionRect`), or moves it there if already shown.
   * `focusEnd` (`selectionFocusEnd`) only matters for a passage too tall to leave room above or below it.
   */
  show(selectionRect: DOMRectReadOnly, focusEnd?: 'start' | 'end'): void;
  /**
   * Shows a line of text for the reader under the buttons (why the passage cannot be highlighted, why saving
   * failed), announced politely by screen readers, and moves the toolbar so it still covers nothing. It stays
   * until `hide`, or until `show` is called for a selection in another place; `show` for the same box (the caller
   * re-checking the selection after the click that led to the message) keeps it. Does nothing while hidden.
   * The shadow root is open: never put the reader's notes in a message.
   */
  showMessage(message: string): void;
  /** Says who a new highlight will be visible to ("Only me", "My club"), or nothing (null: no club). */
  setVisibility(visibility: 'only-me' | 'club' | null): void;
  /** Hides it; callbacks never hide it themselves, the caller decides. */
  hide(): void;
  isShown(): boolean;
  destroy(): void;
}

/** Pinned like the panel's host; placed from the viewport's top left corner, then moved next to the selection. */
const HOST_STYLE: Record<string, string> = { ...PINNED_HOST_STYLE, top: '0', left: '0' };

/**
 * Mounts the toolbar, hidden, in an open shadow root on `journal-club-toolbar` at the end of the document. Open is
 * fine: it holds only the club's public questions, nothing of the reader's. What it guards against instead:
 * - Mouse: a press on the toolbar must not clear the page's selection (its `mousedown` is cancelled, which also
 *   keeps focus where it was), and no pointer or mouse press, release or click on it reaches the page's own
 *   handlers past the host (some pages clear selections or open "share this quote" pop-ups on mouseup).
 * - Keys, while shown: 1–9 tie to that question (when it exists), H highlights without a question, Escape
 *   dismisses. They are read on the document in the capture phase, before the page's own handlers on the
 *   document and below; a handled key is cancelled and stopped so the page does not also act on it. Keys with
 *   Ctrl, Alt or Meta (copy, page shortcuts), keys aimed at editable fields, keys being composed by an input
 *   method, and untrusted (script-made) events are left alone. Shift is allowed: some layouts (AZERTY) need it
 *   for digits.
 */
export function mountSelectionToolbar(doc: Document, options: SelectionToolbarOptions): SelectionToolbar {
  const host = doc.createElement('journal-club-toolbar');
  pin(host, { ...HOST_STYLE, display: 'none' });
  const shadow = host.attachShadow({ mode: 'open' });
  const removeStyles = adoptStyles(shadow, SELECTION_TOOLBAR_CSS);
  const container = doc.createElement('div');
  shadow.append(container);
  let shown = false;
  let message: string | null = null;
  let visibility: 'only-me' | 'club' | null = null;
  let tips: 'up' | 'down' = 'up';
  let anchor: { rect: DOMRectReadOnly; focusEnd: 'start' | 'end' } | null = null;

  // The shadow root is open, so the page could relabel or reorder the buttons for the reader to tie a passage to
  // the wrong question: any change inside it that we did not draw hides the toolbar, which is drawn afresh when
  // next shown. (Focus moving between buttons changes only `tabindex`, which is not watched.)
  let tampered = false;
  const guard = new MutationObserver((records) => {
    if (records.length === 0) return;
    tampered = true;
    hide();
  });
  const draw = () => {
    if (tampered) {
      render(null, container);
      container.replaceChildren();
      if (container.parentNode !== shadow) shadow.append(container);
      tampered = false;
    }
    render(
      h(ToolbarView, { questions: options.questions, onTie: (id) => options.onTie(id), tips, message, visibility }),
      container,
    );
    guard.takeRecords();
  };
  /** Draws, measures at its natural size (it wraps on narrow viewports), then places; nothing paints between. */
  const layout = () => {
    if (anchor === null) return;
    draw();
    pin(host, { display: 'block' });
    const size = host.getBoundingClientRect();
    const placement = placeToolbar(anchor.rect, size, viewportSize(doc), anchor.focusEnd);
    pin(host, { left: `${Math.round(placement.left)}px`, top: `${Math.round(placement.top)}px` });
    if (placement.tips !== tips) {
      tips = placement.tips;
      draw();
    }
  };
  draw();
  guard.observe(shadow, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-label', 'aria-keyshortcuts', 'class', 'style', 'hidden', 'data-tips'],
  });

  const keepSelection = (event: Event) => {
    if (event.type === 'mousedown') event.preventDefault();
    event.stopPropagation();
  };
  const mouseEvents = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick'] as const;
  for (const type of mouseEvents) shadow.addEventListener(type, keepSelection);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!shown || !event.isTrusted || event.defaultPrevented || event.isComposing) return;
    if (event.ctrlKey || event.altKey || event.metaKey || isEditableTarget(event)) return;
    const action = keyAction(event.key, options.questions);
    if (action === null) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (action.type === 'dismiss') options.onDismiss();
    else options.onTie(action.questionId);
  };
  doc.addEventListener('keydown', onKeyDown, { capture: true });
  doc.documentElement.append(host);

  const hide = () => {
    shown = false;
    anchor = null;
    message = null;
    pin(host, { display: 'none' });
  };

  return {
    host,
    show(selectionRect, focusEnd = 'end') {
      if (anchor === null || !sameBox(anchor.rect, selectionRect)) message = null;
      anchor = { rect: DOMRectReadOnly.fromRect(selectionRect), focusEnd };
      layout();
      shown = true;
    },
    showMessage(text) {
      if (!shown) return;
      message = text;
      layout();
    },
    setVisibility(next) {
      visibility = next;
      if (shown) layout();
      else draw();
    },
    hide,
    isShown: () => shown,
    destroy() {
      hide();
      guard.disconnect();
      doc.removeEventListener('keydown', onKeyDown, { capture: true });
      for (const type of mouseEvents) shadow.removeEventListener(type, keepSelection);
      render(null, container);
      removeStyles();
      host.remove();
    },
  };
}

type KeyAction = { type: 'tie'; questionId: string | null } | { type: 'dismiss' };

/** What a key does while the toolbar is shown, or null for keys that are the page's. */
function keyAction(key: string, questions: readonly ToolbarQuestion[]): KeyAction | null {
  if (key === 'Escape') return { type: 'dismiss' };
  if (key === 'h' || key === 'H') return { type: 'tie', questionId: null };
  if (/^[1-9]$/.test(key)) {
    const question = questions.find((candidate) => candidate.number === Number(key));
    return question === undefined ? null : { type: 'tie', questionId: question.id };
  }
  return null;
}

function sameBox(a: DOMRectReadOnly, b: DOMRectReadOnly): boolean {
  return (
    Math.abs(a.left - b.left) < 1 &&
    Math.abs(a.top - b.top) < 1 &&
    Math.abs(a.width - b.width) < 1 &&
    Math.abs(a.height - b.height) < 1
  );
}

/** The layout viewport that `position: fixed` is relative to, without scroll bars. */
function viewportSize(doc: Document): { width: number; height: number } {
  const view = doc.defaultView;
  const root = doc.documentElement;
  const innerWidth = view?.innerWidth ?? root.clientWidth;
  const innerHeight = view?.innerHeight ?? root.clientHeight;
  // In quirks mode the root's client size is the whole document's, hence the minimum.
  return {
    width: Math.min(innerWidth, root.clientWidth || innerWidth),
    height: Math.min(innerHeight, root.clientHeight || innerHeight),
  };
}
