/**
 * Narrowing the article reflows it, which moves the text the reader was looking at up or down the page. This
 * notes the first paragraph still in view and where its top was, then scrolls so that it is there again.
 */
export function holdReadingPlace(paragraphs: readonly HTMLElement[], view: Window): () => void {
  if (view.scrollY === 0) return () => {};
  const anchor = paragraphs.find((paragraph) => paragraph.getBoundingClientRect().bottom > 0);
  if (!anchor) return () => {};
  const top = anchor.getBoundingClientRect().top;
  return () => {
    if (!anchor.isConnected) return;
    const moved = anchor.getBoundingClientRect().top - top;
    if (Math.abs(moved) >= 1) view.scrollBy({ top: moved, behavior: 'instant' });
  };
}
