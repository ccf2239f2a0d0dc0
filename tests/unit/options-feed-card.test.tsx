import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedCard } from '../../components/options/FeedCard';
import type { FeedSummary } from '../../utils/feeds/summary';
import { formatDateTime } from '../../utils/options/format-time';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const feed = (overrides: Partial<FeedSummary> = {}): FeedSummary => ({
  url: 'https://club.example/feed.json',
  clubs: ['Club A', 'Club B'],
  subscribedAt: '2026-11-20T08:00:00.000Z',
  lastAttemptAt: '2026-11-27T10:00:00.000Z',
  lastRefreshAt: '2026-11-26T10:00:00.000Z',
  entryCount: 1_000,
  errors: [],
  outcome: { kind: 'http-error', status: 500, message: '500 Internal Server Error' },
  hasCopy: true,
  ...overrides,
});

function draw(summary: FeedSummary, language = 'en-CA') {
  render(
    <FeedCard feed={summary} language={language} refreshing={false} onRefresh={() => {}} onUnsubscribe={() => {}} />,
    host,
  );
  return host.textContent ?? '';
}

describe('<FeedCard>', () => {
  it('shows a failed refresh with the copy still served, its date in the reader’s language', () => {
    const text = draw(feed());
    expect(text).toContain('ClubsClub A, Club B');
    expect(text).toContain('Entries1,000 entries');
    expect(text).toContain('The server answered with an error: 500 Internal Server Error');
    expect(text).toContain(
      `The last good copy (from ${formatDateTime('2026-11-26T10:00:00.000Z', 'en-CA')}) is still used.`,
    );
    expect(text).toContain('Last attempt');
    expect(host.querySelector('.feed__status--error')).not.toBeNull();
  });

  it('names each broken entry and its field, the feed’s own label replaced', () => {
    draw(
      feed({
        outcome: { kind: 'ok', status: 200, message: '' },
        lastAttemptAt: '2026-11-26T10:00:00.000Z',
        errors: [
          { index: 4, id: 'late-post', message: 'entry "late-post" (#4): year: expected a number' },
          { index: 7, id: null, message: 'entry #7: id: expected a string' },
        ],
      }),
    );
    const items = [...host.querySelectorAll('.feed-errors li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Entry “late-post” (position 5) year: expected a number',
      'Entry at position 8 id: expected a string',
    ]);
    expect(host.querySelector('summary')?.textContent).toBe('2 problems in this feed');
    expect(host.textContent).not.toContain('Last attempt');
    expect(host.querySelector('.feed__status--error')).toBeNull();
  });

  it('labels its buttons with the feed, and says highlights are kept on unsubscribing', () => {
    draw(feed());
    const labels = [...host.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    expect(labels).toEqual([
      'Refresh https://club.example/feed.json',
      'Unsubscribe from https://club.example/feed.json',
    ]);
    const unsubscribe = host.querySelectorAll('button')[1];
    const note = document.getElementById(unsubscribe?.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toBe(
      'Unsubscribing removes this feed’s entries from your catalog. Your highlights are kept.',
    );
  });

  it('formats times with Intl in the UI language', () => {
    expect(formatDateTime('2026-11-27T10:00:00.000Z', 'fr-CA')).toMatch(/27 nov\. 2026/);
    expect(formatDateTime('not a time', 'en')).toBe('not a time');
  });
});
