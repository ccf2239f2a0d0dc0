import type { CodePointMap } from './code-points.ts';
import { SegmentMap } from './text-map.ts';
import { breaksLine, hasSpace, hiddenInMarkup, isGapCode, isInvisible, ODD_SPACE, skipsTag } from './text-model.ts';

/**
 * The reader's text of a root element (rules in `text-model.ts`) with a two-way map to DOM boundary points.
 *
 * Built in one pass over the DOM so that a page with hundreds of highlights is walked once, not once per
 * highlight. The map is a list of *segments*: runs of text characters that come one-to-one from consecutive
 * characters of one Text node. A new segment starts only where collapsing whitespace breaks that (a dropped
 * character, a space standing for a block edge, a new node), so an offset resolves by binary search over
 * segment starts, without a per-character table.
 */
export interface TextIndex {
  readonly root: Element;
  readonly text: string;
  readonly codePoints: CodePointMap;
  /** Offset in `text` of the first character at or after a DOM boundary point inside the root. */
  offsetOf(container: Node, offset: number): number;
  /** A Range over `text[start, end)`, from the first character's node to the last character's node. */
  toRange(start: number, end: number): Range;
}

/** Never emitted: marks "no pending space". */
const NONE = -1;
/** Nodes walked between looks at the clock. */
const CLOCK_EVERY = 512;

export function buildTextIndex(root: Element): TextIndex {
  return new TextIndexBuilder(root).finish();
}

/**
 * Builds a `TextIndex` in one go (`finish`) or in slices (`step` until it returns true), so that indexing a very
 * large page need not block it. Between slices the caller must make sure the DOM did not change.
 */
export class TextIndexBuilder {
  private readonly nodes: Text[] = [];
  private readonly nodeStart: number[] = [];
  private readonly segText: number[] = [];
  private readonly segNode: number[] = [];
  private readonly segRaw: number[] = [];
  private readonly parts: string[] = [];
  private length = 0;
  // The space owed before the next word (collapsed whitespace or a block edge), and where it comes from.
  private pendingNode = NONE;
  private pendingRaw = 0;
  private lastNode = NONE;
  private lastRawEnd = 0;
  private readonly hidden: Set<Element>;
  // Whether each element we are inside is a block, so leaving it costs no DOM call.
  private readonly blocks: boolean[] = [];
  private node: Node | null;

  constructor(private readonly root: Element) {
    this.hidden = hiddenInMarkup(root);
    this.node = root.firstChild;
  }

  /** Walks on until done (true) or until `deadline`, a `performance.now()` time, has passed (false). */
  step(deadline = Number.POSITIVE_INFINITY): boolean {
    const { root, hidden, blocks } = this;
    let node = this.node;
    let count = 0;
    while (node !== null) {
      if (++count % CLOCK_EVERY === 0 && performance.now() >= deadline) {
        this.node = node;
        return false;
      }
      let child: Node | null = null;
      const type = node.nodeType;
      if (type === Node.ELEMENT_NODE) {
        const name = (node as Element).localName;
        if (!skipsTag(name) && !hidden.has(node as Element)) {
          const block = breaksLine(name);
          if (block) this.boundary();
          child = node.firstChild;
          if (child !== null) blocks.push(block);
        }
      } else if (type === Node.TEXT_NODE) {
        this.addText(node as Text);
      }
      if (child !== null) {
        node = child;
        continue;
      }
      let next: Node | null = node.nextSibling;
      while (next === null) {
        const parent: Node | null = node.parentNode;
        if (parent === null || parent === root) break;
        if (blocks.pop()) this.boundary();
        node = parent;
        next = parent.nextSibling;
      }
      node = next;
    }
    this.node = null;
    return true;
  }

  finish(): TextIndex {
    this.step();
    const { root, parts, nodes, nodeStart, segText, segNode, segRaw } = this;
    return new SegmentMap(root, parts.join(''), nodes, nodeStart, segText, segNode, segRaw);
  }

  private emit(node: number, raw: number, chars: string): void {
    const { segText, segNode, segRaw } = this;
    const j = segText.length - 1;
    if (j < 0 || segNode[j] !== node || (segRaw[j] as number) + this.length - (segText[j] as number) !== raw) {
      segText.push(this.length);
      segNode.push(node);
      segRaw.push(raw);
    }
    this.parts.push(chars);
    this.length += chars.length;
    this.lastNode = node;
    this.lastRawEnd = raw + chars.length;
  }

  private word(node: number, raw: number, chars: string): void {
    if (this.pendingNode !== NONE) {
      // Leading whitespace of the whole text is dropped, like trailing whitespace (never flushed).
      if (this.length > 0) this.emit(this.pendingNode, this.pendingRaw, ' ');
      this.pendingNode = NONE;
    }
    this.emit(node, raw, chars);
  }

  private space(node: number, raw: number): void {
    if (this.pendingNode === NONE) {
      this.pendingNode = node;
      this.pendingRaw = raw;
    }
  }

  /** A block edge is a space with no character of its own: it is pinned just after the last character emitted. */
  private boundary(): void {
    if (this.pendingNode === NONE && this.lastNode !== NONE) this.space(this.lastNode, this.lastRawEnd);
  }

  /** Text between irregular gaps holds only single whitespace characters, which map one-to-one onto spaces. */
  private piece(node: number, data: string, from: number, to: number, odd: boolean): void {
    if (to <= from) return;
    const chars = data.slice(from, to);
    this.word(node, from, odd ? chars.replace(ODD_SPACE, ' ') : chars);
  }

  /** One pass over the characters: cheaper than regular expressions on a megabyte of text. */
  private addText(text: Text): void {
    const i = this.nodes.length;
    this.nodes.push(text);
    this.nodeStart.push(this.length);
    const data = text.data;
    let from = 0;
    let to = data.length;
    while (from < to && isGapCode(data.charCodeAt(from))) from++;
    if (from === to) {
      if (hasSpace(data, 0, to)) this.space(i, 0);
      return;
    }
    while (isGapCode(data.charCodeAt(to - 1))) to--;
    if (from > 0 && hasSpace(data, 0, from)) this.space(i, 0);
    let pos = from;
    let odd = false;
    for (let k = from; k < to; k++) {
      const c = data.charCodeAt(k);
      if ((c > 32 && c < 0xa0) || !isGapCode(c)) continue;
      let end = k + 1;
      while (isGapCode(data.charCodeAt(end))) end++;
      if (end === k + 1 && !isInvisible(c)) {
        // A single whitespace character between words stays, as a space.
        if (c !== 32) odd = true;
        continue;
      }
      this.piece(i, data, pos, k, odd);
      odd = false;
      if (hasSpace(data, k, end)) this.space(i, k);
      pos = end;
      k = end - 1;
    }
    this.piece(i, data, pos, to, odd);
    if (to < data.length && hasSpace(data, to, data.length)) this.space(i, to);
  }
}
