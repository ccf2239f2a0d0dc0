import type { ClubFailure, ClubResult } from '../backend';
import type { HypothesisConfig } from './config';
import { failureOf } from './failure';
import { createRequestQueue, type RequestQueue, type RequestQueueOptions } from './request-queue';
import { type HypothesisRequest, type SendOptions, sendRequest } from './send-request';

/** One account's way to the service: every call through its queue, each attempt counted for the listing. */
export interface HypothesisClient {
  /** The reply's JSON body, or why there is none. */
  call(request: HypothesisRequest): Promise<ClubResult<unknown>>;
  /** HTTP requests sent so far, retries included: what the service's rate limit counts. */
  readonly sent: number;
}

export interface HypothesisClientOptions extends SendOptions {
  /** Shared between a backend and the connect flow's group listing, since the rate limit is the account's. */
  queue?: RequestQueue;
  queueOptions?: RequestQueueOptions;
}

export function createHypothesisClient(
  config: HypothesisConfig,
  options: HypothesisClientOptions = {},
): HypothesisClient {
  const queue = options.queue ?? createRequestQueue(options.queueOptions);
  let sent = 0;
  return {
    async call(request) {
      const outcome = await queue.run(() => {
        sent++;
        return sendRequest(config, request, options);
      });
      return outcome.kind === 'ok' ? { ok: true, value: outcome.body } : failed(failureOf(outcome));
    },
    get sent() {
      return sent;
    },
  };
}

/** A failure as a result, typed for any value. */
export function failed<T>(failure: ClubFailure): ClubResult<T> {
  return { ok: false, ...failure };
}
