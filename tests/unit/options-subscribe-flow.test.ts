import { describe, expect, it } from 'vitest';
import type { FeedsOverview } from '../../utils/feeds/summary';
import { subscribeFlow } from '../../utils/options/subscribe-flow';
import type { BackgroundRequest } from '../../utils/protocol/requests';
import type { BackgroundClient } from '../../utils/protocol/responses';

const overview: FeedsOverview = {
  bundled: { entryCount: 1, clubs: ['A club'] },
  feeds: [],
  damaged: 0,
  approvedSites: [],
  conflicts: [],
};

/** A background that records what it was sent and answers `reply`. */
function background(reply: unknown) {
  const sent: BackgroundRequest[] = [];
  const send = (async (request: BackgroundRequest) => {
    sent.push(request);
    return reply;
  }) as BackgroundClient;
  return { sent, send };
}

describe('subscribing from the options page', () => {
  it('subscribes to the normalised address, asking the browser for nothing', async () => {
    const { sent, send } = background({ ok: true, value: { status: 'subscribed', url: 'x', overview } });
    const result = await subscribeFlow(' https://club.example/feed.json#top ', { send });
    expect(sent).toEqual([{ type: 'feed-subscribe', url: 'https://club.example/feed.json' }]);
    expect(result).toMatchObject({ ok: true, status: 'subscribed' });
  });

  it('sends nothing for an invalid address', async () => {
    const { sent, send } = background(null);
    const result = await subscribeFlow('http://club.example/feed.json', { send });
    expect(result).toMatchObject({ ok: false, field: true, message: expect.stringMatching(/^Only https:\/\//) });
    expect(sent).toEqual([]);
  });

  it('words the background’s refusals and failures', async () => {
    const tooMany = background({ ok: true, value: { status: 'refused', problem: 'too-many-feeds' } });
    expect(await subscribeFlow('https://club.example/f.json', { send: tooMany.send })).toEqual({
      ok: false,
      field: true,
      message: 'You follow as many feeds as the extension keeps. Unsubscribe from one first.',
    });
    const unapproved = background({ ok: true, value: { status: 'refused', problem: 'permission-missing' } });
    expect(await subscribeFlow('https://club.example/f.json', { send: unapproved.send })).toMatchObject({
      ok: false,
      message: 'club.example could not be added to your approved feed sites, so nothing was subscribed. Try again.',
    });
    const broken = background({ ok: false, error: 'Your browser’s storage is full.' });
    expect(await subscribeFlow('https://club.example/f.json', { send: broken.send })).toEqual({
      ok: false,
      field: false,
      message: 'That did not work: Your browser’s storage is full.',
    });
  });
});
