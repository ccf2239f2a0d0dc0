import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detectArticle } from '../utils/article/detect';
import { doiKey } from '../utils/article/doi';
import { watchArticle } from '../utils/article/watch';
import { createClient, type MessageRuntime } from '../utils/protocol/client';
import {
  ARTICLE_QUERY,
  type DetectorRequest,
  type DetectorResponses,
  SHARE_HASH_MAX_LENGTH,
} from '../utils/protocol/detector-messages';

/**
 * Runs on every http(s) page (declared in the manifest by wxt.config.ts), so it only reads metadata: no UI
 * framework, no DOM writes, and no message at all on a page without a DOI.
 *
 * It is an unlisted script rather than a WXT content script because WXT's content-script wrapper announces
 * each start to the page (a `window.postMessage` and a DOM event), and it uses the browser's own promise-based
 * runtime (MV3 Chromium's `chrome`, Firefox's `browser`) rather than the polyfill, which would more than double
 * the bytes every page pays for.
 */
type Runtime = MessageRuntime & {
  id?: string;
  onMessage: { addListener(listener: (message: unknown) => Promise<unknown> | undefined): void };
};
const runtime = (
  (globalThis as { browser?: { runtime: Runtime } }).browser ??
  (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome
).runtime;

/**
 * The `#jc=…` part of the address this document was loaded from, or null; anything longer than a share link can
 * be is not one. Read from the navigation's own entry, not `location.hash`: a page can write `#jc=` into its
 * address (`history.replaceState`) before this script runs, and would then choose what the panel opens with.
 */
function readShareHash(): string | null {
  const entry = performance.getEntriesByType('navigation')[0];
  const at = entry ? entry.name.indexOf('#') : -1;
  const hash = at < 0 ? '' : (entry as PerformanceEntry).name.slice(at);
  return hash.startsWith('#jc=') && hash.length <= SHARE_HASH_MAX_LENGTH ? hash : null;
}

/**
 * How many distinct DOIs one document may report. A page that swaps its DOI metas could otherwise tell, from the
 * panel appearing or not, which DOIs are in the reader's catalog; past this, a new DOI is reported as no article
 * and the panel opens only when the reader asks (the toolbar button), which queries the page afresh.
 */
const MAX_DOIS_PER_DOCUMENT = 3;

export default defineUnlistedScript(() => {
  const send = createClient<DetectorRequest, DetectorResponses>(runtime);
  // A share link's payload (`#jc=…`) is read once, with the first report, even on a page without a DOI.
  let share = readShareHash();
  let reported = false;
  const dois = new Set<string>();
  const stop = watchArticle(window, (found) => {
    // After the extension is updated or removed, this script's runtime is gone: stop watching quietly.
    if (!runtime.id) return stop();
    const key = found ? doiKey(found.doi) : null;
    if (key !== null && !dois.has(key) && dois.size < MAX_DOIS_PER_DOCUMENT) dois.add(key);
    const article = key !== null && dois.has(key) ? found : null;
    if (share !== null) {
      reported = article !== null;
      void send({ type: 'share-opened', share, article });
      share = null;
    } else if (article) {
      reported = true;
      void send({ type: 'article-detected', article });
    } else if (reported) {
      reported = false;
      void send({ type: 'article-gone' });
    }
  });
  if (share !== null) {
    void send({ type: 'share-opened', share, article: null });
    share = null;
  }
  // The toolbar button asks what this page is now; only the extension can send this, never the page.
  runtime.onMessage.addListener((message) =>
    (message as { type?: unknown } | null)?.type === ARTICLE_QUERY
      ? Promise.resolve(detectArticle(document, location.href))
      : undefined,
  );
});
