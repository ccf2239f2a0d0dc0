/**
 * Adds CSS to a document or shadow root, next to the styles already there, and returns how to take it away.
 *
 * A constructed sheet is preferred: the page's Content-Security-Policy does not apply to it (a `<style>` element
 * may be refused on strict pages) and it leaves no element in the page's DOM. Two details make it work from a
 * content script:
 * - The sheet is made with the target document's own `CSSStyleSheet` constructor. A sheet constructed by one
 *   window cannot be adopted by another window's document (NotAllowedError), and the content script's global
 *   constructor is not necessarily the page's (frames, Firefox's compartments).
 * - It is appended with `push` on the live `adoptedStyleSheets` array rather than by assigning a new array, so the
 *   page's own adopted sheets are kept, and Firefox does not meet an array created in the content script's
 *   compartment.
 * Where constructed sheets are unavailable (or refused), a `<style>` element is the fallback.
 */
export function adoptStyles(target: Document | ShadowRoot, css: string): () => void {
  const doc = isDocument(target) ? target : target.ownerDocument;
  const sheet = constructSheet(doc, css);
  if (sheet !== null) {
    try {
      target.adoptedStyleSheets.push(sheet);
      return () => {
        const at = target.adoptedStyleSheets.indexOf(sheet);
        if (at !== -1) target.adoptedStyleSheets.splice(at, 1);
      };
    } catch {
      // Fall through to a <style> element.
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  if (isDocument(target)) (target.head ?? target.documentElement).append(style);
  else target.prepend(style);
  return () => style.remove();
}

function constructSheet(doc: Document, css: string): CSSStyleSheet | null {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (typeof Sheet !== 'function' || !('adoptedStyleSheets' in doc)) return null;
  try {
    const sheet = new Sheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return null;
  }
}

function isDocument(target: Document | ShadowRoot): target is Document {
  return target.nodeType === Node.DOCUMENT_NODE;
}
