import { describe, expect, it } from 'vitest';
import { earlyRequests } from '../../utils/protocol/early-requests';
import type { BackgroundRequest } from '../../utils/protocol/requests';
import type { BackgroundClient } from '../../utils/protocol/responses';

/** A background that answers each request with how many requests it has been sent so far. */
function countingBackground() {
  const sent: BackgroundRequest[] = [];
  const client = (async (request: BackgroundRequest) => {
    sent.push(request);
    return { ok: true, value: sent.length };
  }) as unknown as BackgroundClient;
  return { sent, client };
}

describe('earlyRequests', () => {
  it('hands the answer asked early to the first identical request, and asks afresh after that', async () => {
    const background = countingBackground();
    const requests = earlyRequests(background.client);
    requests.ask({ type: 'reading-list' });
    requests.ask({ type: 'tab-status', tabId: 7 });
    expect(background.sent).toHaveLength(2);

    expect(await requests.send({ type: 'tab-status', tabId: 7 })).toEqual({ ok: true, value: 2 });
    expect(await requests.send({ type: 'reading-list' })).toEqual({ ok: true, value: 1 });
    expect(background.sent).toHaveLength(2);

    expect(await requests.send({ type: 'reading-list' })).toEqual({ ok: true, value: 3 });
  });

  it('asks the background for a request that was not asked early, even of the same type', async () => {
    const background = countingBackground();
    const requests = earlyRequests(background.client);
    requests.ask({ type: 'tab-status', tabId: 7 });

    expect(await requests.send({ type: 'tab-status', tabId: 8 })).toEqual({ ok: true, value: 2 });
    expect(background.sent).toEqual([
      { type: 'tab-status', tabId: 7 },
      { type: 'tab-status', tabId: 8 },
    ]);
  });
});
