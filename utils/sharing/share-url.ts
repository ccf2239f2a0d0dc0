/**
 * Where a share link's payload sits in an address: the `jc=` parameter of the fragment, before any `:~:` text
 * directive. Apart from the codec (`share-link.ts`) because the panel's content script only needs to strip the
 * payload from the page's address, and should not load the codec, its compression and its messages to do so.
 */

/**
 * The address without its `#jc=…` part, any other fragment kept: for `history.replaceState` once the extension
 * has read a share link, so that reloading or bookmarking the page does not open it again. (Chromium already
 * keeps `:~:text=` out of `location.href`; if it is there, it stays.)
 */
export function stripSharePayload(href: string): string {
  const found = findPayload(href);
  if (found === null) return href;
  let before = href.slice(0, found.from);
  let after = href.slice(found.to);
  if (before.endsWith('&')) before = before.slice(0, -1);
  else if (after.startsWith('&')) after = after.slice(1);
  if (before.endsWith('#') && after === '') before = before.slice(0, -1);
  return before + after;
}

/** Where the `jc=` parameter of the fragment runs (from its `j` to before the next `&` or `:~:`). */
export function findPayload(href: string): { from: number; to: number } | null {
  const hash = href.indexOf('#');
  if (hash < 0) return null;
  const directive = href.indexOf(':~:', hash);
  const end = directive < 0 ? href.length : directive;
  for (let at = hash + 1; at <= end; ) {
    const amp = href.indexOf('&', at);
    const stop = amp < 0 || amp > end ? end : amp;
    if (href.startsWith('jc=', at) && at + 3 <= stop) return { from: at, to: stop };
    at = stop + 1;
  }
  return null;
}
