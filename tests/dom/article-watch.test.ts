import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleInfo } from '../../utils/article/detect';
import { type WatchedWindow, watchArticle } from '../../utils/article/watch';

/**
 * A window whose document and address the test controls: a real Chromium document (DOMParser) with a real
 * MutationObserver, and an EventTarget standing in for `window.navigation`, so navigation is driven by events.
 */
function fakeWindow(html: string, url: string, withNavigationApi = true) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const events = new EventTarget();
  const location = { href: url };
  const win = {
    document: doc,
    location,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    ...(withNavigationApi && { navigation: new EventTarget() }),
  } as unknown as WatchedWindow & { navigation?: EventTarget };
  return { win, doc, location, events };
}

const ARTICLE_HEAD = '<meta name="citation_title" content="A paper"><meta name="citation_doi" content="10.1000/one">';
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function watch(win: WatchedWindow) {
  const seen: (string | null)[] = [];
  stop = watchArticle(win, (article: ArticleInfo | null) => seen.push(article?.doi ?? null));
  return seen;
}

describe('watching a page for its article', () => {
  it('reports the article at once on a plain load', () => {
    const { win } = fakeWindow(`<head>${ARTICLE_HEAD}</head><body></body>`, 'https://example.org/a');
    expect(watch(win)).toEqual(['10.1000/one']);
  });

  it('reports nothing at all on a page without a DOI', async () => {
    const { win } = fakeWindow('<head><title>News</title></head><body><p>Hello</p></body>', 'https://example.org/');
    const seen = watch(win);
    await settle();
    expect(seen).toEqual([]);
  });

  it('reports an article that arrives by in-page navigation (Navigation API) and head changes', async () => {
    const { win, doc, location } = fakeWindow('<head><title>Home</title></head><body></body>', 'https://spa.example/');
    const seen = watch(win);
    location.href = 'https://spa.example/reader/42';
    win.navigation?.dispatchEvent(new Event('currententrychange'));
    doc.head.insertAdjacentHTML('beforeend', ARTICLE_HEAD);
    await settle();
    expect(seen).toEqual(['10.1000/one']);
  });

  it('re-detects on a Navigation API event alone (an article route whose URL carries the DOI)', async () => {
    const { win, location } = fakeWindow('<head><title>Home</title></head><body></body>', 'https://spa.example/');
    const seen = watch(win);
    location.href = 'https://spa.example/doi/10.1000/three';
    await settle();
    expect(seen).toEqual([]);
    win.navigation?.dispatchEvent(new Event('currententrychange'));
    await settle();
    expect(seen).toEqual(['10.1000/three']);
  });

  it('notices pushState without the Navigation API by watching the address', async () => {
    const { win, location } = fakeWindow(
      '<head><title>Home</title></head><body></body>',
      'https://spa.example/',
      false,
    );
    const seen = watch(win);
    location.href = 'https://spa.example/doi/10.1000/three';
    await new Promise((resolve) => setTimeout(resolve, 1_400));
    expect(seen).toEqual(['10.1000/three']);
  });

  it('reports a change of <head> metadata even without navigation', async () => {
    const { win, doc } = fakeWindow(`<head>${ARTICLE_HEAD}</head><body></body>`, 'https://spa.example/x');
    const seen = watch(win);
    doc.querySelector('meta[name=citation_doi]')?.setAttribute('content', '10.1000/two');
    await settle();
    expect(seen).toEqual(['10.1000/one', '10.1000/two']);
  });

  it('reports that the article is gone when the app navigates away from it (History API, popstate)', async () => {
    const { win, doc, location, events } = fakeWindow(
      `<head>${ARTICLE_HEAD}</head><body></body>`,
      'https://spa.example/x',
      false,
    );
    const seen = watch(win);
    for (const meta of doc.querySelectorAll('meta')) meta.remove();
    location.href = 'https://spa.example/';
    events.dispatchEvent(new Event('popstate'));
    await settle();
    expect(seen).toEqual(['10.1000/one', null]);
  });

  it('ignores head churn that is not metadata (style injection) and repeats of the same DOI', async () => {
    const { win, doc } = fakeWindow(`<head>${ARTICLE_HEAD}</head><body></body>`, 'https://spa.example/x');
    const seen = watch(win);
    for (let i = 0; i < 20; i++) doc.head.append(doc.createElement('style'));
    doc.head.insertAdjacentHTML('beforeend', '<meta name="dc.identifier" content="doi:10.1000/ONE">');
    await settle();
    expect(seen).toEqual(['10.1000/one']);
  });

  it('stops watching when asked', async () => {
    const { win, doc } = fakeWindow(`<head>${ARTICLE_HEAD}</head><body></body>`, 'https://spa.example/x');
    const seen = watch(win);
    stop?.();
    doc.querySelector('meta[name=citation_doi]')?.setAttribute('content', '10.1000/two');
    await settle();
    expect(seen).toEqual(['10.1000/one']);
  });
});
