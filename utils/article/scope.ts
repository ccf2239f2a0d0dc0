/**
 * Whether a piece of body markup speaks for the page's own article. Article pages also show other works
 * (recommendations, reference lists, "more like this", site navigation), and a DOI link or "Open access"
 * licence there is about those works, not this one.
 */

/** Class or id words of regions that list other works. Matched on word boundaries, so `c-article-references` hits. */
const OTHER_WORKS =
  /\b(?:recommend\w*|related\w*|similar\w*|suggest\w*|trending|popular\w*|more-like\w*|also-read\w*|you-may\w*|cited-?by|citing\w*|references?|reflist|ref-list|bibliograph\w*|search-results?|results?-list)\b/i;
const LANDMARK_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'search']);
const FOOTER_NAME = /footer/i;
const MAX_DEPTH = 60;
/** Longer class lists are generated noise, not names; they are not matched (bounding regex work). */
const MAX_NAMES_LENGTH = 2000;

/**
 * True when `el` sits in a region about other works or the site itself: `<aside>`, `<nav>`, landmark roles,
 * containers named for recommendations or references, or a page footer (a `<footer>` or `*footer*` container
 * below the main content; an article's own footer, or a page-wrapping `flex-wrap-footer` div, does not count).
 */
export function isAboutOtherWorks(el: Element): boolean {
  let inFooter = false;
  let passedMain = false;
  let depth = 0;
  for (let node: Element | null = el; node !== null && depth < MAX_DEPTH; node = node.parentElement, depth++) {
    const tag = node.localName;
    if (tag === 'body' || tag === 'html') break;
    if (tag === 'aside' || tag === 'nav') return true;
    const role = node.getAttribute('role');
    if (role !== null && LANDMARK_ROLES.has(role.trim().toLowerCase())) return true;
    const names = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
    const named = names.length <= MAX_NAMES_LENGTH;
    if (named && OTHER_WORKS.test(names)) return true;
    if (tag === 'article' || tag === 'main') {
      inFooter = false;
      passedMain = true;
    } else if (!passedMain && (tag === 'footer' || (named && FOOTER_NAME.test(names)))) {
      inFooter = true;
    }
  }
  return inFooter;
}
