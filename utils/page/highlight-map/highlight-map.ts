import { i18n } from '#i18n';
import { mapKeyAction } from './keys';
import { aboveLabel, belowLabel, clusterLabel, filterLabel, highlightLabel } from './labels';
import { layoutMap, type MapEntry, type MapLayout } from './layout';
import { type MapItem, type Measurement, startMeasurement } from './measure';
import { clusterTarget, type StepDirection, stepTarget } from './stepping';
import { BUCKET_PX, MARK_PX } from './style';
import { type MapDrawing, type MapTarget, mountMapView } from './view';

export type { MapItem };

export interface HighlightMapOptions {
  /** How many questions the entry has: the digit keys exist for those only. */
  questionCount: number;
  /** Brings a highlight's passage into the middle of the view and flashes it. */
  reveal(id: string, smooth: boolean): void;
  /** Opens the highlight's card in the panel (the panel opens if it was folded). */
  open(id: string): void;
  /** Calls `listener` when the article's text may have moved; returns the stop. */
  onContentChange(listener: () => void): () => void;
}

export interface HighlightMap {
  /** The map's element on the page, for callers to tell its clicks from the article's. */
  readonly host: HTMLElement;
  /** The highlights drawn now (after each anchoring pass, or a new highlight): measured once, from here. */
  update(items: readonly MapItem[]): void;
  /** How far from the viewport's right edge the strip stands: the panel's width, or the folded tab's. */
  setRightInset(px: number): void;
  /** Shows or hides the map (hidden while the panel is closed for the page). */
  setVisible(visible: boolean): void;
  /** Goes to the next or previous highlight of those the map shows (the extension's keyboard commands). */
  step(direction: StepDirection): void;
  destroy(): void;
}

/** Trailing delay before re-measuring after the article's DOM changes, which can happen on every frame. */
const CONTENT_SETTLE_MS = 250;
/** Time for range reads in one animation frame, leaving the rest of the frame's 16 ms to the page. */
const MEASURE_BUDGET_MS = 6;

/**
 * The map of the reader's highlights beside the panel's edge (a bucket bar). Highlights are measured once, when
 * drawn, when the window or the article's size changes, or after its text changes; a scroll only shifts the
 * measured heights by the scroll offset in the next animation frame, so it costs arithmetic over the marks in view
 * and no layout reads of the ranges. A scroll inside an element of the page that holds highlights (an article in
 * a scrolling pane) moves them without a window scroll, and so is measured again.
 */
