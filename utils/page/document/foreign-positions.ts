import type { AnchorAllResult, Anchorable, OrphanReason, Selector } from '../../anchoring';

/** Which format a document is; a highlight's selectors tell which one it was made in (see below). */
export type DocumentFormat = 'html' | 'pdf';

/** A stored highlight with the selectors this document's anchoring is given for it. */
export interface LocalItem<T> extends Anchorable {
  item: T;
}

/**
 * A highlight's selectors with its position left out when the position counts over the other format's text.
 * A highlight made in a PDF stores its page (an RFC 3778 `FragmentSelector`) and a position over the whole
 * file's text; one made on the HTML page stores no page, and a position over the page's text. The two texts
 * differ (the PDF's has running heads, list numbers and captions where the page has link labels and menus), so a
 * position from the other format points at unrelated words. Anchoring trusts a stored position: it looks for an
 * edited copy near it before an exact one elsewhere, with twice the edits allowed, which with a foreign position
 * could pick a similar passage at the wrong place. Without it the quote and its context decide, as for any
 * highlight whose page changed.
 */
export function withLocalPositions<T extends Anchorable>(items: readonly T[], here: DocumentFormat): LocalItem<T>[] {
  return items.map((item) => {
    const selectors = item.selectors as readonly Selector[];
    const madeIn: DocumentFormat = selectors.some((s) => s.type === 'FragmentSelector') ? 'pdf' : 'html';
    if (madeIn === here) return { item, selectors };
    return { item, selectors: selectors.filter((s) => s.type !== 'TextPositionSelector') };
  });
}

/** The anchoring result for the wrapped items, given back for the stored highlights themselves. */
export function unwrapped<T>(result: AnchorAllResult<LocalItem<T>>): AnchorAllResult<T> {
  const orphanReasons = new Map<T, OrphanReason>();
  for (const [local, reason] of result.orphanReasons) orphanReasons.set(local.item, reason);
  return {
    anchored: result.anchored.map(({ item, result: found }) => ({ item: item.item, result: found })),
    orphans: result.orphans.map((local) => local.item),
    orphanReasons,
    unfinished: result.unfinished.map((local) => local.item),
    stoppedBy: result.stoppedBy,
  };
}
