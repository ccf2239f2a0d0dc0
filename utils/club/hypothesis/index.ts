/** A Hypothesis group as a club backend, for the background; the connect flow also lists the account's groups. */

export type { HypothesisClientOptions } from './client';
export { DEFAULT_HYPOTHESIS_SERVICE, type HypothesisConfig } from './config';
export { createHypothesisBackend } from './hypothesis-backend';
export { type HypothesisGroup, listGroups } from './list-groups';
export { createRequestQueue, type RequestQueue, type RequestQueueOptions } from './request-queue';
