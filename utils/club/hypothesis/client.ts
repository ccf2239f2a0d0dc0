import type { ClubFailure, ClubResult } from '../backend';
import type { HypothesisConfig } from './config';
import { failureOf } from './failure';
import { createRequestQueue, type RequestQueue, type RequestQueueOptions } from './request-queue';
import { type HypothesisRequest, type SendOptions, sendRequest } from './send-request';

/** One account's way to the service: every call goes through the account's queue. */
export interface HypothesisClient {
  /**
   * The reply's JSON body, or why there is none. Each HTTP attempt (429 retries included, which the service's
   * limit counts too) adds one to `tally.sent`, so a listing can say what it cost while other calls share the queue.
   */
  call(request: HypothesisRequest, tally?: Tally): Promise<ClubResult<unknown>>;
}

export interface Tally {
  sent: number;
}

export interface HypothesisClientOptions extends SendOptions {
  /** Shared between a backend and the connect flow's group listing, since the rate limit is the account's. */
  queue?: RequestQueue;
  queueOptions?: RequestQueueOptions;
}

/**
 * What a developer token can be: visible ASCII, as h issues them. Anything else (a blank, a pasted line break)
 * could not even be put in a header; it is the reader's to fix, so it reads as unauthorized, with nothing sent.
 */
const USABLE_TOKEN = /^[\x21-\x7e]{1,1000}$/;

export function createHypothesisClient(
  config: HypothesisConfig,
  options: HypothesisClientOptions = {},
): HypothesisClient {
  const queue = options.queue ?? createRequestQueue(options.queueOptions);
  return {
    async call(request, tally) {
      if (!USABLE_TOKEN.test(config.token)) return failed({ code: 'unauthorized' });
      const outcome = await queue.run(() => {
        if (tally) tally.sent++;
        return sendRequest(config, request, options);
      });
      return outcome.kind === 'ok' ? { ok: true, value: outcome.body } : failed(failureOf(outcome));
    },
  };
}

/** A failure as a result, typed for any value. */
export function failed<T>(failure: ClubFailure): ClubResult<T> {
  return { ok: false, ...failure };
}
