import { beforeEach, describe, expect, it } from 'vitest';
import { BOB } from '../support/club-fake';
import { CLUB_DOI, type ClubWorld, makeClubWorld, senders } from '../support/club-world';

let t: ClubWorld;
beforeEach(async () => {
  t = await makeClubWorld('club-disconnect-test');
  await t.connect(undefined, 'club');
});

const mineOnService = () => t.club.annotations.filter((annotation) => annotation.author.name === 'Reader');
const disconnect = (deletePublished: boolean) => t.ask({ type: 'club-disconnect', deletePublished }, senders.options);
const localCount = async () => {
  const listed = await t.world.store.listAll();
  return listed.ok ? listed.value.highlights.length : -1;
};

describe('disconnecting', () => {
  it('forgets the connection and the share records, leaving the club’s copies and every local highlight', async () => {
    const highlight = await t.highlight();
    await t.highlight('q2');
    const reply = await disconnect(false);
    expect(reply).toEqual({
      ok: true,
      value: { deleted: 0, notDeleted: 0, status: { connection: null, queued: 0, failed: [], lastSync: null } },
    });
    expect(mineOnService()).toHaveLength(2);
    expect(await localCount()).toBe(2);
    expect(t.world.clubAlarm.running).toBe(false);
    const layer = await t.ask({ type: 'club-layer', opened: true });
    expect(layer.ok && layer.value).toMatchObject({ connected: false, shares: {} });
    // Without a connection, a later edit sends nothing anywhere.
    await t.ask({ type: 'highlight-update', id: highlight.id, note: 'after' });
    expect(t.club.calls.filter((call) => call.startsWith('update'))).toEqual([]);
  });

  it('deletes the reader’s published annotations first when asked, and says how many went', async () => {
    await t.highlight();
    await t.highlight('q2');
    t.club.add(BOB, CLUB_DOI, { questionId: 'q1', note: 'Bob’s stays' });
    const reply = await disconnect(true);
    expect(reply.ok && [reply.value.deleted, reply.value.notDeleted]).toEqual([2, 0]);
    expect(mineOnService()).toEqual([]);
    expect(t.club.annotations.map((annotation) => annotation.note)).toEqual(['Bob’s stays']);
    expect(await localCount()).toBe(2);
  });

  it('reports the annotations it could not delete, and disconnects all the same', async () => {
    await t.highlight();
    await t.highlight('q2');
    t.club.state.failNext.push({ code: 'forbidden' });
    const partly = await disconnect(true);
    expect(partly.ok && [partly.value.deleted, partly.value.notDeleted]).toEqual([1, 1]);
    expect(partly.ok && partly.value.status.connection).toBeNull();
    expect(mineOnService()).toHaveLength(1);
  });

  it('deletes nothing offline, says so, and still forgets the token', async () => {
    await t.highlight();
    t.club.state.offline = true;
    const reply = await disconnect(true);
    expect(reply.ok && [reply.value.deleted, reply.value.notDeleted]).toEqual([0, 1]);
    expect(reply.ok && reply.value.status.connection).toBeNull();
    expect(await localCount()).toBe(1);
  });

  it('sends no highlight that was waiting to be published', async () => {
    t.club.state.offline = true;
    await t.highlight();
    t.club.state.offline = false;
    t.world.clock.advance(60_000); // its retry is due
    const attempts = t.club.calls.length;
    const reply = await disconnect(true);
    expect(reply.ok && [reply.value.deleted, reply.value.notDeleted]).toEqual([0, 0]);
    expect(t.club.calls.slice(attempts)).toEqual([]);
    expect(mineOnService()).toEqual([]);
  });
});
