import { paintOrder } from '../../club/paint-order';
import type { ClubPageHighlight } from '../../club/views';
import { CLUB_PAINT_MEASURE } from '../../performance-marks';
import { DEFAULT_SETTLE_MS, type DocumentIntegration } from '../document';
import { isReplaced } from '../highlighter/drawn-range';
import { type ClubPaintItem, createClubPainter } from './club-painter';

export interface ClubHighlightsOptions {
  integration: Pick<DocumentIntegration, 'doc' | 'anchorAll' | 'onContentChange' | 'scrollTo'>;
  /** The club highlights to paint (`club-page-layer`); null when the background could not say. */
  load(): Promise<ClubPageHighlight[] | null>;
  /** Position of a question in the entry (for its colour); null for untied or unknown. */
  questionIndex(questionId: string | null): number | null;
  /** Told what is drawn each time it changes (the highlight map shows club marks too). */
  onDrawn(items: readonly ClubPaintItem[]): void;
  /** How long after the page opened late text may still bring missing club highlights in. */
  settleMs?: number;
}

const RECHECK_DELAY_MS = 400;
/** Club highlights are anchored after the reader's own, within the same kind of deadline. */
const DEADLINE_MS = 10_000;

/**
 * The club's highlights on the article: loaded from the background (no notes, no names), capped and ordered by
 * position (`paintOrder`), anchored in time slices that yield to the page and within a deadline, and painted by a
 * painter of their own. A repeated answer that draws the same is not anchored again.
 */
export function startClubHighlights(options: ClubHighlightsOptions) {
  const { integration } = options;
  const painter = createClubPainter(integration.doc);
  const settleAt = performance.now() + (options.settleMs ?? DEFAULT_SETTLE_MS);
  let loaded: ClubPageHighlight[] = [];
  let drawn: ClubPaintItem[] = [];
  let missing = 0;
  let signature = '';
  let pass: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function anchor(highlights: ClubPageHighlight[], received: number): Promise<void> {
    pass?.abort();
    const controller = new AbortController();
    pass = controller;
    const result = await integration.anchorAll(highlights, {
      signal: controller.signal,
      deadlineMs: Math.min(DEADLINE_MS, Math.max(1_000, settleAt - performance.now())),
    });
    if (result.stoppedBy === 'abort') return;
    drawn = result.anchored.map(({ item, result: found }) => ({
      remoteId: item.remoteId,
      questionIndex: options.questionIndex(item.questionId),
      range: found.range,
    }));
    missing = result.orphans.length + result.unfinished.length;
    painter.paint(drawn);
    options.onDrawn(drawn);
    performance.measure(CLUB_PAINT_MEASURE, { start: received, end: performance.now() });
  }

  /** Asks the background again (after `club-layer-changed`, or the setting switched). */
  async function refresh(): Promise<void> {
    const reply = await options.load();
    if (reply === null) return;
    const received = performance.now();
    const next = paintOrder(reply);
    const nextSignature = JSON.stringify(next);
    if (nextSignature === signature) return;
    signature = nextSignature;
    loaded = next;
    await anchor(loaded, received);
  }

  /** Late text matters only while some club highlight is missing or a drawn passage was replaced. */
  const stopFollowing = integration.onContentChange(() => {
    if (performance.now() > settleAt) return stopFollowing();
    const broken = drawn.some(({ range }) => isReplaced(range));
    if (missing === 0 && !broken) return;
    clearTimeout(timer);
    timer = setTimeout(() => void anchor(loaded, performance.now()), RECHECK_DELAY_MS);
  });

  const rangeOf = (remoteId: string): Range | null => {
    const range = drawn.find((item) => item.remoteId === remoteId)?.range;
    return range?.startContainer.isConnected ? range : null;
  };

  return {
    refresh,
    highlightAt: (x: number, y: number) => painter.highlightAt(x, y),
    /** Scrolls a club highlight's passage into view; false when it is not drawn. */
    reveal(remoteId: string, smooth = true): boolean {
      const range = rangeOf(remoteId);
      if (!range) return false;
      void integration.scrollTo(range, { smooth });
      return true;
    },
    destroy(): void {
      pass?.abort();
      clearTimeout(timer);
      stopFollowing();
      painter.destroy();
      drawn = [];
    },
  };
}

export type ClubHighlights = ReturnType<typeof startClubHighlights>;
