import { anchorAll, buildTextIndex, createTextIndexCache, describe } from '../../anchoring';
import { detectArticle } from '../../article/detect';
import { createHighlightPainter } from '../highlighter/painter';
import { trimmedRange } from '../highlighter/selection';
import { unwrapped, withLocalPositions } from './foreign-positions';
import type { DocumentIntegration } from './integration';

/**
 * The HTML article, the document the extension was built for: its text is the DOM under `root` (the body, whose
 * panel and toolbar hosts sit outside it), its identity is in `<head>` (what the detector reads), and sections
 * that arrive late (single-page apps, lazy loading) show up as DOM mutations under the root. A highlight made in
 * the article's PDF is looked for by its quote and context, not its position (`foreign-positions.ts`).
 */
export function createHtmlIntegration(doc: Document, root: Element = doc.body): DocumentIntegration {
  const watchers = new Set<MutationObserver>();
  // One index per state of the page's text, shared by anchoring passes and the reader's selections.
  const indexes = createTextIndexCache(root);
  const currentIndex = () => {
    const kept = indexes.get();
    if (kept !== null) return kept;
    const built = buildTextIndex(root);
    indexes.set(built);
    return built;
  };
  return {
    doc,
    root,
    article: async () => detectArticle(doc, doc.URL),
    async describe(range) {
      const described = describe(range, root, currentIndex);
      return described.ok ? { ...described, passage: trimmedRange(range) } : described;
    },
    async anchorAll(items, options = {}) {
      const result = await anchorAll(withLocalPositions(items, 'html'), root, {
        cache: indexes,
        ...options,
        onAnchored: (local, found) => options.onAnchored?.(local.item, found),
      });
      return unwrapped(result);
    },
    createPainter: () => createHighlightPainter(doc),
    async scrollTo(range, options = {}) {
      const start = range.startContainer;
      const element = start instanceof Element ? start : start.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: options.smooth ? 'smooth' : 'auto' });
    },
    onContentChange(listener) {
      const observer = new MutationObserver(() => listener());
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      watchers.add(observer);
      return () => {
        observer.disconnect();
        watchers.delete(observer);
      };
    },
    destroy() {
      indexes.disconnect();
      for (const observer of watchers) observer.disconnect();
      watchers.clear();
    },
  };
}
