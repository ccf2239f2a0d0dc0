import { anchorAll } from '../anchoring';
import type { Highlight } from '../highlights/highlight';
import type { AnchorStatus } from '../protocol/tab-messages';

/** What the annotator needs from the painter (see utils/page/highlighter/painter.ts). */
export interface Painter {
  paint(items: readonly { id: string; questionIndex: number | null; range: Range }[]): void;
  flash(id: string): void;
  highlightAt(x: number, y: number): string | null;
  destroy(): void;
}

export interface PageAnnotatorOptions {
  root: Element;
  painter: Painter;
  /** The reader's highlights for this article, from the background. */
  load(): Promise<Highlight[] | null>;
  /** Tells the background (and so the panel) which highlights were found. */
  report(anchors: Record<string, AnchorStatus>): void;
  /** Position of a question in the entry (for its colour); null for untied or unknown. */
  questionIndex(questionId: string | null): number | null;
  /** How long after the page opened late text may still bring orphans back. */
  settleMs?: number;
}

const DEFAULT_SETTLE_MS = 30_000;
const RECHECK_DELAY_MS = 400;

/**
 * Keeps the reader's highlights drawn on the page: anchors them once the page is indexed, paints them, reports
 * which were found, and anchors again when the article's text changes (single-page apps and lazy sections
 * deliver text late), until the page has settled. Anchoring yields to the page between slices, so it never
 * blocks scrolling or typing; after `settleMs` it stops watching, and what is still missing stays an orphan.
 */
export function createPageAnnotator(options: PageAnnotatorOptions) {
  const { root, painter } = options;
  const settleAt = performance.now() + (options.settleMs ?? DEFAULT_SETTLE_MS);
  let ranges = new Map<string, Range>();
  let statuses: Record<string, AnchorStatus> | null = null;
  let pass: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function refresh(): Promise<void> {
    pass?.abort();
    const controller = new AbortController();
    pass = controller;
    const highlights = await options.load();
    if (!highlights || controller.signal.aborted) return;
    const items = highlights.map((highlight) => ({ highlight, selectors: highlight.target.selectors }));
    const result = await anchorAll(items, root, {
      signal: controller.signal,
      deadlineMs: Math.max(1_000, settleAt - performance.now()),
    });
    if (result.stoppedBy === 'abort') return;
    ranges = new Map(result.anchored.map(({ item, result: found }) => [item.highlight.id, found.range]));
    painter.paint(
      result.anchored.map(({ item, result: found }) => ({
        id: item.highlight.id,
        questionIndex: options.questionIndex(item.highlight.questionId),
        range: found.range,
      })),
    );
    const next: Record<string, AnchorStatus> = {};
    for (const { item } of result.anchored) next[item.highlight.id] = 'anchored';
    for (const item of [...result.orphans, ...result.unfinished]) next[item.highlight.id] = 'orphan';
    if (statuses === null || !sameStatuses(next, statuses)) options.report(next);
    statuses = next;
  }

  /** Late text only matters while something is missing or a drawn passage was replaced by a re-render. */
  const observer = new MutationObserver(() => {
    if (performance.now() > settleAt) return observer.disconnect();
    const missing = Object.values(statuses ?? {}).includes('orphan');
    const broken = [...ranges.values()].some((range) => !range.startContainer.isConnected || range.collapsed);
    if (!missing && !broken) return;
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), RECHECK_DELAY_MS);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  return {
    refresh,
    /** Scrolls the passage into the middle of the view and flashes it; false when it is not on the page. */
    reveal(id: string): boolean {
      const range = ranges.get(id);
      if (!range?.startContainer.isConnected) return false;
      const element =
        range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      painter.flash(id);
      return true;
    },
    highlightAt: (x: number, y: number) => painter.highlightAt(x, y),
    /** Where a highlight is drawn now, if it is. */
    rangeOf: (id: string): Range | null => {
      const range = ranges.get(id);
      return range?.startContainer.isConnected ? range : null;
    },
    destroy() {
      pass?.abort();
      clearTimeout(timer);
      observer.disconnect();
      painter.destroy();
    },
  };
}

export type PageAnnotator = ReturnType<typeof createPageAnnotator>;

function sameStatuses(a: Record<string, AnchorStatus>, b: Record<string, AnchorStatus>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
