import type { TextIndex } from '../../anchoring';
import { codePointMap } from '../../anchoring/code-points';
import type { PdfDocumentText } from '../../pdf/text/document-text';
import { itemOfRaw, textOffsetOfRaw } from '../../pdf/text/page-text';
import type { PdfLayers } from './pdf-layers';

/**
 * The anchoring library's `TextIndex` over a whole PDF: its text is the document's reader's text (from the text
 * content, every page, drawn or not), and its two-way map goes through the text layers PDF.js has drawn. So the
 * quote search, the fuzzy matching and `describe` are the very ones HTML articles use. A range on a page whose
 * text layer is not drawn yet is a placeholder's (see `pdf-layers.ts`), which a later pass replaces.
 */
export function createPdfTextIndex(text: PdfDocumentText, layers: PdfLayers): TextIndex {
  const doc = layers.root.ownerDocument;
  const codePoints = codePointMap(text.text);

  /** The DOM point of the character at page-local offset `local` (its end when `after`), or null when not drawn. */
  function pointOf(page: number, local: number, after: boolean): [Text, number] | null {
    const layer = layers.textLayer(page);
    const pageText = text.pages[page];
    if (!layer || !pageText) return null;
    const raw = pageText.raw[local];
    if (raw === undefined) return null;
    const { item, offset } = itemOfRaw(pageText, raw);
    const node = layers.textNodes(layer)[item];
    if (!node) return null;
    return [node, Math.min(node.data.length, offset + (after ? 1 : 0))];
  }

  function placeholderRange(page: number): Range {
    const range = doc.createRange();
    const marker = layers.placeholder(page);
    if (marker?.firstChild) range.selectNodeContents(marker.firstChild);
    return range;
  }

  /** Document offset of a Text node's point in a drawn text layer. */
  function offsetInLayer(node: Text, offset: number): number | null {
    const page = layers.pageOf(node);
    const layer = page < 0 ? null : layers.textLayer(page);
    const pageText = text.pages[page];
    if (!layer || !pageText || !layer.contains(node)) return null;
    const item = layers.textNodes(layer).indexOf(node);
    if (item < 0) return null;
    const raw = (pageText.itemStarts[item] ?? pageText.rawLength) + offset;
    return (text.pageStarts[page] as number) + textOffsetOfRaw(pageText, raw);
  }

  /** The first text-layer character at or after a boundary point that is not in a Text node. */
  function offsetAfter(container: Node, offset: number): number {
    const walker = doc.createTreeWalker(layers.root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('.textLayer') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
    });
    let start: Node | null = container.childNodes[offset] ?? null;
    if (start === null) {
      // After the container's last child: the walk starts from its last descendant.
      start = container;
      while (start.lastChild) start = start.lastChild;
    } else if (start.nodeType === Node.TEXT_NODE) {
      const found = offsetInLayer(start as Text, 0);
      if (found !== null) return found;
    }
    walker.currentNode = start;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const found = offsetInLayer(node as Text, 0);
      if (found !== null) return found;
    }
    return text.text.length;
  }

  return {
    root: layers.root,
    text: text.text,
    codePoints,
    offsetOf(container, offset) {
      if (container.nodeType === Node.TEXT_NODE) {
        const found = offsetInLayer(container as Text, offset);
        if (found !== null) return found;
      }
      return offsetAfter(container, offset);
    },
    toRange(start, end) {
      const firstPage = text.pageAt(start);
      const lastPage = text.pageAt(Math.max(start, end - 1));
      const from = pointOf(firstPage, start - (text.pageStarts[firstPage] as number), false);
      const to = pointOf(lastPage, end - 1 - (text.pageStarts[lastPage] as number), true);
      if (!from) return placeholderRange(firstPage);
      if (!to) return placeholderRange(lastPage);
      const range = doc.createRange();
      range.setStart(from[0], from[1]);
      range.setEnd(to[0], to[1]);
      return range;
    },
  };
}
