/**
 * The element holding the article's body text: the deepest one that holds most (60%) of the page's paragraph
 * text. A reader highlights the article, not the site's menus, so the cross-format passages are drawn from it.
 */
export function articleBody(doc: Document): Element {
  const held = new Map<Element, number>();
  let total = 0;
  for (const paragraph of doc.body.querySelectorAll('p')) {
    const length = paragraph.textContent?.length ?? 0;
    total += length;
    for (let element = paragraph.parentElement; element; element = element.parentElement) {
      held.set(element, (held.get(element) ?? 0) + length);
    }
  }
  let best: Element = doc.body;
  let depth = 0;
  for (const [element, length] of held) {
    if (length < total * 0.6) continue;
    let d = 0;
    for (let e: Element | null = element; e; e = e.parentElement) d++;
    if (d > depth) {
      best = element;
      depth = d;
    }
  }
  return best;
}
