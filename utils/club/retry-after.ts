/**
 * How long a `Retry-After` header asks us to wait, in milliseconds: either delay-seconds or an HTTP date (RFC 9110
 * §10.2.3). Null when the header is absent or says neither, which is what h's nginx sends with its 429 (it sets
 * no Retry-After), so the caller falls back to its own pause. Shared by the Hypothesis and Solid backends.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
