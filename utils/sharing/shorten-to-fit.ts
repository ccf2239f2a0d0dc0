/** Shortening a text, with a visible marker, until what is made from it fits (share links' budget). */

/**
 * The longest shortening of `text` (with `marker`) for which `attempt` gives a link, by binary search over the
 * kept length (compressed size grows with it, closely enough). Null when even the marker alone is too long.
 */
export async function shortenToFit(
  text: string,
  marker: string,
  maxLength: number,
  attempt: (shortened: string) => Promise<string | null>,
): Promise<string | null> {
  let best = await attempt(cut(text, 0, marker));
  if (best === null) return null;
  let lo = 0;
  let hi = Math.min(text.length, maxLength - marker.length);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const url = await attempt(cut(text, mid, marker));
    if (url === null) hi = mid - 1;
    else {
      best = url;
      lo = mid;
    }
  }
  return best;
}

/** The first `keep` characters, ended at a word when one ends nearby, never in the middle of an emoji, + marker. */
export function cut(text: string, keep: number, marker: string): string {
  let head = text.slice(0, keep);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  const word = /\s\S{0,20}$/.exec(head);
  if (word !== null && keep < text.length && /\S/.test(text.charAt(keep))) head = head.slice(0, word.index);
  return head.trimEnd() + marker;
}
