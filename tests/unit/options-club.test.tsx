import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ClubConnection } from '../../components/options/ClubConnection';
import type { ClubStatus } from '../../utils/club/views';
import type { BackgroundRequest } from '../../utils/protocol/requests';
import type { BackgroundClient } from '../../utils/protocol/responses';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const DISCONNECTED: ClubStatus = { connection: null, queued: 0, failed: [], lastSync: null };
const CONNECTED: ClubStatus = {
  connection: {
    kind: 'hypothesis',
    service: 'https://hypothes.is',
    groupId: 'grp1',
    groupName: 'KMb Journal Club',
    member: { id: 'acct:reader@hypothes.is', name: 'Reader' },
    defaultVisibility: 'only-me',
    connectedAt: '2026-11-27T10:00:00.000Z',
  },
  queued: 2,
  failed: [{ reason: 'The token was refused — paste a new one.', count: 1 }],
  lastSync: { at: '2026-11-27T10:05:00.000Z', sent: 1, failed: 1, problem: null },
};
const GROUPS = [
  { id: 'grp1', name: 'KMb Journal Club', readableByAnyone: false },
  { id: 'pub', name: 'Public', readableByAnyone: true },
];

/** A background that records requests and answers each type from `answers`, and a permission prompt. */
function setup(status: ClubStatus, answers: Partial<Record<BackgroundRequest['type'], unknown>> = {}, grant = true) {
  const sent: BackgroundRequest[] = [];
  const asked: string[][] = [];
  const send = (async (request: BackgroundRequest) => {
    sent.push(request);
    if (request.type === 'club-status') return { ok: true, value: status };
    return answers[request.type] ?? { ok: false, error: 'unexpected' };
  }) as BackgroundClient;
  const requestOrigins = (origins: string[]) => {
    // Recorded synchronously: the browser asks only while the click is being handled.
    asked.push(origins);
    return Promise.resolve(grant);
  };
  act(() => render(<ClubConnection send={send} requestOrigins={requestOrigins} language="en-CA" />, host));
  return { sent, asked };
}

/** Lets the requests' promises settle and Preact render what they changed. */
const settle = async () => {
  for (let round = 0; round < 3; round += 1) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};
