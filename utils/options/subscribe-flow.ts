import { i18n } from '#i18n';
import { type FeedUrlProblem, parseFeedUrl } from '../feeds/feed-url';
import type { FeedSubscribeAnswer, FeedsOverview } from '../feeds/summary';
import type { BackgroundClient } from '../protocol/responses';

export type SubscribeFlowResult =
  | { ok: true; status: 'subscribed' | 'already-subscribed'; url: string; overview: FeedsOverview }
  /** `field`: the message belongs to the address field (the reader should edit it); else to the page. */
  | { ok: false; field: boolean; message: string };

export interface SubscribeFlowDeps {
  send: BackgroundClient;
}

/**
 * Subscribing from the options page: check the address, then ask the background to approve its site and to
 * subscribe and fetch. No browser permission is asked: the host permissions already cover every site, so a
 * prompt would never appear; the reader's subscribing here is the approval (see `utils/background/feed-trust.ts`).
 * A refusal at any step subscribes nothing.
 */
export async function subscribeFlow(input: string, deps: SubscribeFlowDeps): Promise<SubscribeFlowResult> {
  const parsed = parseFeedUrl(input);
  if (!parsed.ok) return { ok: false, field: true, message: problemText(parsed.problem) };
  const host = new URL(parsed.url).host;
  const reply = await deps.send({ type: 'feed-subscribe', url: parsed.url });
  if (!reply.ok) return { ok: false, field: false, message: i18n.t('options.announce.failed', [reply.error]) };
  return fromAnswer(reply.value, host);
}

function fromAnswer(answer: FeedSubscribeAnswer, host: string): SubscribeFlowResult {
  if (answer.status !== 'refused') return { ok: true, ...answer };
  const message =
    answer.problem === 'permission-missing'
      ? i18n.t('options.problem.permissionMissing', [host])
      : answer.problem === 'too-many-feeds'
        ? i18n.t('options.problem.tooManyFeeds')
        : problemText(answer.problem);
  return { ok: false, field: true, message };
}

export function problemText(problem: FeedUrlProblem): string {
  switch (problem) {
    case 'empty':
      return i18n.t('options.problem.empty');
    case 'too-long':
      return i18n.t('options.problem.tooLong');
    case 'not-a-url':
      return i18n.t('options.problem.notAUrl');
    case 'not-https':
      return i18n.t('options.problem.notHttps');
    case 'credentials':
      return i18n.t('options.problem.credentials');
  }
}