export function mountHighlightMap(doc: Document, options: HighlightMapOptions): HighlightMap {
  const win = doc.defaultView as Window;
  let items: readonly MapItem[] = [];
  let all: MapEntry[] = [];
  let shown: MapEntry[] = [];
  let indexOf = new Map<string, number>();
  let filter: number | null = null;
  let currentId: string | null = null;
  let viewHeight = win.innerHeight;
  let layout: MapLayout = { above: 0, below: 0, marks: [] };
  let visible = true;
  /** Set by a step or a filter: focus in the map moves to the mark that now holds the current highlight. */
  let follow = false;
  /** Passages' text, read only for the marks that get a name, and kept until the highlights change. */
  const quotes = new Map<string, string>();
  let byId = new Map<string, MapItem>();

  const view = mountMapView(doc, {
    onActivate: (target) => activate(target),
    onKeyDown: (event) => onKey(event),
  });

  const quoteOf = (id: string) => {
    let quote = quotes.get(id);
    if (quote === undefined) {
      quote = byId.get(id)?.range.toString() ?? '';
      quotes.set(id, quote);
    }
    return quote;
  };
  const labelOf = (index: number) => {
    const entry = shown[index] as MapEntry;
    return highlightLabel(entry, index, shown.length, quoteOf(entry.id));
  };

  function applyFilter(): void {
    const question = filter === null ? null : filter - 1;
    shown = question === null ? all : all.filter((entry) => entry.questionIndex === question);
    indexOf = new Map(shown.map((entry, index) => [entry.id, index]));
  }

  function render(): void {
    // The scroll offset is read before anything is written: read after a write, it would lay the page out.
    layout = layoutMap(shown, win.scrollY, viewHeight, { markPx: MARK_PX, bucketPx: BUCKET_PX });
    view.setVisible(visible && shown.length > 0);
    const current = currentId === null ? undefined : indexOf.get(currentId);
    const drawing: MapDrawing = {
      up: { count: layout.above, label: aboveLabel(layout.above) },
      down: { count: shown.length - layout.below, label: belowLabel(shown.length - layout.below) },
      marks: layout.marks.map(({ top, from, to }) => {
        const look = new Set(shown.slice(from, to).map((entry) => entry.questionIndex));
        return {
          top,
          count: to - from,
          label: to - from > 1 ? clusterLabel(from, to, shown.length) : labelOf(from),
          look: look.size > 1 ? 'mixed' : ([...look][0] ?? null),
          club: shown.slice(from, to).every((entry) => entry.club === true),
          current: current !== undefined && current >= from && current < to,
        };
      }),
      roving: roving(layout, current, shown.length),
    };
    view.draw(drawing, follow);
    follow = false;
  }

  // At most one update per animation frame, however many scroll, resize or change events came in. A new
  // measurement starts over one under way (the layout it was reading has changed); until it is done, the marks
  // keep their last heights, shifted by the scroll as usual.
  let frame = 0;
  let remeasure = false;
  let measurement: Measurement | null = null;
  const schedule = (withMeasure: boolean) => {
    remeasure ||= withMeasure;
    if (frame === 0) frame = win.requestAnimationFrame(update);
  };
  function update(): void {
    frame = 0;
    if (remeasure) {
      // Reads start in the next frame: in this one the page may still have to lay itself out again (after a
      // resize, say), and the first read would do that work inside the map's update, adding the two together.
      remeasure = false;
      measurement = startMeasurement(items);
      render();
      schedule(false);
      return;
    }
    viewHeight = win.innerHeight;
    const measured = measurement?.run(MEASURE_BUDGET_MS, win.scrollY);
    if (measured === null) schedule(false);
    else if (measured !== undefined) {
      measurement = null;
      all = measured;
      applyFilter();
    }
    render();
  }

  function goTo(index: number | null, how: { open: boolean; smooth: boolean }, direction?: StepDirection): void {
    const entry = index === null ? undefined : shown[index];
    if (index === null || entry === undefined) {
      if (direction === 'next') view.announce(i18n.t('map.noneBelow'));
      if (direction === 'previous') view.announce(i18n.t('map.noneAbove'));
      return;
    }
    currentId = entry.id;
    follow = true;
    options.reveal(entry.id, how.smooth);
    if (how.open) options.open(entry.id);
    view.announce(labelOf(index));
    schedule(false);
  }

  const origin = () => ({
    current: currentId === null ? null : (indexOf.get(currentId) ?? null),
    viewTop: win.scrollY,
    viewHeight,
  });

  /** A click (or Enter) on a bucket goes to the nearest highlight that way; on a mark, to its (next) highlight. */
  function activate(target: MapTarget): void {
    const how = { open: true, smooth: true };
    if (target.kind === 'up') goTo(layout.above - 1, how);
    else if (target.kind === 'down') goTo(layout.below, how);
    else if (target.kind === 'mark') {
      const mark = layout.marks[target.index];
      if (mark) goTo(clusterTarget(mark.from, mark.to, origin().current), how);
    }
  }

  function onKey(event: KeyboardEvent): void {
    if (!event.isTrusted || event.isComposing) return;
    const action = mapKeyAction(event, filter, options.questionCount);
    if (action === null) return;
    // The map's own keys: the page must not also scroll or act on them.
    event.preventDefault();
    event.stopPropagation();
    // Steps from the keyboard jump, so the mark (and focus) moves once rather than following a smooth scroll.
    if (action.type === 'step') {
      goTo(stepTarget(shown, action.direction, origin()), { open: false, smooth: false }, action.direction);
      return;
    }
    const count = all.filter((entry) => action.question === null || entry.questionIndex === action.question - 1).length;
    // A question without highlights would empty the map, and with it the keys that bring the others back.
    if (count > 0) {
      filter = action.question;
      follow = true;
      applyFilter();
      render();
    }
    view.announce(filterLabel(action.question, count));
  }

  const onScroll = (event: Event) => {
    const target = event.target;
    if (target === doc || target === doc.scrollingElement || target === doc.documentElement) return schedule(false);
    if (target instanceof Node && items.some((item) => target.contains(item.range.startContainer))) schedule(true);
  };
  const onResize = () => schedule(true);
  let settle: ReturnType<typeof setTimeout> | undefined;
  const stopContent = options.onContentChange(() => {
    clearTimeout(settle);
    settle = setTimeout(() => schedule(true), CONTENT_SETTLE_MS);
  });
  // Images and late sections that load change the article's height without a window resize.
  const resized = new ResizeObserver(() => schedule(true));
  resized.observe(doc.body ?? doc.documentElement);
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
  win.addEventListener('resize', onResize, { passive: true });

  return {
    host: view.host,
    update(next) {
      items = [...next];
      byId = new Map(items.map((item) => [item.id, item]));
      quotes.clear();
      if (currentId !== null && !byId.has(currentId)) currentId = null;
      // Deleted highlights leave the map now; new ones appear once measured, in the next frames.
      all = all.filter((entry) => byId.has(entry.id));
      applyFilter();
      schedule(true);
    },
    setRightInset: (px) => view.setRightInset(px),
    setVisible(next) {
      visible = next;
      render();
    },
    step(direction) {
      goTo(stepTarget(shown, direction, origin()), { open: false, smooth: true }, direction);
    },
    destroy() {
      win.cancelAnimationFrame(frame);
      clearTimeout(settle);
      stopContent();
      resized.disconnect();
      doc.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', onResize);
      view.destroy();
    },
  };
}

/** The control in the tab order: the mark holding the current highlight, else the bucket holding it, else the first. */
function roving(layout: MapLayout, current: number | undefined, total: number): MapDrawing['roving'] {
  if (current !== undefined) {
    if (current < layout.above) return 'up';
    if (current >= layout.below) return 'down';
    const index = layout.marks.findIndex((mark) => current >= mark.from && current < mark.to);
    if (index >= 0) return index;
  }
  if (layout.marks.length > 0) return 0;
  return layout.above > 0 || total === 0 ? 'up' : 'down';
}
