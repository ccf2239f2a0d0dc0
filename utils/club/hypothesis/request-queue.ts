import { retryAfterMs } from '../retry-after';
import type { HttpOutcome } from './send-request';
import { createTokenBucket } from './token-bucket';

/**
 * Every request to one Hypothesis account goes through one queue, one at a time and in the order asked: a reply
 * never overtakes the highlight it answers, an edit never overtakes its publication, and the account stays under
 * the service's rate limit however many articles are open. A 429 pauses the whole queue (the limit is the
 * account's, not the request's) for as long as the service asks, then the same request goes again.
 */
export interface RequestQueue {
  /** Runs `send` when the queue and the rate allow; `send` is called again for each retry after a 429. */
  run(send: () => Promise<HttpOutcome>): Promise<HttpOutcome>;
}

export interface RequestQueueOptions {
  /** @default 4, the service's per-account rate */
  ratePerSecond?: number;
  /** @default 4 */
  burst?: number;
  /** A longer pause than this is not waited out: the caller is told `rate-limited` and tries later. @default 60 s */
  maxWaitMs?: number;
  /** @default 3 */
  maxAttempts?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** What a 429 without a usable Retry-After (h's nginx sends none) costs: the time to earn a few tokens back. */
export const DEFAULT_RETRY_MS = 1_000;

/** A 429 the queue gave up waiting on, with how long the service wants us to stay away. */
export type RateLimited = Extract<HttpOutcome, { kind: 'status' }> & { retryAfterMs: number };

export function createRequestQueue(options: RequestQueueOptions = {}): RequestQueue {
  const {
    ratePerSecond = 4,
    burst = 4,
    maxWaitMs = 60_000,
    maxAttempts = 3,
    now = Date.now,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  } = options;
  const bucket = createTokenBucket(ratePerSecond, burst, now());
  /** Until when the service told us to stay away, past what we were willing to wait. */
  let blockedUntil = 0;
  let tail: Promise<unknown> = Promise.resolve();

  const execute = async (send: () => Promise<HttpOutcome>): Promise<HttpOutcome> => {
    for (let attempt = 1; ; attempt++) {
      const blocked = blockedUntil - now();
      if (blocked > maxWaitMs) return rateLimited(blocked, '');
      if (blocked > 0) await sleep(blocked);
      for (let wait = bucket.take(now()); wait > 0; wait = bucket.take(now())) await sleep(wait);
      const outcome = await send().catch((): HttpOutcome => ({ kind: 'offline' }));
      if (outcome.kind !== 'status' || outcome.status !== 429) return outcome;
      bucket.drain(now());
      const wait = retryAfterMs(outcome.retryAfter, now()) ?? DEFAULT_RETRY_MS;
      if (wait > maxWaitMs || attempt >= maxAttempts) {
        blockedUntil = now() + wait;
        return rateLimited(wait, outcome.reason);
      }
      await sleep(wait);
    }
  };

  return {
    run(send) {
      const result = tail.then(() => execute(send));
      tail = result.catch(() => {});
      return result;
    },
  };
}

function rateLimited(waitMs: number, reason: string): RateLimited {
  return { kind: 'status', status: 429, retryAfter: null, reason, retryAfterMs: Math.ceil(waitMs) };
}
