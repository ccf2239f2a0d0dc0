/**
 * The page's text as a browser's "scroll to text fragment" sees it, and the URL Text Fragments matching
 * algorithm run over it, so that a directive can be checked before it is put in a link.
 *
 * This is deliberately not the reader's text model (`anchoring/text-model.ts`): the browser decides from
 * *computed* style, so this one does too. Checked against Chromium's own matcher (tests/e2e/text-fragments):
 * - only rendered text counts: `display: none` subtrees, `visibility: hidden` text, images, media, form
 *   fields and frames are skipped (an image between two words joins them);
 * - every element that is not `display: inline` (blocks, table cells, inline-blocks…) and every `<br>` or
 *   preserved newline separates text (`\n` here): no search term may span one;
 * - whitespace collapses as CSS collapses it; NBSP and other non-ASCII spaces do not collapse.
 * Matching is "primary strength": case, accents, ligatures, full-width forms and curly quotes are ignored;
 * {@link fold} folds at least that much, so a term that is unique here is unique for the browser too.
 */

/**
 * Never searched: the spec's "search invisible" elements, plus form fields and elements whose children are not
 * rendered. (Buttons are searched: publishers put citations in them.)
 */
const SKIPPED = new Set([
  ...['iframe', 'img', 'meter', 'object', 'progress', 'style', 'script', 'video', 'audio', 'select'],
  ...['textarea', 'input', 'embed', 'canvas', 'template', 'head'],
]);
const HTML = 'http://www.w3.org/1999/xhtml';

export interface RenderedText {
  /** Whitespace collapsed; `\n` between runs that the browser searches separately. */
  readonly text: string;
  /** `text` folded for matching, with maps between the two (`toText` has one entry per folded unit). */
  readonly folded: string;
  readonly toFolded: Int32Array;
  readonly toText: Int32Array;
  /** Offsets in `text` of the requested boundary points. */
  readonly points: number[];
}

/**
 * Reads the rendered text of `doc` (which must have a window: computed style is the whole point) and places
 * the given boundary points in it.
 */
export function readRenderedText(doc: Document, points: ReadonlyArray<readonly [Node, number]>): RenderedText {
  const view = doc.defaultView;
  if (view === null) throw new TypeError('The document is not rendered.');
  const parts: string[] = [];
  let length = 0;
  let last = '\n';
  let pending = false;
  const nodes: Text[] = [];
  const starts: number[] = [];
  const found = new Map<number, number>();
  const emit = (chars: string) => {
    if (pending && last !== '\n') {
      parts.push(' ');
      length++;
    }
    pending = false;
    parts.push(chars);
    length += chars.length;
    last = chars.charAt(chars.length - 1);
  };
  const hardBreak = () => {
    // A space before a boundary is not rendered (and must not end a term).
    pending = false;
    if (last !== '\n') emit('\n');
  };
  const addText = (node: Text, style: CSSStyleDeclaration) => {
    nodes.push(node);
    starts.push(length);
    const collapse = whiteSpace(style);
    const data = node.data;
    const watched = points.flatMap(([container, offset], k) => (container === node ? [[offset, k] as const] : []));
    let from = 0;
    const flush = (to: number) => {
      if (to > from) emit(data.slice(from, to));
    };
    for (let i = 0; i < data.length; i++) {
      for (const [offset, k] of watched) {
        if (offset === i) {
          flush(i);
          from = i;
          found.set(k, length);
        }
      }
      const c = data.charCodeAt(i);
      if (c > 32 && c !== 0xad && c !== 0x200b && c !== 0xfeff) continue;
      if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) continue;
      flush(i);
      from = i + 1;
      if (c === 0xad || c === 0x200b || c === 0xfeff) continue;
      if (c === 10 || c === 13) {
        if (collapse === 'all') pending = true;
        else hardBreak();
      } else if (collapse === 'none') emit(data.charAt(i));
      else pending = true;
    }
    flush(data.length);
    for (const [offset, k] of watched) if (offset >= data.length) found.set(k, length);
  };

  // Depth-first, iteratively: article pages nest deeply enough to worry a recursive walk.
  const stack: Array<{ node: Node; style: CSSStyleDeclaration | null; exit: boolean }> = [];
  const root = doc.documentElement;
  if (root !== null) stack.push({ node: root, style: null, exit: false });
  while (stack.length > 0) {
    const { node, style, exit } = stack.pop() as (typeof stack)[number];
    if (exit) {
      hardBreak();
      continue;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      if (style !== null && style.visibility === 'visible') addText(node as Text, style);
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    const name = element.localName;
    if (name === 'br') {
      hardBreak();
      continue;
    }
    if (SKIPPED.has(name)) continue;
    const own = view.getComputedStyle(element);
    const display = own.display;
    if (display === 'none') continue;
    // SVG and MathML text is laid out piece by piece: each element is its own run.
    const inline = (display === 'inline' || display === 'contents') && element.namespaceURI === HTML;
    if (!inline) {
      hardBreak();
      stack.push({ node, style: own, exit: true });
    }
    for (let child = element.lastChild; child !== null; child = child.previousSibling) {
      stack.push({ node: child, style: own, exit: false });
    }
  }
  hardBreak();
  const text = parts.join('');
  const placed = points.map((point, k) => found.get(k) ?? offsetBefore(doc, nodes, starts, point, text.length));
  return { text, ...foldText(text), points: placed };
}

