/**
 * What counts as the reader's text: the rules shared by indexing a page and normalising stored quotes.
 *
 * The model is decided from markup alone, never from computed style. Computed style costs a layout per element
 * (too slow on 1 MB articles), does not exist for documents from DOMParser, and changes with the window width and
 * with collapsed sections; any of those would make stored positions drift between visits. So:
 * - elements that are never rendered as text (script, style, template, …) and subtrees marked hidden in the
 *   markup (`hidden` attribute, inline `display: none` / `visibility: hidden`) are left out;
 * - text hidden by stylesheets still counts (the quote search absorbs the difference);
 * - `aria-hidden` content counts: it is usually visible (icons, MathJax's visual rendering), only not spoken;
 * - SVG is left out: its text is figure labels laid out in two dimensions, not prose a reader selects.
 */

/** Elements whose subtree contributes no text, by `localName` (lower-case for HTML). */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'datalist',
  'option',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
  'rp',
  'svg',
]);

/**
 * Elements that start and end a line when rendered. A tag list instead of `display`, for the reasons above; it
 * covers HTML's default block and table-cell elements, which is what publishers' article markup uses.
 */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  // A line break reads like a block edge: one space.
  'br',
]);

const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Elements (by `localName`) whose subtree is never text. */
export function skipsTag(localName: string): boolean {
  return SKIPPED.has(localName);
}

/** Elements (by `localName`) that start and end a line. */
export function breaksLine(localName: string): boolean {
  return BLOCKS.has(localName);
}

/**
 * Elements under `root` hidden in the markup. One native query instead of two attribute reads per element keeps
 * indexing a 1 MB page fast: few elements carry `hidden` or an inline style.
 */
export function hiddenInMarkup(root: Element): Set<Element> {
  const hidden = new Set<Element>();
  for (const el of root.querySelectorAll('[hidden],[style]')) {
    if (el.hasAttribute('hidden') || INLINE_HIDDEN.test(el.getAttribute('style') ?? '')) hidden.add(el);
  }
  return hidden;
}

/** Whitespace characters other than a plain space, replaced one-to-one when they stand alone between words. */
export const ODD_SPACE = /[^\S \uFEFF]/g;
const INVISIBLE_OR_SPACE = /[\s\u00AD\u200B]/;

/**
 * Whether a UTF-16 unit belongs to a *gap*: a run of characters that are not text to the reader. Whitespace is
 * collapsed to one space, as rendering does (NBSP and thin spaces too, since copies of an article disagree about
 * them); invisible formatting characters (soft hyphen, zero-width space, BOM) are dropped, so that a publisher's
 * hyphenation hints don't break quotes. A gap reads as one space if it holds any whitespace, as nothing otherwise.
 * Plain ASCII is decided without a regular expression: this runs for every character of the page.
 */
export function isGapCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0xad || INVISIBLE_OR_SPACE.test(String.fromCharCode(c));
}

/** Gap characters that are dropped rather than read as a space. */
export function isInvisible(c: number): boolean {
  return c === 0xad || c === 0x200b || c === 0xfeff;
}

/** Whether `text[from, to)`, a gap, holds real whitespace (one space) rather than only invisible characters. */
export function hasSpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isInvisible(text.charCodeAt(k))) return true;
  return false;
}

const NEEDS_NORMALIZING = /[^\S ]| {2}|[\u00AD\u200B]/;
const INVISIBLE = /[\u00AD\u200B\uFEFF]+/g;
const WHITESPACE = /\s+/g;

/**
 * The reader's-text form of a quote from storage or from another tool, by the rules the index applies (invisible
 * characters dropped, whitespace runs collapsed). Quotes we stored ourselves are already in this form.
 */
export function normalizeText(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text.replace(INVISIBLE, '').replace(WHITESPACE, ' ');
}
