import { beforeEach, describe, expect, it } from 'vitest';
import { refreshNewCounts } from '../../utils/background/club-activity';
import { createClubLayer, LAYER_MIN_INTERVAL_MS } from '../../utils/background/club-layer';
import { parseBackgroundRequest } from '../../utils/protocol/requests';
import { BOB } from '../support/club-fake';
import { CLUB_DOI, type ClubWorld, makeClubWorld, senders } from '../support/club-world';
import { mapSessionArea } from '../support/session-area';

let t: ClubWorld;
beforeEach(async () => {
  t = await makeClubWorld('club-layer-test');
});

const QUOTE = { type: 'TextQuoteSelector' as const, exact: 'implementation support', prefix: 'of ', suffix: ' is' };
const POSITION = { type: 'TextPositionSelector' as const, start: 40, end: 62 };
const ALICE = { id: 'acct:alice@hypothes.is', name: 'Alice' };

/** Bob's highlight under a question, with a note. */
const bobHighlights = (questionId = 'q2', note = 'Bob thinks so') =>
  t.club.add(BOB, CLUB_DOI, { questionId, note, selectors: [QUOTE, POSITION] });

const lists = () => t.club.calls.filter((call) => call.startsWith('list')).length;

async function layer(opened = false) {
  const reply = await t.ask({ type: 'club-layer', opened });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

describe('the club layer of an article', () => {
  it('is empty, and asks no service, before connecting', async () => {
    bobHighlights();
    const view = await layer(true);
    expect(view).toMatchObject({ connected: false, me: null, threads: { questions: [], total: 0 }, newCount: 0 });
    expect(t.club.calls).toEqual([]);
  });

  it('groups the club’s highlights by question in the catalog’s order, replies nested by time', async () => {
    await t.connect();
    const q3 = t.club.add(ALICE, CLUB_DOI, { questionId: 'q3', note: 'Alice on q3', selectors: [QUOTE] });
    const q1 = bobHighlights('q1');
    const reply = t.club.add(ALICE, CLUB_DOI, { replyTo: q1, note: 'Agreed' });
    t.club.add(BOB, CLUB_DOI, { replyTo: reply, note: 'Thanks' });
    t.club.add(BOB, CLUB_DOI, { replyTo: 'gone', note: 'to a deleted highlight' });
    t.club.add(BOB, '10.9999/another-article', { questionId: 'q1' });
    const { threads, connected, me } = await layer(true);
    expect(connected).toBe(true);
    expect(me?.name).toBe('Reader');
    expect(threads.questions.map((group) => group.questionId)).toEqual(['q1', 'q3']);
    const [first] = threads.questions[0]?.threads ?? [];
    expect(first?.annotation).toMatchObject({ remoteId: q1, author: BOB, note: 'Bob thinks so', mine: false });
    expect(first?.replies.map((node) => node.annotation.note)).toEqual(['Agreed']);
    expect(first?.replies[0]?.replies.map((node) => node.annotation.note)).toEqual(['Thanks']);
    expect(threads.questions[1]?.threads[0]?.annotation.remoteId).toBe(q3);
    expect(threads).toMatchObject({ total: 5, unthreaded: 1 });
  });

  it('lists the reader’s own shared highlights once (from IndexedDB), with others’ replies to them', async () => {
    await t.connect(undefined, 'club');
    const mine = await t.highlight('q1');
    const remote = t.club.annotations[0]?.remoteId as string;
    t.club.add(BOB, CLUB_DOI, { replyTo: remote, note: 'Good catch' });
    const { threads, shares } = await layer(true);
    expect(threads.questions).toEqual([]);
    expect(threads.onMine[mine.id]?.map((node) => node.annotation.note)).toEqual(['Good catch']);
    expect(shares[mine.id]).toEqual({ visibility: 'club', state: 'published' });
  });

  it('asks the service at most once a minute, sooner when the panel opens, and once for simultaneous asks', async () => {
    await t.connect();
    await Promise.all([layer(), layer(), layer()]);
    expect(lists()).toBe(1);
    t.world.clock.advance(10_000);
    await layer();
    expect(lists()).toBe(1);
    await layer(true);
    expect(lists()).toBe(2);
    await layer(true);
    expect(lists()).toBe(2); // the panel opened twice in a row
    t.world.clock.advance(LAYER_MIN_INTERVAL_MS);
    await layer();
    expect(lists()).toBe(3);
  });

  it('is kept in session storage, so a worker that slept does not ask again within the minute', async () => {
    await t.connect();
    bobHighlights();
    await layer();
    const woken = createClubLayer(t.world.services.club.core, mapSessionArea(t.world.session));
    t.world.services.club.layer = woken;
    const view = await layer();
    expect(lists()).toBe(1);
    expect(view.threads.total).toBe(1);
  });

  it('copies only the last few articles to session storage, which the tabs’ records share', async () => {
    await t.connect();
    const { layer: clubLayer } = t.world.services.club;
    for (const doi of ['10.5555/a', '10.5555/b', '10.5555/c', '10.5555/d']) {
      await clubLayer.listing({ doi, entryId: 'albers-2020' });
    }
    const copies = [...t.world.session.keys()].filter((key) => key.startsWith('club-layer:'));
    expect(copies).toEqual(['club-layer:10.5555/b', 'club-layer:10.5555/c', 'club-layer:10.5555/d']);
    await t.ask({ type: 'club-disconnect', deletePublished: false }, senders.options);
    expect([...t.world.session.keys()].filter((key) => key.startsWith('club-layer'))).toEqual([]);
  });

  it('keeps the last listing when the service fails, says why, and does not ask again at once', async () => {
    await t.connect();
    bobHighlights();
    await layer(true);
    t.world.clock.advance(LAYER_MIN_INTERVAL_MS);
    t.club.state.failNext.push({ code: 'server', status: 503 });
    const view = await layer();
    expect(view.failure).toBe('The club’s service had a problem (error 503). It is tried again in a few minutes.');
    expect(view.threads.total).toBe(1);
    await layer();
    expect(lists()).toBe(2);
  });

  it('gives the page only what it paints: others’ highlights’ selectors and questions, no note, no name, no reply', async () => {
    await t.connect(undefined, 'club');
    await t.highlight();
    const bob = bobHighlights('q2', 'A private thought');
    t.club.add(BOB, CLUB_DOI, { replyTo: bob, note: 'reply' });
    const reply = await t.ask({ type: 'club-page-layer' }, senders.page);
    expect(reply).toEqual({ ok: true, value: [{ remoteId: bob, questionId: 'q2', selectors: [QUOTE, POSITION] }] });
    expect(JSON.stringify(reply)).not.toMatch(/Bob|private|reply/);
  });

  it('gives a page on another site nothing, as for the reader’s own highlights', async () => {
    await t.connect();
    bobHighlights();
    const elsewhere = { ...senders.page, url: 'https://mirror.example/copy' };
    expect(await t.ask({ type: 'club-page-layer' }, elsewhere)).toEqual({ ok: true, value: [] });
    expect(lists()).toBe(0);
  });

  it('is asked for by the panel, and painted for the page, never the other way round', async () => {
    await t.connect();
    expect((await t.ask({ type: 'club-layer', opened: true }, senders.page)).ok).toBe(false);
    expect((await t.ask({ type: 'club-page-layer' }, senders.panel)).ok).toBe(false);
  });
});

describe('new activity', () => {
  it('counts others’ annotations since the reader last opened the layer, never their own', async () => {
    await t.connect(undefined, 'club');
    await t.highlight();
    bobHighlights();
    bobHighlights('q3');
    expect((await layer(true)).newCount).toBe(2);
    const seen = await layer();
    expect(seen.newCount).toBe(0);
    expect(seen.seenBefore).not.toBeNull();
    bobHighlights('q1');
    t.world.clock.advance(LAYER_MIN_INTERVAL_MS);
    expect((await layer()).newCount).toBe(1);
    const list = await t.ask({ type: 'reading-list' }, senders.options);
    expect(list.ok && list.value.entries.find((entry) => entry.id === 'albers-2020')?.clubNew).toBe(1);
    const status = await t.ask({ type: 'tab-status', tabId: 9 }, senders.options);
    expect(status.ok && status.value).toMatchObject({ kind: 'club-article', clubNew: 1 });
  });

  it('is not in the reading list before connecting', async () => {
    const list = await t.ask({ type: 'reading-list' }, senders.options);
    expect(list.ok && list.value.entries.every((entry) => !('clubNew' in entry))).toBe(true);
  });

  it('is refreshed on the feeds alarm for articles the reader read, a few per alarm', async () => {
    await t.connect();
    expect(await refreshNewCounts(t.world.services.club.core, t.world.services.club.layer)).toBe(0);
    await t.highlight();
    bobHighlights();
    expect(await refreshNewCounts(t.world.services.club.core, t.world.services.club.layer)).toBe(1);
    const list = await t.ask({ type: 'reading-list' }, senders.options);
    expect(list.ok && list.value.entries.find((entry) => entry.id === 'albers-2020')?.clubNew).toBe(1);
  });
});

describe('replies and the reader’s own club annotations', () => {
  it('sends a reply under its thread, shown at once without listing again', async () => {
    await t.connect();
    const bob = bobHighlights();
    await layer(true);
    const reply = await t.ask({ type: 'club-reply', replyTo: bob, note: 'I agree' });
    if (!reply.ok) throw new Error(reply.error);
    const thread = reply.value.threads.questions[0]?.threads[0];
    expect(thread?.replies.map((node) => [node.annotation.note, node.annotation.mine])).toEqual([['I agree', true]]);
    expect(t.club.drafts.at(-1)).toMatchObject({ replyTo: bob, note: 'I agree', question: null });
    expect(lists()).toBe(1);
    // The background reads the note as the protocol parsed it: trimmed, and never empty.
    expect(parseBackgroundRequest({ type: 'club-reply', replyTo: bob, note: '  I agree ' })).toMatchObject({
      note: 'I agree',
    });
    expect(parseBackgroundRequest({ type: 'club-reply', replyTo: bob, note: '   ' })).toBeNull();
  });

  it('edits and deletes the reader’s own replies, and refuses others’', async () => {
    await t.connect();
    const bob = bobHighlights();
    await layer(true);
    const replied = await t.ask({ type: 'club-reply', replyTo: bob, note: 'First' });
    const mine = replied.ok ? replied.value.threads.questions[0]?.threads[0]?.replies[0]?.annotation.remoteId : '';
    const edited = await t.ask({ type: 'club-edit', remoteId: mine as string, note: 'Second' });
    expect(edited.ok && edited.value.threads.questions[0]?.threads[0]?.replies[0]?.annotation.note).toBe('Second');
    expect(t.club.annotations.find((annotation) => annotation.remoteId === mine)?.note).toBe('Second');
    for (const request of [
      { type: 'club-edit' as const, remoteId: bob, note: 'Hijack' },
      { type: 'club-delete' as const, remoteId: bob },
    ]) {
      expect(await t.ask(request)).toEqual({
        ok: false,
        error: 'Only the member who wrote this annotation can change or delete it.',
      });
    }
    expect(t.club.calls.filter((call) => call === `update ${bob}` || call === `remove ${bob}`)).toEqual([]);
    const deleted = await t.ask({ type: 'club-delete', remoteId: mine as string });
    expect(deleted.ok && deleted.value.threads.questions[0]?.threads[0]?.replies).toEqual([]);
  });

  it('refuses an annotation it has not listed, and the reader’s shared highlights (changed from their cards)', async () => {
    await t.connect(undefined, 'club');
    await t.highlight();
    await layer(true);
    const own = t.club.annotations[0]?.remoteId as string;
    expect(await t.ask({ type: 'club-delete', remoteId: own })).toEqual({
      ok: false,
      error: 'This is one of your own highlights; change or delete it from its card.',
    });
    const unknown = await t.ask({ type: 'club-reply', replyTo: 'r999', note: 'Hello' });
    expect(!unknown.ok && unknown.error).toMatch(/^This annotation is no longer in the club’s listing/);
  });

  it('says why a reply could not be sent, and keeps the thread as it was', async () => {
    await t.connect();
    const bob = bobHighlights();
    await layer(true);
    t.club.state.failNext.push({ code: 'unauthorized' });
    const reply = await t.ask({ type: 'club-reply', replyTo: bob, note: 'Lost?' });
    expect(!reply.ok && reply.error).toMatch(/^The token was refused — paste a new one/);
    expect((await layer()).threads.questions[0]?.threads[0]?.replies).toEqual([]);
  });
});