/** How the element's text treats whitespace: collapse all of it, keep line breaks, or keep everything. */
function whiteSpace(style: CSSStyleDeclaration): 'all' | 'spaces' | 'none' {
  const collapse = style.getPropertyValue('white-space-collapse') || style.whiteSpace;
  if (collapse === 'preserve-breaks' || collapse === 'pre-line') return 'spaces';
  if (collapse === 'collapse' || collapse === 'normal' || collapse === 'nowrap' || collapse === '') return 'all';
  return 'none';
}

/** The offset of a point outside the visited text: where the first visited Text node after it starts. */
function offsetBefore(
  doc: Document,
  nodes: readonly Text[],
  starts: readonly number[],
  [container, offset]: readonly [Node, number],
  end: number,
): number {
  const probe = doc.createRange();
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    probe.setStart(nodes[mid] as Text, 0);
    if (probe.comparePoint(container, offset) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < nodes.length ? (starts[lo] as number) : end;
}

const foldCache = new Map<string, string>();

/**
 * What the browser's matching cannot tell apart, folded to one form: case, accents (any combining mark),
 * compatibility forms (ligatures, full-width letters, odd spaces), `ß`, curly quotes and dashes. Folding more
 * than the browser only makes uniqueness checks stricter, never wrong.
 */
export function fold(char: string): string {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  let folded = foldCache.get(char);
  if (folded === undefined) {
    folded = char
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(/æ/g, 'ae')
      .replace(/œ/g, 'oe')
      .replace(/ø/g, 'o')
      .replace(/[ıİ]/g, 'i')
      .replace(/ς/g, 'σ')
      .replace(/[‘’‚‛′´`]/g, "'")
      .replace(/[“”„‟″]/g, '"')
      .replace(/[‐‑‒–—−]/g, '-')
      .replace(/[^\S\n]/g, ' ');
    foldCache.set(char, folded);
  }
  return folded;
}

export function foldString(text: string): string {
  let out = '';
  for (const char of text) out += fold(char);
  return out;
}

function foldText(text: string): { folded: string; toFolded: Int32Array; toText: Int32Array } {
  const toFolded = new Int32Array(text.length + 1);
  const toText: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < text.length; ) {
    const pair = (text.codePointAt(i) as number) > 0xffff;
    const char = pair ? text.slice(i, i + 2) : text.charAt(i);
    const folded = fold(char);
    toFolded[i] = length;
    if (pair) toFolded[i + 1] = length + folded.length;
    for (let k = 0; k < folded.length; k++) toText.push(i);
    parts.push(folded);
    length += folded.length;
    i += char.length;
  }
  toFolded[text.length] = length;
  return { folded: parts.join(''), toFolded, toText: Int32Array.from(toText) };
}
