import { beforeEach, describe, expect, it } from 'vitest';
import { LAYER_MIN_INTERVAL_MS } from '../../utils/background/club-layer';
import { MAX_PAINTED_CLUB_HIGHLIGHTS } from '../../utils/club/paint-order';
import { BOB } from '../support/club-fake';
import { CLUB_DOI, type ClubWorld, makeClubWorld, senders } from '../support/club-world';

let t: ClubWorld;
beforeEach(async () => {
  t = await makeClubWorld('club-page-layer-test');
});

const QUOTE = { type: 'TextQuoteSelector' as const, exact: 'implementation support', prefix: 'of ', suffix: ' is' };

async function painted() {
  const reply = await t.ask({ type: 'club-page-layer' }, senders.page);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value.map((highlight) => highlight.remoteId);
}
const changes = () => t.world.sent.filter((message) => message.type === 'club-layer-changed').length;
/** Lets the notifications sent after a fetch (not awaited by it) arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the club highlights a page paints', () => {
  it('leaves out the reader’s own published copies, which the page draws as the reader’s', async () => {
    await t.connect(undefined, 'club');
    await t.highlight('q1');
    const bob = t.club.add(BOB, CLUB_DOI, { questionId: 'q2', selectors: [QUOTE] });
    expect(t.club.annotations).toHaveLength(2);
    expect(await painted()).toEqual([bob]);
  });

  it('sends the page at most the first 1,000 by position, however many the club has', async () => {
    await t.connect();
    for (let index = 0; index < 1_500; index++) {
      const start = (index * 7) % 1_500;
      t.club.add(BOB, CLUB_DOI, {
        questionId: 'q1',
        selectors: [QUOTE, { type: 'TextPositionSelector', start, end: start + 22 }],
      });
    }
    const reply = await t.ask({ type: 'club-page-layer' }, senders.page);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.value).toHaveLength(MAX_PAINTED_CLUB_HIGHLIGHTS);
    const starts = reply.value.map(
      (highlight) => highlight.selectors.find((selector) => selector.type === 'TextPositionSelector')?.start ?? -1,
    );
    expect(starts).toEqual(Array.from({ length: MAX_PAINTED_CLUB_HIGHLIGHTS }, (_, index) => index));
  });

  it('tells the article’s tab when a fetch brings new data, and not when nothing changed', async () => {
    await t.connect();
    await settle();
    const before = changes();
    t.club.add(BOB, CLUB_DOI, { questionId: 'q2', selectors: [QUOTE] });
    await t.ask({ type: 'club-layer', opened: true });
    await settle();
    expect(changes()).toBe(before + 1);
    t.world.clock.advance(LAYER_MIN_INTERVAL_MS);
    await t.ask({ type: 'club-layer', opened: true });
    await settle();
    expect(changes()).toBe(before + 1);
  });

  it('is empty while "Show the club’s highlights" is off, and every club tab is told of a switch', async () => {
    await t.connect();
    const bob = t.club.add(BOB, CLUB_DOI, { questionId: 'q2', selectors: [QUOTE] });
    expect(await t.ask({ type: 'club-highlights-setting' }, senders.options)).toEqual({ ok: true, value: true });
    const before = changes();
    expect(await t.ask({ type: 'club-highlights-setting', show: false }, senders.panel)).toEqual({
      ok: true,
      value: false,
    });
    expect(changes()).toBe(before + 1);
    expect(await painted()).toEqual([]);
    expect((await t.world.services.settings.get()).clubHighlights).toBe(false);
    await t.ask({ type: 'club-highlights-setting', show: true }, senders.options);
    expect(await painted()).toEqual([bob]);
  });

  it('takes the setting from extension pages only, never from the article’s page', async () => {
    const reply = await t.ask({ type: 'club-highlights-setting', show: false }, senders.page);
    expect(reply.ok).toBe(false);
    expect((await t.world.services.settings.get()).clubHighlights).toBe(true);
  });

  it('opens the panel at a clicked club highlight, from the page only', async () => {
    await t.connect();
    expect(await t.ask({ type: 'club-highlight-activated', remoteId: 'r-1' }, senders.page)).toEqual({
      ok: true,
      value: null,
    });
    expect(t.world.events).toContainEqual({ type: 'focus-club-highlight', remoteId: 'r-1' });
    expect((await t.ask({ type: 'club-highlight-activated', remoteId: 'r-1' }, senders.panel)).ok).toBe(false);
  });
});
