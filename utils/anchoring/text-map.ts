import { type CodePointMap, codePointMap } from './code-points.ts';
import type { TextIndex } from './text-index.ts';

/**
 * The offset map of a `TextIndex`: segments (runs of text characters copied one-to-one from consecutive characters
 * of one Text node) ordered by text offset, and so also by (node, offset in node).
 */
export class SegmentMap implements TextIndex {
  #codePoints: CodePointMap | undefined;
  #nodeIndex: Map<Node, number> | undefined;
  #probe: Range | undefined;

  constructor(
    readonly root: Element,
    readonly text: string,
    private readonly nodes: readonly Text[],
    private readonly nodeStart: readonly number[],
    private readonly segText: readonly number[],
    private readonly segNode: readonly number[],
    private readonly segRaw: readonly number[],
  ) {}

  /** Built on first use: anchoring by quote alone never needs it. */
  get codePoints(): CodePointMap {
    this.#codePoints ??= codePointMap(this.text);
    return this.#codePoints;
  }

  toRange(start: number, end: number): Range {
    const range = this.root.ownerDocument.createRange();
    const [startNode, startOffset] = this.#pointAt(start, 0);
    range.setStart(startNode, startOffset);
    if (end > start) {
      const [endNode, endOffset] = this.#pointAt(end - 1, 1);
      range.setEnd(endNode, endOffset);
    }
    return range;
  }

  offsetOf(container: Node, offset: number): number {
    const i = this.#indexOfNode(container);
    if (i === undefined) return this.#offsetBefore(container, offset);
    // Segments are ordered by (node, raw offset); find the last one of node i starting at or before `offset`.
    let lo = 0;
    let hi = this.segText.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const node = this.segNode[mid] as number;
      if (node < i || (node === i && (this.segRaw[mid] as number) <= offset)) lo = mid + 1;
      else hi = mid;
    }
    const last = lo - 1;
    if (last < 0 || this.segNode[last] !== i) {
      // Before the node's first kept character, or it kept none: the next character in the text.
      return lo < this.segText.length && this.segNode[lo] === i ? (this.segText[lo] as number) : this.#after(i);
    }
    const from = this.segText[last] as number;
    const to = last + 1 < this.segText.length ? (this.segText[last + 1] as number) : this.text.length;
    return from + Math.min(offset - (this.segRaw[last] as number), to - from);
  }

  /** Boundary point before (`after` 0) or after (`after` 1) the character at `index`. */
  #pointAt(index: number, after: 0 | 1): [Node, number] {
    if (this.segText.length === 0) return [this.root, after ? this.root.childNodes.length : 0];
    const clamped = Math.max(0, Math.min(index, this.text.length - 1));
    let lo = 0;
    let hi = this.segText.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.segText[mid] as number) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const node = this.nodes[this.segNode[lo] as number] as Text;
    return resolve(node, (this.segRaw[lo] as number) + clamped - (this.segText[lo] as number) + after);
  }

  #indexOfNode(node: Node): number | undefined {
    if (node.nodeType !== Node.TEXT_NODE) return undefined;
    if (this.#nodeIndex === undefined) this.#nodeIndex = new Map(this.nodes.map((n, i) => [n, i]));
    return this.#nodeIndex.get(node);
  }

  /** Text offset where node `i` begins, for points that precede all of its kept characters. */
  #after(i: number): number {
    return this.nodeStart[i] as number;
  }

  /** For points in elements or unindexed text: the start of the first indexed node at or after the point. */
  #offsetBefore(container: Node, offset: number): number {
    this.#probe ??= this.root.ownerDocument.createRange();
    const probe = this.#probe;
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      probe.setStart(this.nodes[mid] as Text, 0);
      probe.collapse(true);
      if (probe.comparePoint(container, offset) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.nodes.length ? (this.nodeStart[lo] as number) : this.text.length;
  }
}

/**
 * Where `offset` in `node` now lies. Painting highlights splits Text nodes (`splitText` keeps the head in place and
 * moves the tail into following nodes), so an offset past a node's current end continues in the next Text nodes.
 */
function resolve(node: Text, offset: number): [Node, number] {
  if (offset <= node.length) return [node, offset];
  const walker = node.ownerDocument.createTreeWalker(node.ownerDocument, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  let rest = offset - node.length;
  let current: Text = node;
  for (let next = walker.nextNode(); next !== null; next = walker.nextNode()) {
    current = next as Text;
    if (rest <= current.length) return [current, rest];
    rest -= current.length;
  }
  return [current, current.length];
}
