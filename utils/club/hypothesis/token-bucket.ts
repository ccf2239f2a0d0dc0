/**
 * A token bucket: `burst` requests may go at once, then one per `1000 / ratePerSecond` ms. h's nginx limits each
 * Authorization header to 4 requests a second (a burst of 8 for creating annotations, 44 for the rest of the
 * API; conf/nginx.conf in hypothesis/h); staying under the smaller burst keeps us clear of both.
 */
export interface TokenBucket {
  /** Milliseconds to wait before a request may go; takes its token when that is zero. */
  take(now: number): number;
  /** The service said we are over its limit: whatever we thought we had left is spent. */
  drain(now: number): void;
}

export function createTokenBucket(ratePerSecond: number, burst: number, start: number): TokenBucket {
  let tokens = burst;
  let at = start;
  const refill = (now: number) => {
    tokens = Math.min(burst, tokens + (Math.max(0, now - at) * ratePerSecond) / 1000);
    at = Math.max(at, now);
  };
  return {
    take(now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - tokens) * 1000) / ratePerSecond);
    },
    drain(now) {
      refill(now);
      tokens = 0;
    },
  };
}
