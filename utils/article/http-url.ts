/**
 * The one test for "is this a web address": parsed (against `base` when it is relative), and http or https,
 * because `javascript:`, `data:`, `file:` and the like are never links the extension follows, writes or shares.
 * Callers add their own policy on top (no user name in a catalog link, https only for feeds).
 *
 * It lives with article detection, which needs it too, because the detector runs on every page and may import
 * nothing else; everything else may import from here. No dependencies, on purpose.
 */
export function httpUrl(raw: string, base?: string): URL | null {
  let url: URL | null = null;
  if (URL.canParse(raw)) url = new URL(raw);
  else if (base !== undefined && URL.canParse(raw, base)) url = new URL(raw, base);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') ? url : null;
}
