/**
 * Where PDF.js draws what the reader sees of each page: `.page[data-page-number]` elements under the viewer, each
 * with a `.textLayer` of spans (one Text node per non-empty text item) once the page has come near the view. A
 * text layer is complete when PDF.js has appended its `.endOfContent` marker, and is emptied again when the page
 * is released far from the view. Highlights on a page without its text layer are anchored to a placeholder: an
 * empty element at the top of the page, which gives the highlight map a height and is removed when the text is drawn.
 */
export interface PdfLayers {
  readonly root: Element;
  /** The page's text layer when it is drawn, else null (0-based page index). */
  textLayer(pageIndex: number): Element | null;
  /** The text layer's Text nodes, in order: the i-th is the page's i-th non-empty text item. */
  textNodes(layer: Element): readonly Text[];
  /** The 0-based page index of a node inside the viewer, or -1. */
  pageOf(node: Node): number;
  /** An empty element at the top of the page that stands for its passages until its text is drawn, or null. */
  placeholder(pageIndex: number): Element | null;
  /** Removes the page's placeholder (its text is drawn); ranges over it collapse, which asks for a new pass. */
  dropPlaceholder(pageIndex: number): void;
}

const PLACEHOLDER_CLASS = 'jc-pdf-placeholder';

export function createPdfLayers(root: Element): PdfLayers {
  const doc = root.ownerDocument;
  const nodesOf = new WeakMap<Element, { first: Node | null; count: number; nodes: Text[] }>();
  const pageElement = (pageIndex: number) => root.querySelector(`.page[data-page-number="${pageIndex + 1}"]`);
  return {
    root,
    textLayer(pageIndex) {
      const layer = pageElement(pageIndex)?.querySelector(':scope > .textLayer');
      return layer?.querySelector(':scope > .endOfContent') ? layer : null;
    },
    textNodes(layer) {
      // A layer drawn again (zoom) holds new nodes: the cache is checked against its first node and its size.
      const kept = nodesOf.get(layer);
      if (kept && kept.first === layer.firstChild && kept.count === layer.childNodes.length) return kept.nodes;
      const nodes: Text[] = [];
      const walker = doc.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      nodesOf.set(layer, { first: layer.firstChild, count: layer.childNodes.length, nodes });
      return nodes;
    },
    pageOf(node) {
      const element = node instanceof Element ? node : node.parentElement;
      const page = element?.closest('.page[data-page-number]');
      if (!page || !root.contains(page)) return -1;
      return Number(page.getAttribute('data-page-number')) - 1;
    },
    placeholder(pageIndex) {
      const page = pageElement(pageIndex);
      if (!page) return null;
      let marker = page.querySelector(`:scope > .${PLACEHOLDER_CLASS}`);
      if (!marker) {
        marker = doc.createElement('div');
        marker.className = PLACEHOLDER_CLASS;
        marker.setAttribute('aria-hidden', 'true');
        marker.textContent = '\u200b';
        marker.setAttribute('style', 'position:absolute;inset:0 0 auto 0;height:1em;pointer-events:none');
        page.append(marker);
      }
      return marker;
    },
    dropPlaceholder(pageIndex) {
      pageElement(pageIndex)?.querySelector(`:scope > .${PLACEHOLDER_CLASS}`)?.remove();
    },
  };
}
