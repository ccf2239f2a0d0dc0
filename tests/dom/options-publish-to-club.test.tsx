import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../entrypoints/options/style.css';
import { ClubSuggestions } from '../../components/options/ClubSuggestions';
import { PublishToClub } from '../../components/options/PublishToClub';
import type { ClubEntryState, ClubSuggestionsView } from '../../utils/club/views';
import type { BackgroundRequest } from '../../utils/protocol/requests';
import type { BackgroundClient } from '../../utils/protocol/responses';
import { EVERY_FIELD, FEWEST_FIELDS } from '../support/unit/publish-entries';

const host = document.createElement('main');
document.body.append(host);
document.documentElement.lang = 'en';
afterEach(() => render(null, host));

const NOT_PUBLISHED: ClubEntryState = {
  clubName: 'KMb Journal Club',
  mine: null,
  inClubCatalog: false,
  fetchedAt: '2026-12-03T10:00:00.000Z',
};

/** A background that answers from `answers` and records every request. */
function background(answers: Partial<Record<BackgroundRequest['type'], unknown>>) {
  const sent: BackgroundRequest[] = [];
  const send = (async (request: BackgroundRequest) => {
    sent.push(request);
    return answers[request.type];
  }) as BackgroundClient;
  return { send, sent };
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));
/** Waits until the page says `text` (the background's answers arrive in their own time). */
const says = (text: string) => vi.waitFor(() => expect(host.textContent).toContain(text));
const button = (name: RegExp) =>
  [...host.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as HTMLButtonElement | undefined;

async function serious(): Promise<string[]> {
  const results = await axe.run(host);
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('PublishToClub (in Chromium)', () => {
  it('publishes the entry to the club and says members’ extensions show it', async () => {
    const published = { ...NOT_PUBLISHED, mine: { suggestion: false, updatedAt: '' }, inClubCatalog: true };
    const bg = background({
      'club-catalog-state': { ok: true, value: NOT_PUBLISHED },
      'club-catalog-publish': { ok: true, value: published },
    });
    render(<PublishToClub entry={EVERY_FIELD} send={bg.send} />, host);
    await says('Not published in KMb Journal Club.');
    await act(() => button(/^Publish to the club$/)?.click());
    await says('Published in');
    expect(bg.sent.at(-1)).toEqual({ type: 'club-catalog-publish', entry: EVERY_FIELD });
    expect(host.textContent).toContain('Published in KMb Journal Club’s catalog: members’ extensions show it.');
    expect(button(/Update in the club/)).toBeDefined();
    expect(button(/Withdraw from the club/)).toBeDefined();
    expect(await serious()).toEqual([]);
  });

  it('tells a member that theirs is a suggestion, and withdraws it', async () => {
    const suggested = { ...NOT_PUBLISHED, mine: { suggestion: true, updatedAt: '' } };
    const bg = background({
      'club-catalog-state': { ok: true, value: suggested },
      'club-catalog-withdraw': { ok: true, value: NOT_PUBLISHED },
    });
    render(<PublishToClub entry={FEWEST_FIELDS} send={bg.send} />, host);
    await says('an organiser must publish it before members see it');
    await act(() => button(/Withdraw/)?.click());
    await says('Withdrawn.');
    expect(bg.sent.at(-1)).toEqual({ type: 'club-catalog-withdraw', entryId: 'plain-2020' });
    expect(host.textContent).toContain('Withdrawn.');
    expect(button(/Withdraw/)).toBeUndefined();
  });

  it('says why a publish failed, in an alert, and keeps the state it had', async () => {
    const bg = background({
      'club-catalog-state': { ok: true, value: NOT_PUBLISHED },
      'club-catalog-publish': { ok: false, error: 'The club’s service could not be reached.' },
    });
    render(<PublishToClub entry={FEWEST_FIELDS} send={bg.send} />, host);
    await says('Not published');
    await act(() => button(/Publish/)?.click());
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')).not.toBeNull());
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('The club’s service could not be reached.');
    expect(host.textContent).toContain('Not published in KMb Journal Club.');
  });

  it('asks the reader to connect when no club is connected', async () => {
    const none = { clubName: null, mine: null, inClubCatalog: false, fetchedAt: null };
    render(
      <PublishToClub
        entry={FEWEST_FIELDS}
        send={background({ 'club-catalog-state': { ok: true, value: none } }).send}
      />,
      host,
    );
    await says('Connect to your club');
    expect(button(/Publish/)).toBeUndefined();
  });
});

describe('ClubSuggestions (in Chromium)', () => {
  const VIEW: ClubSuggestionsView = {
    connected: true,
    suggestions: [
      { entry: EVERY_FIELD, by: { id: 'acct:bob@hypothes.is', name: 'Bob Durand' }, updatedAt: '2026-12-01T09:30:00Z' },
    ],
    problems: ['Eve: entry #0: id: expected a string'],
    organisers: ['acct:alice@hypothes.is'],
  };

  it('lists each suggestion with who suggested it, to look at, and what was left out', async () => {
    render(
      <ClubSuggestions send={background({ 'club-suggestions': { ok: true, value: VIEW } }).send} language="en-CA" />,
      host,
    );
    await settle();
    await vi.waitFor(() => expect(host.querySelector('summary')).not.toBeNull());
    expect(host.querySelector('summary')?.textContent).toMatch(
      /^Title: with "quotes" # and a colon — Suggested by Bob Durand on /,
    );
    expect(host.querySelector('details ol')?.textContent).toContain('Why: "this"?');
    expect(host.textContent).toContain('Eve: entry #0: id: expected a string');
    expect((host.querySelector('textarea') as HTMLTextAreaElement).value).toBe('acct:alice@hypothes.is');
    expect(await serious()).toEqual([]);
  });

  it('saves the organisers, one a line', async () => {
    const bg = background({
      'club-suggestions': { ok: true, value: VIEW },
      'club-organisers': {
        ok: true,
        value: { ...VIEW, suggestions: [], organisers: ['acct:alice@hypothes.is', 'acct:bob@hypothes.is'] },
      },
    });
    render(<ClubSuggestions send={bg.send} language="en" />, host);
    await vi.waitFor(() => expect(host.querySelector('textarea')).not.toBeNull());
    const area = host.querySelector('textarea') as HTMLTextAreaElement;
    area.value = 'acct:alice@hypothes.is\n\n  acct:bob@hypothes.is  ';
    await act(() => {
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => button(/Save organisers/)?.click());
    await says('Organisers saved.');
    expect(bg.sent.at(-1)).toEqual({
      type: 'club-organisers',
      organisers: ['acct:alice@hypothes.is', 'acct:bob@hypothes.is'],
    });
    expect(host.textContent).toContain('Organisers saved.');
    expect(host.textContent).toContain('No suggestions.');
  });

  it('shows nothing while no club is connected', async () => {
    const view = { ...VIEW, connected: false };
    render(
      <ClubSuggestions send={background({ 'club-suggestions': { ok: true, value: view } }).send} language="en" />,
      host,
    );
    await settle();
    expect(host.innerHTML).toBe('');
  });
});
