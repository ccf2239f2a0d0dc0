import type { PageHighlight } from '../protocol/responses';
import type { AnchorStatus } from '../protocol/tab-messages';
import { DEFAULT_SETTLE_MS, type DocumentIntegration } from './document';
import { isReplaced } from './highlighter/drawn-range';

/** What the annotator needs from the painter (see utils/page/highlighter/painter.ts). */
export interface Painter {
  paint(items: readonly DrawnHighlight[]): void;
  flash(id: string): void;
  highlightAt(x: number, y: number): string | null;
  destroy(): void;
}

interface DrawnHighlight {
  id: string;
  questionIndex: number | null;
  range: Range;
}

export interface PageAnnotatorOptions {
  /** The document the highlights are found in, followed and scrolled through. */
  integration: Pick<DocumentIntegration, 'anchorAll' | 'onContentChange' | 'scrollTo'>;
  painter: Painter;
  /** The reader's highlights for this article, from the background. */
  load(): Promise<PageHighlight[] | null>;
  /** Tells the background (and so the panel) which highlights were found. */
  report(anchors: Record<string, AnchorStatus>): void;
  /** Position of a question in the entry (for its colour); null for untied or unknown. */
  questionIndex(questionId: string | null): number | null;
  /** How long after the page opened late text may still bring orphans back. */
  settleMs?: number;
  /** Told what is drawn each time it changes (the highlight map follows it). */
  onDrawn?(items: readonly DrawnHighlight[]): void;
}

const RECHECK_DELAY_MS = 400;

/**
 * Keeps the reader's highlights drawn on the page: anchors them once the page is indexed, paints them, reports
 * which were found, and anchors again when the article's text changes (single-page apps and lazy sections
 * deliver text late), until the page has settled. Anchoring yields to the page between slices, so it never
 * blocks scrolling or typing; after `settleMs` it stops watching, and what is still missing stays an orphan.
 * A highlight the reader has just made is drawn from the range they selected (`add`), without a pass.
 */
export function createPageAnnotator(options: PageAnnotatorOptions) {
  const { integration, painter } = options;
  const settleAt = performance.now() + (options.settleMs ?? DEFAULT_SETTLE_MS);
  let drawn: DrawnHighlight[] = [];
  let statuses: Record<string, AnchorStatus> | null = null;
  let pass: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Loads started so far: a pass is authoritative for the highlights added before its load began. */
  let loads = 0;
  /** Highlights drawn by `add`, with the load count then, until a pass that loaded after them has run. */
  const added = new Map<string, { item: DrawnHighlight; loadsBefore: number }>();

  const paint = () => {
    painter.paint(drawn);
    options.onDrawn?.(drawn);
  };

  function show(next: Record<string, AnchorStatus>): void {
    paint();
    if (statuses === null || !sameStatuses(next, statuses)) options.report(next);
    statuses = next;
  }

  async function refresh(): Promise<void> {
    pass?.abort();
    const controller = new AbortController();
    pass = controller;
    const loadNumber = ++loads;
    const highlights = await options.load();
    if (!highlights || controller.signal.aborted) return;
    const items = highlights.map((highlight) => ({ highlight, selectors: highlight.target.selectors }));
    const result = await integration.anchorAll(items, {
      signal: controller.signal,
      deadlineMs: Math.max(1_000, settleAt - performance.now()),
    });
    if (result.stoppedBy === 'abort') return;
    drawn = result.anchored.map(({ item, result: found }) => ({
      id: item.highlight.id,
      questionIndex: options.questionIndex(item.highlight.questionId),
      range: found.range,
    }));
    const next: Record<string, AnchorStatus> = {};
    // Found only by the fuzzy search: the reader is told the text differs there (another version of the article).
    for (const { item, result: found } of result.anchored) {
      next[item.highlight.id] = found.method === 'fuzzy' ? 'approximate' : 'anchored';
    }
    for (const item of [...result.orphans, ...result.unfinished]) {
      next[item.highlight.id] = result.orphanReasons?.get(item) === 'ambiguous' ? 'ambiguous' : 'orphan';
    }
    for (const [id, { item, loadsBefore }] of added) {
      if (loadNumber > loadsBefore) added.delete(id);
      else if (!(id in next)) {
        drawn.push(item);
        next[id] = 'anchored';
      }
    }
    show(next);
  }

  /** Late text only matters while something is missing or a drawn passage was replaced by a re-render. */
  const stopFollowing = integration.onContentChange(() => {
    if (performance.now() > settleAt) return stopFollowing();
    const missing = Object.values(statuses ?? {}).some((status) => status === 'orphan' || status === 'ambiguous');
    const broken = drawn.some(({ range }) => isReplaced(range));
    if (!missing && !broken) return;
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), RECHECK_DELAY_MS);
  });

  const rangeOf = (id: string): Range | null => {
    const range = drawn.findLast((item) => item.id === id)?.range;
    return range?.startContainer.isConnected ? range : null;
  };

  return {
    refresh,
    /**
     * Draws a highlight the reader just saved over the range they selected, and reports it found: the page
     * already holds that range, so nothing is loaded or anchored again.
     */
    add(highlight: Pick<PageHighlight, 'id' | 'questionId'>, range: Range): void {
      const item = { id: highlight.id, questionIndex: options.questionIndex(highlight.questionId), range };
      added.set(highlight.id, { item, loadsBefore: loads });
      drawn = [...drawn.filter((other) => other.id !== highlight.id), item];
      // Before the first pass has reported, the panel waits for it, which will count this one too.
      if (statuses === null) paint();
      else show({ ...statuses, [highlight.id]: 'anchored' });
    },
    /**
     * Scrolls the passage into the middle of the view (smoothly unless told otherwise) and flashes it; false when
     * it is not on the page.
     */
    reveal(id: string, smooth = true): boolean {
      const range = rangeOf(id);
      if (!range) return false;
      void integration.scrollTo(range, { smooth });
      painter.flash(id);
      return true;
    },
    highlightAt: (x: number, y: number) => painter.highlightAt(x, y),
    /** Where a highlight is drawn now, if it is. */
    rangeOf,
    destroy() {
      pass?.abort();
      clearTimeout(timer);
      stopFollowing();
      painter.destroy();
    },
  };
}

export type PageAnnotator = ReturnType<typeof createPageAnnotator>;

function sameStatuses(a: Record<string, AnchorStatus>, b: Record<string, AnchorStatus>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
