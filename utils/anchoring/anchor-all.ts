import { type AnchorMiss, locateSteps } from './anchor.ts';
import type { TextIndexCache } from './index-cache.ts';
import { type TextIndex, TextIndexBuilder } from './text-index.ts';
import type { Anchorable, AnchorResult, OrphanReason } from './types.ts';

export interface AnchorAllOptions<T> {
  /** Stops early; what was anchored so far is still returned (the promise does not reject). */
  signal?: AbortSignal;
  /** Longest stretch of work between yields to the page, in ms. */
  budgetMs?: number;
  /** Time after which the remaining highlights are left for a later pass, in ms. */
  deadlineMs?: number;
  /** Each highlight as soon as it is found, so it can be painted without waiting for the rest. */
  onAnchored?: (item: T, result: AnchorResult) => void;
  /** The page's index kept between passes (`index-cache.ts`): used while the text is unchanged, filled otherwise. */
  cache?: TextIndexCache;
}

export interface AnchorAllResult<T> {
  anchored: { item: T; result: AnchorResult }[];
  /** Looked for and not found: the page no longer has them (or not yet, if text is still arriving). */
  orphans: T[];
  /** Why each orphan was not placed (`ambiguous` ones must not be guessed at; the panel may say so). */
  orphanReasons: Map<T, OrphanReason>;
  /** Not looked for, because the deadline passed or the signal aborted; worth another pass later. */
  unfinished: T[];
  stoppedBy: 'done' | 'deadline' | 'abort';
}

/** Long enough to anchor dozens of unchanged highlights, short enough that the page stays responsive (one frame). */
const DEFAULT_BUDGET_MS = 8;
const DEFAULT_DEADLINE_MS = 10_000;

/** Times the index is rebuilt from scratch when the page changes under a sliced build, before building it in one go. */
const MAX_RESTARTS = 2;

/**
 * Anchors a page's highlights without freezing it: the content script calls this when the article loads and
 * again when late text arrives. Both indexing the page (some 40 ms for 1 MB of text) and matching run in slices
 * of `budgetMs`, yielding to the event loop between them. The index is a snapshot that every highlight is
 * matched against, so if the page's text changes while it is being built, the build starts over. Matching one highlight
 * pauses between its steps too (see `match-quote.ts`), and each highlight's work is capped, so a crafted stored
 * highlight cannot hold the page: it becomes an orphan (`over-budget`).
 */
export async function anchorAll<T extends Anchorable>(
  items: readonly T[],
  root: Element,
  options: AnchorAllOptions<T> = {},
): Promise<AnchorAllResult<T>> {
  const { signal, onAnchored } = options;
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const deadline = performance.now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const out: AnchorAllResult<T> = {
    anchored: [],
    orphans: [],
    orphanReasons: new Map(),
    unfinished: [],
    stoppedBy: 'done',
  };
  if (items.length === 0) return out;
  if (signal?.aborted) return stop(out, items, 0, 'abort');

  const cached = options.cache?.get() ?? null;
  const index = cached ?? (await indexInSlices(root, budget, deadline, signal));
  if (index === 'abort' || index === 'deadline') return stop(out, items, 0, index);
  if (cached === null) options.cache?.set(index);
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const steps = locateSteps(item.selectors, index);
    let next: IteratorResult<void, AnchorResult | AnchorMiss> | undefined;
    while (next?.done !== true) {
      if (performance.now() - sliceStart >= budget) {
        await yieldToPage();
        sliceStart = performance.now();
      }
      if (signal?.aborted) return stop(out, items, i, 'abort');
      if (performance.now() >= deadline) return stop(out, items, i, 'deadline');
      next = steps.next();
    }
    const result = next.value;
    if ('orphan' in result) {
      out.orphans.push(item);
      out.orphanReasons.set(item, result.orphan);
    } else {
      out.anchored.push({ item, result });
      onAnchored?.(item, result);
    }
  }
  return out;
}

async function indexInSlices(
  root: Element,
  budget: number,
  deadline: number,
  signal: AbortSignal | undefined,
): Promise<TextIndex | 'abort' | 'deadline'> {
  const changes = new MutationObserver(() => {});
  changes.observe(root, { subtree: true, childList: true, characterData: true, attributeFilter: ['hidden', 'style'] });
  try {
    for (let restarts = 0; ; restarts++) {
      const builder = new TextIndexBuilder(root);
      if (restarts === MAX_RESTARTS) return builder.finish();
      let done = builder.step(performance.now() + budget);
      while (!done) {
        await yieldToPage();
        if (signal?.aborted) return 'abort';
        if (performance.now() >= deadline) return 'deadline';
        if (changes.takeRecords().length > 0) break;
        done = builder.step(performance.now() + budget);
      }
      if (done) return builder.finish();
    }
  } finally {
    changes.disconnect();
  }
}

function stop<T>(out: AnchorAllResult<T>, items: readonly T[], from: number, why: 'deadline' | 'abort') {
  out.unfinished.push(...items.slice(from));
  out.stoppedBy = why;
  return out;
}

interface Scheduler {
  yield?: () => Promise<void>;
}

/** `scheduler.yield` keeps our place in the task queue (and is not throttled in background tabs like timers). */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
