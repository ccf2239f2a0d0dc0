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
  it('asks for the feed’s site, then subscribes to the normalised address', async () => {
    const asked: string[] = [];
    const { sent, send } = background({ ok: true, value: { status: 'subscribed', url: 'x', overview } });
    const result = await subscribeFlow(' https://club.example/feed.json#top ', {
      requestPermission: async (origin) => {
        asked.push(origin);
        return true;
      },
      send,
    });
    expect(asked).toEqual(['https://club.example/*']);
    expect(sent).toEqual([{ type: 'feed-subscribe', url: 'https://club.example/feed.json' }]);
    expect(result).toMatchObject({ ok: true, status: 'subscribed' });
  });

  it('asks for the permission before anything is awaited, as browsers require a user gesture', () => {
    let asked = false;
    void subscribeFlow('https://club.example/feed.json', {
      requestPermission: async () => {
        asked = true;
        return true;
      },
      send: background({ ok: true, value: { status: 'subscribed', url: 'x', overview } }).send,
    });
    expect(asked).toBe(true);
  });

  it('subscribes nothing when the reader refuses the permission, and says so', async () => {
    const { sent, send } = background(null);
    const result = await subscribeFlow('https://club.example/feed.json', {
      requestPermission: async () => false,
      send,
    });
    expect(sent).toEqual([]);
    expect(result).toEqual({
      ok: false,
      field: true,
      message:
        'The extension was not allowed to reach club.example, so nothing was subscribed. Subscribe again and choose Allow to add this feed.',
    });
    const thrown = await subscribeFlow('https://club.example/feed.json', {
      requestPermission: async () => {
        throw new Error('prompt unavailable');
      },
      send,
    });
    expect(thrown).toMatchObject({ ok: false, field: true });
    expect(sent).toEqual([]);
  });

  it('neither asks nor sends for an invalid address', async () => {
    const { sent, send } = background(null);
    let asked = false;
    const result = await subscribeFlow('http://club.example/feed.json', {
      requestPermission: async () => {
        asked = true;
        return true;
      },
      send,
    });
    expect(result).toMatchObject({ ok: false, field: true, message: expect.stringMatching(/^Only https:\/\//) });
    expect(asked).toBe(false);
    expect(sent).toEqual([]);
  });

  it('words the background’s refusals and failures', async () => {
    const allow = async () => true;
    const tooMany = background({ ok: true, value: { status: 'refused', problem: 'too-many-feeds' } });
    expect(
      await subscribeFlow('https://club.example/f.json', { requestPermission: allow, send: tooMany.send }),
    ).toEqual({
      ok: false,
      field: true,
      message: 'You follow as many feeds as the extension keeps. Unsubscribe from one first.',
    });
    const broken = background({ ok: false, error: 'Your browser’s storage is full.' });
    expect(await subscribeFlow('https://club.example/f.json', { requestPermission: allow, send: broken.send })).toEqual(
      {
        ok: false,
        field: false,
        message: 'That did not work: Your browser’s storage is full.',
      },
    );
  });
});
