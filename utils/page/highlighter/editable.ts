/** Form fields that keep their own text and selection, apart from the document's. */
const FIELD_SELECTOR = 'input, textarea, select';

/**
 * Whether a node is in something the reader types into: a form field or editable content (also a document in
 * design mode). Selections there are the reader's own text, not the article's, and keys pressed there are typing,
 * not commands for the toolbar.
 */
export function isEditableNode(node: Node | null): boolean {
  const element = node?.nodeType === Node.ELEMENT_NODE ? (node as Element) : (node?.parentElement ?? null);
  if (element === null) return false;
  if (element.closest(FIELD_SELECTOR) !== null) return true;
  if ('isContentEditable' in element) return (element as HTMLElement).isContentEditable;
  // SVG and MathML elements have no isContentEditable; an editable ancestor still makes them editable.
  return element.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * Whether an event was aimed at something editable. The innermost target is used, since `event.target` is only
 * the shadow host when the field sits in a web component's (open) shadow root.
 */
export function isEditableTarget(event: Event): boolean {
  const target = event.composedPath()[0] ?? event.target;
  return target !== null && 'nodeType' in target && isEditableNode(target as Node);
}

/**
 * The focused form field, looking into open shadow roots. Chromium reports a selection inside an `<input>` or
 * `<textarea>` as a collapsed document range next to the field, so the focus is the only sign of it.
 */
export function focusedField(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active?.matches(FIELD_SELECTOR) ? active : null;
}
