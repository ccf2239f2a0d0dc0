import { type ArticleInfo, detectArticle } from './detect';
import { doiKey } from './doi';

/** The window features the watcher uses; passed in so that tests can drive navigation themselves. */
export type WatchedWindow = Pick<Window, 'document' | 'location' | 'addEventListener' | 'removeEventListener'> & {
  navigation?: EventTarget;
};

/** Head elements whose arrival or change can mean another article: the rest of `<head>` churn is ignored. */
const METADATA_TAGS = new Set(['META', 'LINK', 'TITLE', 'SCRIPT']);

const RECHECK_DELAY_MS = 120;
/** Where neither the Navigation API nor a head change tells us (Firefox before it had the API), poll the URL. */
const URL_POLL_MS = 1_000;

/**
 * Calls `onChange` with the page's article now and whenever in-page navigation (History API, Navigation API)
 * or a `<head>` change gives the page another DOI, or none. Single-page apps swap articles without a load, so a
 * one-shot detection would show the wrong panel. Returns a function that stops watching.
 */
export function watchArticle(win: WatchedWindow, onChange: (article: ArticleInfo | null) => void): () => void {
  let reportedKey: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastUrl = win.location.href;

  const check = () => {
    timer = undefined;
    lastUrl = win.location.href;
    const article = detectArticle(win.document, lastUrl);
    const key = article ? doiKey(article.doi) : null;
    if (key === reportedKey) return;
    reportedKey = key;
    onChange(article);
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(check, RECHECK_DELAY_MS);
  };
  const onUrlMaybeChanged = () => {
    if (win.location.href !== lastUrl) schedule();
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (touchesMetadata(record)) return schedule();
    }
  });
  const head = win.document.head;
  if (head) observer.observe(head, { childList: true, subtree: true, attributes: true, attributeFilter: ['content'] });

  win.addEventListener('popstate', onUrlMaybeChanged);
  const navigation = win.navigation;
  navigation?.addEventListener('currententrychange', schedule);
  const poll = navigation ? undefined : setInterval(onUrlMaybeChanged, URL_POLL_MS);

  // The first report waits for nothing: it is what shows the panel on a plain page load.
  const initial = detectArticle(win.document, lastUrl);
  if (initial) {
    reportedKey = doiKey(initial.doi);
    onChange(initial);
  }

  return () => {
    observer.disconnect();
    win.removeEventListener('popstate', onUrlMaybeChanged);
    navigation?.removeEventListener('currententrychange', schedule);
    if (poll !== undefined) clearInterval(poll);
    if (timer !== undefined) clearTimeout(timer);
  };
}

function touchesMetadata(record: MutationRecord): boolean {
  if (record.type === 'attributes') return METADATA_TAGS.has((record.target as Element).tagName);
  for (const node of record.addedNodes) if (METADATA_TAGS.has(node.nodeName)) return true;
  for (const node of record.removedNodes) if (METADATA_TAGS.has(node.nodeName)) return true;
  return false;
}