const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector(selector) as T;
const type = (selector: string, value: string) =>
  act(() => {
    const input = $<HTMLInputElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
/** Submits without waiting, so a test can check what happened synchronously, inside the reader's click. */
const submit = (form: Element | null) => form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
const click = (selector: string) => act(() => $(selector).click());
const status = () => $('[role="status"]').textContent ?? '';

describe('"Your club" on the options page', () => {
  it('offers a Hypothesis group by default, with the public service and the token as a password', async () => {
    setup(DISCONNECTED);
    await settle();
    expect($<HTMLInputElement>('#club-kind-hypothesis').checked).toBe(true);
    expect($<HTMLInputElement>('#club-service').value).toBe('https://hypothes.is');
    expect($<HTMLInputElement>('#club-token').type).toBe('password');
    expect($<HTMLAnchorElement>('#club-token-hint a').href).toBe('https://hypothes.is/account/developer');
    await type('#club-service', 'https://h.example.org/');
    expect($<HTMLAnchorElement>('#club-token-hint a').href).toBe('https://h.example.org/account/developer');
  });

  it('asks for nothing and says which field to fix when the token is missing', async () => {
    const { sent, asked } = setup(DISCONNECTED);
    await settle();
    submit($('#club-token')?.closest('form'));
    await settle();
    expect(asked).toEqual([]);
    expect(sent.map((request) => request.type)).toEqual(['club-status']);
    expect($('#club-token-error').textContent).toBe('Paste your developer token.');
    expect(document.activeElement?.id).toBe('club-token');
    expect($('#club-token').getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for the site in the click, lists the groups, then connects to the chosen one', async () => {
    const { sent, asked } = setup(DISCONNECTED, {
      'club-groups': { ok: true, value: GROUPS },
      'club-connect': { ok: true, value: CONNECTED },
    });
    await settle();
    await type('#club-token', ' secret-token ');
    submit($('#club-token')?.closest('form'));
    expect(asked).toEqual([['https://hypothes.is']]); // before anything was awaited
    await settle();
    expect(sent.at(-1)).toEqual({ type: 'club-groups', service: 'https://hypothes.is', token: 'secret-token' });
    expect(host.textContent).toContain('Anyone can read this group’s annotations.');
    await click('#club-connect-club');
    submit($('#club-group-grp1')?.closest('form'));
    await settle();
    expect(sent.find((request) => request.type === 'club-connect')).toEqual({
      type: 'club-connect',
      config: { kind: 'hypothesis', service: 'https://hypothes.is', token: 'secret-token', group: 'grp1' },
      defaultVisibility: 'club',
    });
    await settle();
    expect(status()).toBe('Connected as Reader in KMb Journal Club.');
    expect(host.textContent).not.toContain('secret-token');
    expect(document.activeElement?.id).toBe('club-heading');
  });

  it('connects to nothing when the browser does not allow the site', async () => {
    const { sent } = setup(DISCONNECTED, {}, false);
    await settle();
    await type('#club-token', 'secret-token');
    submit($('#club-token')?.closest('form'));
    await settle();
    expect(sent.map((request) => request.type)).toEqual(['club-status']);
    expect(status()).toBe(
      'The browser did not allow the extension to reach https://hypothes.is, so nothing was connected.',
    );
  });

  it('says why the service refused the token', async () => {
    setup(DISCONNECTED, { 'club-groups': { ok: false, error: 'The token was refused — paste a new one.' } });
    await settle();
    await type('#club-token', 'old');
    submit($('#club-token')?.closest('form'));
    await settle();
    expect(status()).toBe('The token was refused — paste a new one.');
    expect(host.querySelector('#club-group-grp1')).toBeNull();
  });

  it('connects to a Solid pod, asking for the issuer’s and the pod’s sites', async () => {
    const { sent, asked } = setup(DISCONNECTED, { 'club-connect': { ok: true, value: CONNECTED } });
    await settle();
    await click('#club-kind-solid');
    await settle();
    expect(host.textContent).toContain('The club’s owner sets up a container');
    await type('#club-solid-clubContainer', 'https://pod.example/owner/club');
    await type('#club-solid-issuer', 'https://id.example/');
    await type('#club-solid-clientId', 'id');
    await type('#club-solid-clientSecret', 'secret');
    submit($('#club-solid-issuer')?.closest('form'));
    await settle();
    expect($('#club-solid-clubContainer-error').textContent).toBe('A container’s address ends in /.');
    expect(asked).toEqual([]);
    await type('#club-solid-clubContainer', 'https://pod.example/owner/club/');
    submit($('#club-solid-issuer')?.closest('form'));
    expect(asked).toEqual([['https://id.example', 'https://pod.example']]);
    await settle();
    expect(sent.find((request) => request.type === 'club-connect')).toMatchObject({
      config: { kind: 'solid', clientSecret: 'secret' },
    });
  });

  it('switches “Show the club’s highlights” once connected, showing the stored choice', async () => {
    const { sent } = setup(CONNECTED, { 'club-highlights-setting': { ok: true, value: true } });
    await settle();
    const box = $('#club-highlights-shown') as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(sent).toContainEqual({ type: 'club-highlights-setting' });
    await click('#club-highlights-shown');
    await settle();
    expect(sent.at(-1)).toEqual({ type: 'club-highlights-setting', show: false });
  });

  it('shows the connection: who, where, what waits, what failed and why, the last sync', async () => {
    setup(CONNECTED);
    await settle();
    const text = host.textContent ?? '';
    expect(text).toContain('Connected as Reader in KMb Journal Club.');
    expect(text).toContain('Waiting to be sent2 highlights');
    expect(text).toContain('Could not be sent1 highlight');
    expect(text).toContain('1: The token was refused — paste a new one.');
    expect($<HTMLInputElement>('#club-default-only-me').checked).toBe(true);
  });

  it('changes the default, retries, and disconnects (deleting the club’s copies when asked)', async () => {
    const { sent } = setup(CONNECTED, {
      'club-default-visibility': { ok: true, value: CONNECTED },
      'club-retry': { ok: true, value: { ...CONNECTED, failed: [] } },
      'club-disconnect': { ok: true, value: { deleted: 3, notDeleted: 1, status: DISCONNECTED } },
    });
    await settle();
    await click('#club-default-club');
    await settle();
    expect(sent.at(-1)).toEqual({ type: 'club-default-visibility', visibility: 'club' });
    expect(status()).toBe('New highlights are now shared with your club.');
    await click('.club__failures button');
    await settle();
    expect(sent.at(-1)).toEqual({ type: 'club-retry' });
    await click('#club-delete-published');
    submit($('.club__disconnect'));
    await settle();
    expect(sent.at(-1)).toEqual({ type: 'club-disconnect', deletePublished: true });
    await settle();
    expect(status()).toBe(
      'Disconnected. Annotations deleted from the club: 3; not deleted (still in the club): 1. Your highlights are kept.',
    );
    expect(document.activeElement?.id).toBe('club-heading');
    expect($('#club-kind-hypothesis')).not.toBeNull();
  });
});
