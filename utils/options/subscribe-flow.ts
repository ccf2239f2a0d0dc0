import { i18n } from '#i18n';
import { type FeedUrlProblem, parseFeedUrl } from '../feeds/feed-url';
import type { FeedSubscribeAnswer, FeedsOverview } from '../feeds/summary';
import type { BackgroundClient } from '../protocol/responses';

export type SubscribeFlowResult =
  | { ok: true; status: 'subscribed' | 'already-subscribed'; url: string; overview: FeedsOverview }
  /** `field`: the message belongs to the address field (the reader should edit it); else to the page. */
  | { ok: false; field: boolean; message: string };

export interface SubscribeFlowDeps {
  /** `browser.permissions.request` for one origin pattern; must run inside the reader's click or submit. */
  requestPermission(origin: string): Promise<boolean>;
  send: BackgroundClient;
}

/**
 * Subscribing from the options page: check the address, ask the browser for access to its site, then ask the
 * background to subscribe and fetch. Call it straight from the submit handler: browsers grant a permission
 * prompt only during a user gesture, so nothing may be awaited before `requestPermission`. A refusal at any
 * step subscribes nothing.
 */
export async function subscribeFlow(input: string, deps: SubscribeFlowDeps): Promise<SubscribeFlowResult> {
  const parsed = parseFeedUrl(input);
  if (!parsed.ok) return { ok: false, field: true, message: problemText(parsed.problem) };
  const host = new URL(parsed.url).host;
  const granted = await deps.requestPermission(parsed.origin).catch(() => false);
  if (!granted) return { ok: false, field: true, message: i18n.t('options.problem.permissionDenied', [host]) };
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
