import type { TextIndex } from './text-index.ts';

/**
 * The last text index built for a root, kept until the root's text changes. Indexing a 1 MB article is a walk
 * over its whole DOM (some 30–40 ms); the page asks for it on every pass of `anchorAll` and for every selection
 * the reader describes, while the text itself rarely changes after load.
 *
 * Staleness is read synchronously from the observer's pending records rather than from its callback, which runs
 * only after the current task: an index is never handed out for text that changed a moment ago.
 */
export interface TextIndexCache {
  /** The index for the root's current text, or null when there is none or the text changed since it was built. */
  get(): TextIndex | null;
  /** Keeps an index built from the root's current text (the caller checks that it did not change meanwhile). */
  set(index: TextIndex): void;
  /** Stops watching the root; the cache then always misses. */
  disconnect(): void;
}

/** What the indexer reads: the tree, the text, and the attributes that hide text in markup (`text-model.ts`). */
const WATCH: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributeFilter: ['hidden', 'style'],
};

export function createTextIndexCache(root: Element): TextIndexCache {
  let index: TextIndex | null = null;
  let watching = true;
  const observer = new MutationObserver(() => {
    index = null;
  });
  observer.observe(root, WATCH);
  return {
    get() {
      if (observer.takeRecords().length > 0) index = null;
      return index;
    },
    set(next) {
      observer.takeRecords();
      if (watching) index = next;
    },
    disconnect() {
      watching = false;
      index = null;
      observer.disconnect();
    },
  };
}
