/**
 * Whether a drawn passage's text has gone from under it: a PDF page drawn again after a zoom, a placeholder
 * replaced by the page's text layer, or a section a page's script rendered anew. A live `Range` over removed
 * nodes collapses (or is left in a detached tree), so it paints nothing; whoever drew it anchors again.
 */
export function isReplaced(range: Range): boolean {
  return !range.startContainer.isConnected || range.collapsed;
}
