import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClubBackend, ClubDraft, ClubFailure, ClubResult } from '../../utils/club/backend';
import { createOutbox, type ShareStore } from '../../utils/club/outbox';
import { type ClubShare, edited, shared, statusOf, withdrawn } from '../../utils/club/share-state';

const ARTICLE = { doi: '10.1234/club', entryId: 'entry-1' };

/** A service that keeps what it is sent, and fails the calls a test tells it to. */
function fakeService() {
  const copies = new Map<string, ClubDraft>();
  const failures: ClubFailure[] = [];
  /** What the reader does while a call is out, one step per call. */
  const meanwhile: (() => Promise<void>)[] = [];
  let next = 0;
  let calls = 0;
  const answer = async <T>(value: () => T): Promise<ClubResult<T>> => {
    calls += 1;
    await meanwhile.shift()?.();
    const failure = failures.shift();
    return failure ? { ok: false, ...failure } : { ok: true, value: value() };
  };
  const backend: ClubBackend = {
    kind: 'solid',
    whoAmI: () => answer(() => ({ id: 'me', name: 'Me' })),
    list: () => answer(() => ({ annotations: [], requests: 1 })),
    publish: (draft) =>
      answer(() => {
        next += 1;
        copies.set(`r${next}`, draft);
        return { remoteId: `r${next}` };
      }),
    update: (remoteId, draft) =>
      answer(() => {
        if (!copies.has(remoteId)) throw new Error(`update of unknown ${remoteId}`);
        copies.set(remoteId, draft);
      }),
    remove: (remoteId) => answer(() => void copies.delete(remoteId)),
  };
  return { backend, copies, failures, meanwhile, calls: () => calls };
}

function memoryStore(): ShareStore & { records: Map<string, ClubShare> } {
  const records = new Map<string, ClubShare>();
  return {
    records,
    list: async () => [...records.values()],
    get: async (id) => records.get(id) ?? null,
    update: async (id, next) => {
      const record = next(records.get(id) ?? null);
      if (record) records.set(id, record);
      else records.delete(id);
    },
  };
}

/** The reader's side: highlights with notes, and the intents the background records when they act. */
function reader() {
  const notes = new Map<string, string>();
  const store = memoryStore();
  let clock = 1_000;
  const now = () => clock;
  const draftOf = async (id: string): Promise<ClubDraft | null> => {
    const note = notes.get(id);
    return note === undefined
      ? null
      : { article: { ...ARTICLE, title: 'T', pageUrl: 'https://example.org/a' }, localId: id, question: null, note };
  };
  const record = (id: string, change: (current: ClubShare | null) => ClubShare | null) => store.update(id, change);
  return {
    notes,
    store,
    now,
    draftOf,
    tick: (ms: number) => (clock += ms),
    share: async (id: string, note: string) => {
      if (notes.has(id)) return;
      notes.set(id, note);
      return record(id, (current) => shared(current, { id, doiKey: ARTICLE.doi, article: ARTICLE }, now()));
    },
    edit: async (id: string, note: string) => {
      if (!notes.has(id)) return;
      notes.set(id, note);
      return record(id, (current) => (current ? edited(current, now()) : null));
    },
    remove: (id: string) => {
      notes.delete(id);
      return record(id, (current) => (current ? withdrawn(current, now()) : null));
    },
  };
}

