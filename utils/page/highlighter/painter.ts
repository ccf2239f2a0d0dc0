import { adoptStyles } from '../host/stylesheet';
import {
  FLASH_HIGHLIGHT,
  highlightCss,
  highlightName,
  QUESTION_HIGHLIGHTS,
  SHARED_HIGHLIGHT,
  UNTIED_HIGHLIGHT,
} from './highlight-styles';
import { innermostAt } from './hit-test';

export interface PaintItem {
  id: string;
  /** 0-based index of the question in its catalog entry; null for an untied highlight. */
  questionIndex: number | null;
  range: Range;
}

export interface HighlightPainter {
  /** False where the browser lacks the Custom Highlight API: nothing is drawn and nothing can be hit. */
  readonly supported: boolean;
  /** Draws exactly these highlights, replacing whatever was drawn before. */
  paint(items: readonly PaintItem[]): void;
  /** Draws passages shared with the reader (from a share link) in their own style, replacing earlier ones. */
  paintShared(ranges: readonly Range[]): void;
  /** Draws one highlight in the flash style for a moment, so a reader who jumped to it sees where it is. */
  flash(id: string, durationMs?: number): void;
  /** The id of the painted highlight under a viewport point (innermost when they overlap), or null. */
  highlightAt(x: number, y: number): string | null;
  /** Removes every drawn highlight; the painter can paint again. */
  clear(): void;
  /** Removes the highlights and the style sheet; the painter must not be used again. */
  destroy(): void;
}

/** Above the question highlights, so a flashed passage shows through overlapping ones. */
const FLASH_PRIORITY = 1;
const DEFAULT_FLASH_MS = 1600;

/** Whether the document's browser can paint highlights (Chromium 105+, Safari 17.2+, Firefox 140+). */
export function supportsHighlights(doc: Document): boolean {
  const view = doc.defaultView;
  return typeof view?.Highlight === 'function' && typeof view.CSS?.highlights?.set === 'function';
}

/**
 * Paints highlights with the CSS Custom Highlight API: ranges registered by name in `CSS.highlights`, styled by
 * `::highlight(name)` rules. The article's DOM is never touched (no wrapping elements), so the page's scripts,
 * layout and text offsets stay as they were and anchoring keeps working on the same text nodes.
 *
 * The registry belongs to the document and the page can read it: it sees which passages are highlighted and in
 * which style, never ids or notes, which stay in this closure. Highlights are built with the document's own
 * `Highlight` constructor, for the same reason style sheets are (see `adoptStyles`).
 */
export function createHighlightPainter(doc: Document): HighlightPainter {
  const view = doc.defaultView;
  const registry = supportsHighlights(doc) ? (view?.CSS.highlights ?? null) : null;
  const HighlightType = view?.Highlight;
  if (registry === null || HighlightType === undefined) return unsupportedPainter();

  const removeStyles = adoptStyles(doc, highlightCss());
  /** Names this painter registered, with what it registered, so it never deletes a page's own highlight. */
  const ours = new Map<string, Highlight>();
  let painted: readonly PaintItem[] = [];
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const register = (name: string, ranges: readonly Range[], priority = 0) => {
    const highlight = new HighlightType(...ranges);
    highlight.priority = priority;
    registry.set(name, highlight);
    ours.set(name, highlight);
  };
  const unregister = (name: string) => {
    const highlight = ours.get(name);
    if (highlight !== undefined && registry.get(name) === highlight) registry.delete(name);
    ours.delete(name);
  };
  const stopFlash = () => {
    clearTimeout(flashTimer);
    flashTimer = undefined;
    unregister(FLASH_HIGHLIGHT);
  };
  const clear = () => {
    stopFlash();
    for (const name of [...ours.keys()]) unregister(name);
    painted = [];
  };

  return {
    supported: true,
    paint(items) {
      const byName = new Map<string, Range[]>();
      for (const item of items) {
        const name = highlightName(item.questionIndex);
        const ranges = byName.get(name);
        if (ranges === undefined) byName.set(name, [item.range]);
        else ranges.push(item.range);
      }
      for (const name of [...QUESTION_HIGHLIGHTS, UNTIED_HIGHLIGHT]) {
        const ranges = byName.get(name);
        if (ranges === undefined) unregister(name);
        else register(name, ranges);
      }
      painted = [...items];
    },
    paintShared(ranges) {
      if (ranges.length === 0) unregister(SHARED_HIGHLIGHT);
      else register(SHARED_HIGHLIGHT, ranges, FLASH_PRIORITY);
    },
    flash(id, durationMs = DEFAULT_FLASH_MS) {
      const item = painted.findLast((candidate) => candidate.id === id);
      if (item === undefined) return;
      stopFlash();
      register(FLASH_HIGHLIGHT, [item.range], FLASH_PRIORITY);
      flashTimer = setTimeout(stopFlash, durationMs);
    },
    highlightAt(x, y) {
      return innermostAt(doc, painted, x, y)?.id ?? null;
    },
    clear,
    destroy() {
      clear();
      removeStyles();
    },
  };
}

function unsupportedPainter(): HighlightPainter {
  return {
    supported: false,
    paint() {},
    paintShared() {},
    flash() {},
    highlightAt: () => null,
    clear() {},
    destroy() {},
  };
}
