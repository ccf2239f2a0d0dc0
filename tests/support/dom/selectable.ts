/**
 * Text a reader can select, by the tests' own definition (kept independent of the library's text model, so that
 * tests do not merely restate it): Text nodes with a visible character outside non-rendered or hidden elements.
 */
const UNSELECTABLE = 'script,style,noscript,template,textarea,select,option,datalist,svg,head,title,[hidden],rp';
export const CHARACTER = /[^\s\u00AD\u200B\uFEFF]/;

export function selectableTextNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent === null || parent.closest(UNSELECTABLE) !== null) continue;
    if (hiddenByInlineStyle(parent)) continue;
    if (CHARACTER.test((n as Text).data)) out.push(n as Text);
  }
  return out;
}

function hiddenByInlineStyle(el: Element): boolean {
  for (let e: Element | null = el; e !== null; e = e.parentElement) {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(e.getAttribute('style') ?? '')) return true;
  }
  return false;
}