describe('club outbox', () => {
  it('publishes a shared highlight once and marks it published', async () => {
    const me = reader();
    const service = fakeService();
    const outbox = createOutbox({ ...me, backend: service.backend });
    await me.share('h1', 'first note');
    expect(statusOf(me.store.records.get('h1') as ClubShare)).toEqual({ state: 'queued' });
    expect(await outbox.drain()).toEqual({ sent: 1, failed: 0, stoppedBy: null });
    expect([...service.copies.values()].map((copy) => copy.note)).toEqual(['first note']);
    expect(statusOf(me.store.records.get('h1') as ClubShare)).toEqual({ state: 'published' });
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 0, stoppedBy: null });
  });

  it('keeps everything queued while offline, then sends the latest text when back', async () => {
    const me = reader();
    const service = fakeService();
    const outbox = createOutbox({ ...me, backend: service.backend });
    await me.share('h1', 'one');
    await me.share('h2', 'two');
    service.failures.push({ code: 'offline' });
    const report = await outbox.drain();
    expect(report).toEqual({ sent: 0, failed: 1, stoppedBy: { code: 'offline' } });
    expect(service.calls()).toBe(1);
    const first = me.store.records.get('h1') as ClubShare;
    expect(statusOf(first)).toEqual({ state: 'failed', failure: { code: 'offline' }, retrying: true });
    await me.edit('h1', 'one, edited offline');
    await me.edit('h1', 'one, edited offline');
    me.tick(60_000);
    expect(await outbox.drain()).toEqual({ sent: 2, failed: 0, stoppedBy: null });
    expect([...service.copies.values()].map((copy) => copy.note).sort()).toEqual(['one, edited offline', 'two']);
  });

  it('waits as long as the service asks after a 429', async () => {
    const me = reader();
    const service = fakeService();
    const outbox = createOutbox({ ...me, backend: service.backend });
    await me.share('h1', 'one');
    service.failures.push({ code: 'rate-limited', retryAfterMs: 30_000 });
    await outbox.drain();
    me.tick(29_000);
    expect((await outbox.drain()).sent).toBe(0);
    me.tick(1_000);
    expect((await outbox.drain()).sent).toBe(1);
  });

  it('does not retry on its own what the service refused, until the reader asks', async () => {
    const me = reader();
    const service = fakeService();
    const outbox = createOutbox({ ...me, backend: service.backend });
    await me.share('h1', 'one');
    service.failures.push({ code: 'unauthorized' });
    await outbox.drain();
    me.tick(24 * 3_600_000);
    expect(await outbox.drain()).toEqual({ sent: 0, failed: 0, stoppedBy: null });
    expect(statusOf(me.store.records.get('h1') as ClubShare)).toMatchObject({ state: 'failed', retrying: false });
    await me.edit('h1', 'after a new token');
    expect((await outbox.drain()).sent).toBe(1);
  });

  it('forgets a highlight withdrawn before it was ever sent, and deletes a published one', async () => {
    const me = reader();
    const service = fakeService();
    const outbox = createOutbox({ ...me, backend: service.backend });
    await me.share('h1', 'never sent');
    await me.remove('h1');
    expect(me.store.records.size).toBe(0);
    await me.share('h2', 'sent');
    await outbox.drain();
    await me.remove('h2');
    expect(statusOf(me.store.records.get('h2') as ClubShare)).toEqual({ state: 'queued' });
    await outbox.drain();
    expect(service.copies.size).toBe(0);
    expect(me.store.records.size).toBe(0);
  });

  it('publishes afresh a copy the service lost', async () => {
    const me = reader();
    const service = fakeService();
    const outbox = createOutbox({ ...me, backend: service.backend });
    await me.share('h1', 'one');
    await outbox.drain();
    service.copies.clear();
    await me.edit('h1', 'two');
    service.failures.push({ code: 'not-found' });
    await outbox.drain();
    await outbox.drain();
    expect([...service.copies.values()].map((copy) => copy.note)).toEqual(['two']);
  });

  it('publishes afresh a highlight shared again while its deletion was out, and never updates the deleted copy', async () => {
    const me = reader();
    const service = fakeService();
    const outbox = createOutbox({ ...me, backend: service.backend });
    await me.share('h1', 'one');
    await outbox.drain();
    await me.remove('h1');
    // The reader shares it again while the deletion is on its way (found by the property test below).
    service.meanwhile.push(() => me.share('h1', 'again'));
    await outbox.drain();
    await outbox.drain();
    expect([...service.copies.entries()]).toEqual([['r2', expect.objectContaining({ note: 'again' })]]);
    expect(statusOf(me.store.records.get('h1') as ClubShare)).toEqual({ state: 'published' });
  });

  it('runs one drain at a time, and once more for what was asked during it', async () => {
    const me = reader();
    const service = fakeService();
    const outbox = createOutbox({ ...me, backend: service.backend });
    await me.share('h1', 'one');
    const first = outbox.drain();
    await me.share('h2', 'two');
    const second = outbox.drain();
    expect(second).toBe(first);
    expect((await first).sent).toBe(2);
    expect(service.copies.size).toBe(2);
  });

  it('ends, whatever the reader does and however the service fails, with the club holding exactly what the reader shares', async () => {
    const failure = fc.constantFrom<ClubFailure>(
      { code: 'offline' },
      { code: 'server', status: 503 },
      { code: 'rate-limited', retryAfterMs: 2_000 },
    );
    const readerAction = fc.oneof(
      fc.record({ kind: fc.constant('share' as const), id: fc.constantFrom('a', 'b', 'c'), note: fc.string() }),
      fc.record({ kind: fc.constant('edit' as const), id: fc.constantFrom('a', 'b', 'c'), note: fc.string() }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom('a', 'b', 'c') }),
    );
    const action = fc.oneof(
      readerAction,
      fc.record({
        kind: fc.constant('drain' as const),
        failures: fc.array(failure, { maxLength: 3 }),
        // The reader keeps acting while calls are out: edits and deletions race the outbox.
        meanwhile: fc.array(readerAction, { maxLength: 3 }),
      }),
    );
    type ReaderAction = typeof readerAction extends fc.Arbitrary<infer A> ? A : never;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 30 }), async (actions) => {
        const me = reader();
        const service = fakeService();
        const outbox = createOutbox({ ...me, backend: service.backend });
        const act = (step: ReaderAction) =>
          step.kind === 'share'
            ? me.share(step.id, step.note)
            : step.kind === 'edit'
              ? me.edit(step.id, step.note)
              : me.remove(step.id);
        for (const step of actions) {
          if (step.kind !== 'drain') await act(step);
          else {
            service.failures.push(...step.failures);
            service.meanwhile.push(...step.meanwhile.map((inner) => () => act(inner)));
            await outbox.drain();
          }
          me.tick(1_000);
        }
        service.failures.length = 0;
        service.meanwhile.length = 0;
        me.tick(60 * 60_000);
        await outbox.drain();
        const published = [...service.copies.values()].map((copy) => `${copy.localId}:${copy.note}`).sort();
        const local = [...me.notes].map(([id, note]) => `${id}:${note}`).sort();
        expect(published).toEqual(local);
        expect([...me.store.records.values()].every((share) => share.pending === 'none')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
