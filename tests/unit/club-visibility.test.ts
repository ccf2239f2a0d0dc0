import { beforeEach, describe, expect, it } from 'vitest';
import { CLUB_DOI, type ClubWorld, makeClubWorld, PAGE_URL, senders } from '../support/club-world';

let t: ClubWorld;
beforeEach(async () => {
  t = await makeClubWorld('club-visibility-test');
});

const published = () => t.club.annotations.filter((annotation) => annotation.replyTo === null);
const shares = async () => {
  const layer = await t.ask({ type: 'club-layer', opened: false });
  if (!layer.ok) throw new Error(layer.error);
  return layer.value.shares;
};

describe('a highlight’s visibility', () => {
  it('cannot be "My club" before connecting, and nothing is recorded or sent', async () => {
    const highlight = await t.highlight();
    const reply = await t.ask({ type: 'highlight-visibility', id: highlight.id, visibility: 'club' });
    expect(reply).toEqual({
      ok: false,
      error: 'You are not connected to a club. Connect on the options page (Your club) first.',
    });
    expect(await shares()).toEqual({});
    expect(t.club.calls).toEqual([]);
  });

  it('is "Only me" by default after connecting: a new highlight is not sent', async () => {
    await t.connect();
    await t.highlight();
    expect(t.club.calls.filter((call) => call.startsWith('publish'))).toEqual([]);
  });

  it('sends the highlight when the reader chooses "My club": passage, question with its words, note, page', async () => {
    await t.connect();
    const highlight = await t.highlight('q2');
    await t.ask({ type: 'highlight-update', id: highlight.id, note: 'Protected time matters.' });
    const reply = await t.ask({ type: 'highlight-visibility', id: highlight.id, visibility: 'club' });
    expect(reply).toEqual({ ok: true, value: { visibility: 'club', share: { visibility: 'club', state: 'queued' } } });
    await t.settled();
    expect(t.club.drafts).toEqual([
      {
        article: {
          doi: CLUB_DOI,
          entryId: 'albers-2020',
          title: expect.stringContaining('Implementation'),
          pageUrl: PAGE_URL,
        },
        localId: highlight.id,
        question: { id: 'q2', text: expect.any(String) },
        note: 'Protected time matters.',
        selectors: highlight.target.selectors,
      },
    ]);
    expect(published()).toHaveLength(1);
    expect(await shares()).toEqual({ [highlight.id]: { visibility: 'club', state: 'published' } });
  });

  it('gives new highlights the club default once the reader chose it', async () => {
    await t.connect(undefined, 'club');
    const highlight = await t.highlight();
    expect(t.club.calls).toContain(`publish ${highlight.id}`);
  });

  it('sends a shared highlight’s edits (note, question) and its deletion', async () => {
    await t.connect(undefined, 'club');
    const highlight = await t.highlight('q1');
    await t.ask({ type: 'highlight-update', id: highlight.id, note: 'Second thoughts.' });
    await t.settled();
    await t.ask({ type: 'highlight-update', id: highlight.id, questionId: 'q3' });
    await t.settled();
    expect(published()).toEqual([expect.objectContaining({ note: 'Second thoughts.', questionId: 'q3' })]);
    await t.ask({ type: 'highlight-delete', id: highlight.id });
    await t.settled();
    expect(published()).toEqual([]);
    expect(await shares()).toEqual({});
  });

  it('deletes the club’s copy when the reader goes back to "Only me", and keeps the highlight', async () => {
    await t.connect(undefined, 'club');
    const highlight = await t.highlight();
    const reply = await t.ask({ type: 'highlight-visibility', id: highlight.id, visibility: 'only-me' });
    // The club's copy is still to be deleted: the card can say so.
    expect(reply).toEqual({
      ok: true,
      value: { visibility: 'only-me', share: { visibility: 'only-me', state: 'queued' } },
    });
    await t.settled();
    expect(published()).toEqual([]);
    expect(await shares()).toEqual({});
    expect((await t.ask({ type: 'highlights' })).ok).toBe(true);
    expect(await t.world.store.get(highlight.id)).toMatchObject({ ok: true });
  });

  it('forgets a copy never sent (offline) when the reader goes back to "Only me": nothing leaves later', async () => {
    await t.connect();
    t.club.state.offline = true;
    const highlight = await t.highlight();
    await t.ask({ type: 'highlight-visibility', id: highlight.id, visibility: 'club' });
    await t.settled();
    expect(await shares()).toEqual({
      [highlight.id]: { visibility: 'club', state: 'failed', reason: expect.stringMatching(/offline/), retrying: true },
    });
    const back = await t.ask({ type: 'highlight-visibility', id: highlight.id, visibility: 'only-me' });
    expect(back).toEqual({ ok: true, value: { visibility: 'only-me', share: null } });
    t.club.state.offline = false;
    t.world.clock.advance(60_000);
    await t.settled();
    expect(published()).toEqual([]);
  });

  it('sends what waited offline on the next drain (the club-sync alarm), after the back-off', async () => {
    await t.connect(undefined, 'club');
    t.club.state.offline = true;
    const first = await t.highlight();
    const second = await t.highlight('q2');
    expect(published()).toEqual([]);
    t.club.state.offline = false;
    await t.settled();
    expect(published()).toEqual([]); // still backing off
    t.world.clock.advance(10_000);
    await t.settled();
    expect(published().map((annotation) => annotation.questionId)).toEqual(['q1', 'q2']);
    expect(await shares()).toEqual({
      [first.id]: { visibility: 'club', state: 'published' },
      [second.id]: { visibility: 'club', state: 'published' },
    });
  });

  it('shares a deleted highlight again when the reader undoes the deletion', async () => {
    await t.connect(undefined, 'club');
    const highlight = await t.highlight();
    t.club.state.offline = true;
    const deleted = await t.ask({ type: 'highlight-delete', id: highlight.id });
    if (!deleted.ok) throw new Error(deleted.error);
    await t.ask({ type: 'highlight-restore', highlight: deleted.value });
    t.club.state.offline = false;
    t.world.clock.advance(10_000);
    await t.settled();
    expect(published()).toHaveLength(1);
    expect(await shares()).toEqual({ [highlight.id]: { visibility: 'club', state: 'published' } });
  });

  it('is changed only from the panel, for a highlight of the tab’s article', async () => {
    await t.connect();
    const highlight = await t.highlight();
    const fromPage = await t.ask({ type: 'highlight-visibility', id: highlight.id, visibility: 'club' }, senders.page);
    expect(fromPage.ok).toBe(false);
    const unknown = await t.ask({ type: 'highlight-visibility', id: crypto.randomUUID(), visibility: 'club' });
    expect(unknown.ok).toBe(false);
    await t.settled();
    expect(t.club.calls.filter((call) => call.startsWith('publish'))).toEqual([]);
  });

  it('tells open panels when a card’s club state changes: the choice recorded, then the outbox’s answer', async () => {
    await t.connect();
    const highlight = await t.highlight('q2');
    // The panels are told without the reader's request waiting: let that telling run first.
    const told = async () => {
      await new Promise((done) => setTimeout(done, 0));
      return t.world.events.filter((event) => event.type === 'club-changed').length;
    };
    const before = await told();
    await t.ask({ type: 'highlight-visibility', id: highlight.id, visibility: 'club' });
    await t.settled();
    // Once for the choice recorded (queued), once for the outbox's answer (published).
    expect((await told()) - before).toBeGreaterThanOrEqual(2);
    // Asked again, the panel now reads the card as published.
    expect((await shares())[highlight.id]).toEqual({ visibility: 'club', state: 'published' });
  });
});
