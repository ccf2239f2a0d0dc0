import { isEditableNode } from '../highlighter/editable';

/**
 * Elements whose focus is inside another document we cannot look into: the panel's host (the reader may be
 * typing a note in its frame) and the page's own frames (a comment box, an embedded editor).
 */
const OPAQUE = new Set(['journal-club-panel', 'iframe', 'frame']);

/**
 * Whether keyboard focus is where the reader types: a field or editable content of the page (looking into open
 * shadow roots), or a frame whose fields the page side cannot see into (the panel's, the page's own). The extension's commands are
 * browser-wide keys that reach us even then, and a step must not pull the article away from someone typing.
 */
export function focusIsTyping(doc: Document): boolean {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (active === null || active === doc.body) return false;
  return OPAQUE.has(active.localName) || isEditableNode(active);
}
