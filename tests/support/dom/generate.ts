import type { Rng } from './prng.ts';

/**
 * Random article-like documents for differential tests: blocks (some nested) of words from a small vocabulary, so
 * phrases repeat, with the text of each block cut at random places and wrapped in nested inline elements.
 *
 * Within a block the raw text (what Text nodes hold) is exactly the reader's text: words joined by single spaces,
 * never a space on both sides of a cut. Only block boundaries differ between the two models, which is where
 * other libraries (raw `textContent`) and ours (a space per block edge) disagree by design.
 */
const WORDS = ['cell', 'cells', 'protein', 'the', 'of', 'and', 'binding', 'site', 'α-helix', 'naïve', '😀', 'x2'];
const BLOCKS = ['p', 'div', 'h2', 'blockquote', 'section', 'li'];
const INLINES = ['span', 'em', 'b', 'a', 'i', 'sub', 'code'];

export interface GeneratedBlock {
  el: Element;
  /** The block's text, identical in the raw and reader's models. */
  text: string;
}

export function generateDocument(rng: Rng, root: Element): GeneratedBlock[] {
  const leaves: GeneratedBlock[] = [];
  const addBlocks = (parent: Element, depth: number) => {
    const count = rng.int(1, depth === 0 ? 6 : 3);
    for (let i = 0; i < count; i++) {
      const tag = rng.pick(BLOCKS);
      const el = root.ownerDocument.createElement(tag);
      const holder = tag === 'li' ? root.ownerDocument.createElement('ul') : null;
      if (holder !== null) holder.append(el);
      parent.append(holder ?? el);
      if (depth < 2 && rng.chance(0.25)) addBlocks(el, depth + 1);
      else leaves.push({ el, text: fillBlock(rng, el) });
    }
  };
  addBlocks(root, 0);
  return leaves;
}

function fillBlock(rng: Rng, el: Element): string {
  const words = Array.from({ length: rng.int(2, 14) }, () => rng.pick(WORDS));
  const text = words.join(' ');
  const cuts = new Set<number>();
  const cutCount = rng.int(0, 4);
  for (let i = 0; i < cutCount; i++) {
    const at = rng.int(1, text.length - 1);
    if (!isLowSurrogate(text.charCodeAt(at))) cuts.add(at);
  }
  const points = [0, ...[...cuts].sort((a, b) => a - b), text.length];
  for (let i = 0; i + 1 < points.length; i++) {
    const piece = el.ownerDocument.createTextNode(text.slice(points[i] as number, points[i + 1] as number));
    let node: Node = piece;
    for (let depth = rng.int(0, 2); depth > 0; depth--) {
      const wrapper = el.ownerDocument.createElement(rng.pick(INLINES));
      wrapper.append(node);
      node = wrapper;
    }
    if (rng.chance(0.1)) el.append(el.ownerDocument.createElement('span'));
    el.append(node);
  }
  return text;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The boundary point before character `index` of a block's text (in the node holding that character). */
export function pointBefore(block: Element, index: number): [Text, number] {
  return locate(block, index, false);
}

/** The boundary point after character `index - 1` (in the node holding that character). */
export function pointAfter(block: Element, index: number): [Text, number] {
  return locate(block, index, true);
}

function locate(block: Element, index: number, after: boolean): [Text, number] {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const text = n as Text;
    const inside = after ? index <= seen + text.length : index < seen + text.length;
    if (inside) return [text, index - seen];
    seen += text.length;
  }
  throw new Error(`offset ${index} is past the block's text`);
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ro', 'ta', 'vi', 'su', 'pe', 'do', 'gra', 'ben', 'tor', 'lis', 'qua'];

/**
 * Article-like HTML of roughly `chars` characters, for when the real fixture pages are absent: sections with
 * headings and paragraphs of pseudo-words from a 400-word vocabulary, so phrases repeat as in prose.
 */
export function generateArticleHtml(rng: Rng, chars: number): string {
  const vocabulary = Array.from({ length: 400 }, () =>
    Array.from({ length: rng.int(1, 4) }, () => rng.pick(SYLLABLES)).join(''),
  );
  const sentence = () => {
    const words = Array.from({ length: rng.int(6, 24) }, () => rng.pick(vocabulary));
    const first = words[0] as string;
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(' ')}.`;
  };
  const parts: string[] = [];
  let length = 0;
  for (let section = 1; length < chars; section++) {
    parts.push(`<section><h2>Section ${section}</h2>`);
    for (let p = rng.int(2, 6); p > 0; p--) {
      const text = Array.from({ length: rng.int(2, 8) }, sentence).join(' ');
      length += text.length;
      parts.push(`<p>${text.replace(/ (\w+) /, ' <em>$1</em> ')}</p>`);
    }
    parts.push('</section>');
  }
  return `<!doctype html><html><body><article>${parts.join('')}</article></body></html>`;
}
