import { beforeEach, describe, expect, it } from 'vitest';
import { parseBackgroundRequest } from '../../utils/protocol/requests';
import { BOB, GROUP, ME, makeFakeClub, TOKEN } from '../support/club-fake';
import { type ClubWorld, HYPOTHESIS, makeClubWorld, senders } from '../support/club-world';

let t: ClubWorld;
beforeEach(async () => {
  t = await makeClubWorld('club-connect-test');
});

const SOLID = {
  kind: 'solid' as const,
  issuer: 'http://localhost:3001/',
  clientId: 'reader-id',
  clientSecret: TOKEN,
  clubContainer: 'http://localhost:3001/owner/club/',
};

describe('connecting to a club', () => {
  it('checks the token with the service, then the group, and keeps the connection', async () => {
    const reply = await t.connect();
    expect(reply).toEqual({
      ok: true,
      value: {
        connection: {
          kind: 'hypothesis',
          service: 'https://hypothes.is',
          groupId: GROUP.id,
          groupName: GROUP.name,
          member: ME,
          defaultVisibility: 'only-me',
          connectedAt: expect.any(String),
        },
        queued: 0,
        failed: [],
        // The first drain runs after the reply.
        lastSync: null,
      },
    });
    expect(t.club.calls.slice(0, 2)).toEqual(['whoAmI', 'groups']);
    const status = await t.ask({ type: 'club-status' }, senders.options);
    expect(status.ok && status.value.lastSync).toMatchObject({ sent: 0, failed: 0, problem: null });
    expect(t.world.clubAlarm.running).toBe(true);
  });

  it('connects to a Solid pod, naming the club by its container', async () => {
    const reply = await t.connect(SOLID);
    expect(reply.ok && reply.value.connection).toMatchObject({ kind: 'solid', service: SOLID.clubContainer });
    expect(t.club.calls).not.toContain('groups');
  });

  it('refuses without the site permission, asking the service nothing', async () => {
    t.world.granted.clear();
    const reply = await t.connect();
    expect(reply).toEqual({
      ok: false,
      error:
        'The browser has not allowed the extension to reach https://hypothes.is, so nothing was connected. Press Connect again and allow it.',
    });
    expect(t.club.calls).toEqual([]);
    expect((await t.ask({ type: 'club-status' }, senders.options)).ok && t.world.clubAlarm.running).toBe(false);
  });

  it('asks for both the issuer and the pod when they are on different sites', async () => {
    t.world.granted.clear();
    t.world.granted.add('http://localhost:3001');
    const reply = await t.connect({ ...SOLID, clubContainer: 'https://pod.example/club/' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toContain('http://localhost:3001, https://pod.example');
  });

  it.each([
    ['unauthorized', { code: 'unauthorized' as const }, 'The token was refused — paste a new one'],
    ['offline', { code: 'offline' as const }, 'could not be reached. You may be offline'],
    ['forbidden', { code: 'forbidden' as const }, 'refused this'],
    ['server', { code: 'server' as const, status: 502 }, '(error 502)'],
    ['rate-limited', { code: 'rate-limited' as const, retryAfterMs: 30_000 }, 'in 30 seconds'],
    ['invalid-response', { code: 'invalid-response' as const, detail: 'no user' }, 'cannot read: no user'],
  ])('says plainly why it could not connect (%s) and keeps nothing', async (_name, failure, words) => {
    t.club.state.failNext.push(failure);
    const reply = await t.connect();
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toContain(words);
    const status = await t.ask({ type: 'club-status' }, senders.options);
    expect(status.ok && status.value.connection).toBeNull();
  });

  it('refuses a token the service does not know', async () => {
    const reply = await t.connect({ ...HYPOTHESIS, token: 'not-the-token' });
    expect(!reply.ok && reply.error).toMatch(/^The token was refused/);
  });

  it('refuses a group the reader is not a member of', async () => {
    const reply = await t.connect({ ...HYPOTHESIS, group: 'someone-elses' });
    expect(reply).toEqual({
      ok: false,
      error: 'Your account is not a member of this group. Choose one of the groups listed.',
    });
  });

  it('takes a new token for the same club, but another club only after disconnecting', async () => {
    await t.connect();
    t.club.validSecrets.add('renewed-token');
    expect((await t.connect({ ...HYPOTHESIS, token: 'renewed-token' })).ok).toBe(true);
    expect(t.club.configs.at(-1)).toMatchObject({ token: 'renewed-token' });
    const other = await t.connect({ ...HYPOTHESIS, group: 'pub' });
    expect(!other.ok && other.error).toMatch(/^You are connected to another club/);
    expect((await t.connect(SOLID)).ok).toBe(false);
  });

  it('sends nothing twice when a new token arrives while the old one’s call is out', async () => {
    await t.connect(undefined, 'club');
    let release = () => {};
    t.club.state.holdPublish = new Promise((resolve) => {
      release = resolve;
    });
    const highlight = await t.ask(
      {
        type: 'highlight-create',
        questionId: 'q1',
        selectors: [
          { type: 'TextQuoteSelector', exact: 'knowledge brokers', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: 17 },
        ],
        source: 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1',
      },
      senders.page,
    );
    expect(highlight.ok).toBe(true);
    t.club.validSecrets.add('renewed-token');
    const renewed = t.connect({ ...HYPOTHESIS, token: 'renewed-token' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    t.club.state.holdPublish = null;
    expect((await renewed).ok).toBe(true);
    await t.settled();
    expect(t.club.calls.filter((call) => call.startsWith('publish'))).toHaveLength(1);
    expect(t.club.annotations).toHaveLength(1);
  });

  it('refuses a token for the same club that belongs to another account', async () => {
    await t.connect();
    // The reader pastes a token of another account: the service now answers as Bob.
    t.world.services.club.core.deps.backends = makeFakeClub({ me: BOB }).backends;
    const reply = await t.connect();
    expect(!reply.ok && reply.error).toMatch(/^You are connected to another club or account/);
    const status = await t.ask({ type: 'club-status' }, senders.options);
    expect(status.ok && status.value.connection?.member).toEqual(ME);
  });

  it('lists the groups for a token that works, and refuses one that does not', async () => {
    const groups = await t.ask({ type: 'club-groups', service: 'https://hypothes.is', token: TOKEN }, senders.options);
    expect(groups.ok && groups.value.map((group) => group.id)).toEqual([GROUP.id, 'pub']);
    const refused = await t.ask({ type: 'club-groups', service: 'https://hypothes.is', token: 'x' }, senders.options);
    expect(!refused.ok && refused.error).toMatch(/^The token was refused/);
  });

  it.each([
    ['http://hypothes.is', 'an http address elsewhere than this machine'],
    ['https://user:pw@hypothes.is', 'an address with credentials'],
    ['hypothes.is', 'no address at all'],
  ])('does not take %s (%s) as a service address', (service) => {
    const request = { type: 'club-connect', config: { ...HYPOTHESIS, service }, defaultVisibility: 'only-me' };
    expect(parseBackgroundRequest(request)).toBeNull();
    expect(parseBackgroundRequest({ ...request, config: HYPOTHESIS })).not.toBeNull();
  });

  it('changes the default for new highlights', async () => {
    await t.connect();
    const reply = await t.ask({ type: 'club-default-visibility', visibility: 'club' }, senders.options);
    expect(reply.ok && reply.value.connection?.defaultVisibility).toBe('club');
  });

  it('accepts the club’s options requests only from the extension’s own pages', async () => {
    for (const type of ['club-status', 'club-retry', 'club-disconnect'] as const) {
      const request = type === 'club-disconnect' ? { type, deletePublished: true } : { type };
      expect((await t.ask(request, senders.page)).ok).toBe(false);
    }
    const reply = await t.ask({ type: 'club-connect', config: HYPOTHESIS, defaultVisibility: 'club' }, senders.page);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('club-connect') });
    expect(t.club.calls).toEqual([]);
  });
});
