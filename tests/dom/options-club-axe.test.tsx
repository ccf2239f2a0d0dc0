import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import '../../entrypoints/options/style.css';
import { ClubConnection } from '../../components/options/ClubConnection';
import type { ClubStatus } from '../../utils/club/views';
import type { BackgroundRequest } from '../../utils/protocol/requests';
import type { BackgroundClient } from '../../utils/protocol/responses';

const host = document.createElement('main');
document.body.append(host);
document.documentElement.lang = 'en';
afterEach(() => render(null, host));

const CONNECTED: ClubStatus = {
  connection: {
    kind: 'hypothesis',
    service: 'https://hypothes.is',
    groupId: 'grp1',
    groupName: 'KMb Journal Club',
    member: { id: 'acct:reader@hypothes.is', name: 'Reader' },
    defaultVisibility: 'club',
    connectedAt: '2026-11-27T10:00:00.000Z',
  },
  queued: 1,
  failed: [{ reason: 'The club’s service could not be reached.', count: 2 }],
  lastSync: { at: '2026-11-27T10:05:00.000Z', sent: 0, failed: 2, problem: 'The club’s service could not be reached.' },
};

async function draw(status: ClubStatus, answers: Partial<Record<BackgroundRequest['type'], unknown>> = {}) {
  const send = (async (request: BackgroundRequest) =>
    request.type === 'club-status' ? { ok: true, value: status } : answers[request.type]) as BackgroundClient;
  await act(async () => {
    render(<ClubConnection send={send} requestOrigins={async () => true} language="en-CA" />, host);
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
}

async function serious(): Promise<string[]> {
  const results = await axe.run(host);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('"Your club" (axe-core, in Chromium)', () => {
  it('has no serious or critical violations when connected', async () => {
    await draw(CONNECTED, { 'club-highlights-setting': { ok: true, value: true } });
    expect(host.textContent).toContain('Connected as Reader');
    expect(host.querySelector<HTMLInputElement>('#club-highlights-shown')?.checked).toBe(true);
    expect(await serious()).toEqual([]);
  });

  it('has none in the connect forms, with a field error and the group picker shown', async () => {
    await draw(
      { connection: null, queued: 0, failed: [], lastSync: null },
      {
        'club-groups': {
          ok: true,
          value: [
            { id: 'grp1', name: 'KMb Journal Club', readableByAnyone: false },
            { id: 'pub', name: 'Public', readableByAnyone: true },
          ],
        },
      },
    );
    const token = host.querySelector<HTMLInputElement>('#club-token');
    const form = token?.closest('form');
    await act(async () => {
      form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(host.querySelector('#club-token-error')).not.toBeNull();
    expect(await serious()).toEqual([]);
    await act(() => {
      if (token) token.value = 'a-token';
      token?.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(host.querySelector('#club-group-grp1')).not.toBeNull();
    expect(await serious()).toEqual([]);
    await act(() => host.querySelector<HTMLInputElement>('#club-kind-solid')?.click());
    expect(await serious()).toEqual([]);
  });
});
