import type { ClubFailure } from '../backend';
import { DEFAULT_RETRY_MS } from './request-queue';
import type { HttpOutcome } from './send-request';

/** The prefix h puts on the refusal to post in a group the reader does not belong to (services/annotation_write.py). */
const GROUP_REFUSAL = 'group:';

/**
 * What a failed exchange means for the reader. h's v1 API answers 404 where it refuses (it turns every 403 into
 * a 404 "to avoid leaking resource existence", h/views/api/errors.py), and treats a revoked token as no token at
 * all, so 401 and 403 come only from other instances or proxies in front of them; they are mapped all the same.
 */
export function failureOf(outcome: Exclude<HttpOutcome, { kind: 'ok' }>): ClubFailure {
  if (outcome.kind === 'offline') return { code: 'offline' };
  if (outcome.kind === 'invalid') return { code: 'invalid-response', detail: outcome.detail };
  const { status } = outcome;
  if (status === 401) return { code: 'unauthorized' };
  if (status === 403) return { code: 'forbidden' };
  if (status === 404) return { code: 'not-found' };
  if (status === 400 && outcome.reason.startsWith(GROUP_REFUSAL)) return { code: 'forbidden' };
  if (status === 429) {
    const waited = 'retryAfterMs' in outcome && typeof outcome.retryAfterMs === 'number' ? outcome.retryAfterMs : null;
    return { code: 'rate-limited', retryAfterMs: waited ?? DEFAULT_RETRY_MS };
  }
  return { code: 'server', status };
}
