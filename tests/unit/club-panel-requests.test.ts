import { beforeEach, describe, expect, it } from 'vitest';
import { actionIndicatorFor } from '../../utils/background/action-indicator';
import { refreshNewCounts } from '../../utils/background/club-activity';
import { handleRequest } from '../../utils/background/handle-request';
import { article } from '../support/background-world';
import { BOB } from '../support/club-fake';
import { CLUB_DOI, type ClubWorld, makeClubWorld, senders } from '../support/club-world';

const QUOTE = { type: 'TextQuoteSelector' as const, exact: 'implementation support', prefix: 'of ', suffix: ' is' };

describe('the toolbar badge on a club article', () => {
  it.each([
    [0, 'JC', false],
    [3, '3', true],
    [99, '99', true],
    [150, '99+', true],
  ])('with %i new from the club shows %s', (count, badge, mentioned) => {
    const indicator = actionIndicatorFor('club-article', 'Research Impact Canada', count);
    expect(indicator.badgeText).toBe(badge);
    expect(indicator.badgeColor).toBe(actionIndicatorFor('club-article').badgeColor);
    expect(indicator.title.startsWith('Discussed by Research Impact Canada')).toBe(true);
    expect(indicator.title.includes(`${count} new from the club`)).toBe(mentioned);
  });

  it('the other cases keep their marks whatever the count', () => {
    expect(actionIndicatorFor('club-post', undefined, 5).badgeText).toBe('POST');
    expect(actionIndicatorFor('not-in-catalog', undefined, 5).badgeText).toBe('DOI');
  });
});

describe('the badge follows what is new on the open article', () => {
  let t: ClubWorld;
  beforeEach(async () => {
    t = await makeClubWorld('club-badge-test');
  });
  const lastBadge = () => t.world.indicators.at(-1)?.badgeText;
  const detect = () =>
    handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, senders.page, t.world.services);

  it('shows the count from the last fetch when the article is opened, and JC once the panel has shown them', async () => {
    await detect();
    expect(lastBadge()).toBe('JC');
    await t.connect();
    t.club.add(BOB, CLUB_DOI, { questionId: 'q1', note: 'one', selectors: [QUOTE] });
    t.club.add(BOB, CLUB_DOI, { questionId: 'q2', note: 'two', selectors: [QUOTE] });
    // A fetch that does not open the layer (the page's painting, the feeds alarm) counts them without marking seen.
    const seen = await t.ask({ type: 'club-layer', opened: false });
    expect(seen.ok && seen.value.newCount).toBe(2);
    expect(lastBadge()).toBe('2');
    await detect();
    expect(lastBadge()).toBe('2');
    await t.ask({ type: 'club-layer', opened: true });
    expect(lastBadge()).toBe('JC');
    await detect();
    expect(lastBadge()).toBe('JC');
  });

  it('marks the open article’s button again when the feeds alarm fetched what is new there', async () => {
    await t.connect();
    await detect();
    await t.highlight();
    await t.ask({ type: 'club-layer', opened: true });
    expect(lastBadge()).toBe('JC');
    t.club.add(BOB, CLUB_DOI, { questionId: 'q1', note: 'one', selectors: [QUOTE] });
    t.world.clock.advance(6 * 3_600_000);
    expect(await refreshNewCounts(t.world.services.club.core, t.world.services.club.layer)).toBe(1);
    await expect.poll(lastBadge).toBe('1');
  });
});

describe('club-highlight-reveal', () => {
  it('asks the page to scroll to a listed club highlight, and refuses one the listing lacks', async () => {
    const t = await makeClubWorld('club-reveal-test');
    await t.connect();
    const remoteId = t.club.add(BOB, CLUB_DOI, { questionId: 'q1', note: 'one', selectors: [QUOTE] });
    await t.ask({ type: 'club-layer', opened: true });
    expect(await t.ask({ type: 'club-highlight-reveal', remoteId })).toEqual({ ok: true, value: null });
    expect(t.world.sent.at(-1)).toEqual({ type: 'club-highlight-reveal', remoteId });
    const unknown = await t.ask({ type: 'club-highlight-reveal', remoteId: 'not-listed' });
    expect(unknown.ok).toBe(false);
    expect(t.world.sent.filter((message) => message.type === 'club-highlight-reveal')).toHaveLength(1);
    // Only the panel may ask.
    expect((await t.ask({ type: 'club-highlight-reveal', remoteId }, senders.page)).ok).toBe(false);
  });
});

describe('export with includeClub', () => {
  it('adds the club’s highlights to the Markdown digest only when asked, and only when connected', async () => {
    const t = await makeClubWorld('club-digest-test');
    const digest = async (includeClub?: boolean) => {
      const reply = await t.ask({
        type: 'export',
        format: 'markdown',
        ...(includeClub !== undefined && { includeClub }),
      });
      if (!reply.ok) throw new Error(reply.error);
      return reply.value.text;
    };
    t.club.add(BOB, CLUB_DOI, { questionId: 'q1', note: 'Bob on brokers', selectors: [QUOTE] });
    expect(await digest(true)).not.toContain('From the club');
    await t.connect();
    expect(await digest()).not.toContain('Bob on brokers');
    const withClub = await digest(true);
    expect(withClub).toContain('_From the club:_');
    expect(withClub).toContain(`**${BOB.name}**`);
    expect(withClub).toContain('Bob on brokers');
  });
});

describe('the club’s default visibility for the selection toolbar', () => {
  it.each(['club', 'only-me'] as const)('is told to the page as %s once connected with it', async (visibility) => {
    const t = await makeClubWorld(`club-visibility-prefs-${visibility}`);
    const prefs = () => handleRequest({ type: 'reading-prefs' }, senders.page, t.world.services);
    expect(await prefs()).toMatchObject({ ok: true, value: { clubVisibility: null } });
    await t.connect(undefined, visibility);
    expect(await prefs()).toMatchObject({ ok: true, value: { clubVisibility: visibility } });
  });
});
