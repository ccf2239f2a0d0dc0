import { describe, expect, it } from 'vitest';
import type { RequestSender } from '../../utils/background/services';
import { originPattern, serviceOrigins, withoutSecrets } from '../../utils/club/backends';
import { parseConnection, redacted } from '../../utils/club/connection';
import type { BackgroundRequest } from '../../utils/protocol/requests';
import { BOB, TOKEN } from '../support/club-fake';
import { CLUB_DOI, HYPOTHESIS, makeClubWorld, senders } from '../support/club-world';

const SECRET = 'solid-client-secret-42';
const SOLID = {
  kind: 'solid' as const,
  issuer: 'http://localhost:3001/',
  clientId: 'reader-id',
  clientSecret: SECRET,
  clubContainer: 'http://localhost:3001/owner/club/',
};

describe('the club’s secret', () => {
  it.each([
    ['a Hypothesis token', HYPOTHESIS, TOKEN],
    ['a Solid client secret', SOLID, SECRET],
  ])('is in no reply to any page, panel or popup request (%s)', async (_name, config, secret) => {
    const t = await makeClubWorld(`club-secrets-${config.kind}`);
    t.club.validSecrets.add(SECRET);
    const replies: unknown[] = [];
    const record = async (request: BackgroundRequest, sender: RequestSender = senders.panel) => {
      replies.push(await t.ask(request as never, sender));
    };
    await record({ type: 'club-groups', service: 'https://hypothes.is', token: TOKEN }, senders.options);
    await record({ type: 'club-connect', config, defaultVisibility: 'club' }, senders.options);
    const highlight = await t.highlight();
    await t.settled();
    const bob = t.club.add(BOB, CLUB_DOI, { note: `I saw ${secret} somewhere`.replace(secret, 'nothing') });
    // A service that echoes the secret in an error is scrubbed too.
    t.club.state.failNext.push({ code: 'invalid-response', detail: `bad token ${secret}` });
    await record({ type: 'club-layer', opened: true });
    t.world.clock.advance(10_000);
    await record({ type: 'club-layer', opened: true });
    await record({ type: 'club-page-layer' }, senders.page);
    await record({ type: 'highlight-visibility', id: highlight.id, visibility: 'only-me' });
    await record({ type: 'club-reply', replyTo: bob, note: 'Yes' });
    await record({ type: 'club-status' }, senders.options);
    await record({ type: 'club-default-visibility', visibility: 'only-me' }, senders.options);
    await record({ type: 'club-retry' }, senders.options);
    await record({ type: 'reading-list' }, senders.options);
    await record({ type: 'tab-status', tabId: 9 }, senders.options);
    await record({ type: 'highlights' });
    await record({ type: 'page-highlights' }, senders.page);
    await record(
      {
        type: 'club-connect',
        config: { ...config, token: 'x', clientSecret: 'x' } as never,
        defaultVisibility: 'club',
      },
      senders.options,
    );
    await record({ type: 'club-disconnect', deletePublished: true }, senders.options);
    expect(replies).toHaveLength(16);
    for (const reply of replies) expect(JSON.stringify(reply)).not.toContain(secret);
    expect(JSON.stringify(replies)).toContain('bad token …');
  });

  it('is forgotten on disconnecting', async () => {
    const t = await makeClubWorld('club-secrets-forget');
    await t.connect();
    expect(JSON.stringify([...t.world.local.values()])).toContain(TOKEN);
    await t.ask({ type: 'club-disconnect', deletePublished: false }, senders.options);
    expect(JSON.stringify([...t.world.local.values()])).not.toContain(TOKEN);
  });
});

describe('the stored connection', () => {
  const stored = {
    config: HYPOTHESIS,
    member: { id: 'acct:reader@hypothes.is', name: 'Reader' },
    groupName: 'KMb',
    defaultVisibility: 'only-me',
    connectedAt: '2026-11-27T10:00:00.000Z',
  };

  it('is read back only when whole and well-formed', () => {
    expect(parseConnection(stored)).toEqual(stored);
    expect(parseConnection({ ...stored, defaultVisibility: 'everyone' })).toBeNull();
    expect(parseConnection({ ...stored, config: { ...HYPOTHESIS, service: 'http://evil.example' } })).toBeNull();
    expect(parseConnection('{}')).toBeNull();
  });

  it('is shown to the options page without its secret', () => {
    const view = redacted(parseConnection(stored) ?? (null as never));
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    expect(view).toMatchObject({ kind: 'hypothesis', service: 'https://hypothes.is', groupId: HYPOTHESIS.group });
  });

  it('names the origins the secret goes to', () => {
    expect(serviceOrigins(HYPOTHESIS)).toEqual(['https://hypothes.is']);
    expect(serviceOrigins({ ...SOLID, clubContainer: 'https://pod.example/club/' })).toEqual([
      'http://localhost:3001',
      'https://pod.example',
    ]);
    expect(withoutSecrets(`token ${TOKEN} refused`, HYPOTHESIS)).toBe('token … refused');
    expect(originPattern('http://localhost:3001')).toBe('http://localhost/*');
    expect(originPattern('https://hypothes.is')).toBe('https://hypothes.is/*');
  });
});
