import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ClubBackend } from '../../utils/club/backend';
import { createOutbox } from '../../utils/club/outbox';
import { shared, statusOf, withdrawn } from '../../utils/club/share-state';
import { createClubShareStore } from '../../utils/db/club-share-store';
import { listClubShares } from '../../utils/db/club-shares';
import { lazyJournalClubDb } from '../../utils/db/connection';
import { expectOk } from '../support/unit/db-fixtures';

const ARTICLE = { doi: '10.1234/club', entryId: 'entry-1' };
const highlight = (id: string, doiKey = '10.1234/club') => ({ id, doiKey, article: ARTICLE });

describe('the outbox over IndexedDB (store clubShares)', () => {
  it('keeps intents across reopening, lists an article’s shares, and skips a damaged record', async () => {
    const factory = new IDBFactory();
    const database = lazyJournalClubDb(factory, 'club-shares-test');
    const store = createClubShareStore(database);
    await store.update('h1', (current) => shared(current, highlight('h1'), 1_000));
    await store.update('h2', (current) => shared(current, highlight('h2', '10.9/other'), 1_000));
    const db = expectOk(await database());
    await db.put('clubShares', { highlightId: 'broken', doiKey: '10.1234/club' } as never);

    const reopened = createClubShareStore(lazyJournalClubDb(factory, 'club-shares-test'));
    expect((await reopened.list()).map((share) => share.highlightId).sort()).toEqual(['h1', 'h2']);
    const article = expectOk(await listClubShares(db, '10.1234/club'));
    expect(article.shares.map((share) => share.highlightId)).toEqual(['h1']);
    expect(article.damaged).toBe(1);
  });

  it('drains into the service and records the remote ids, then the deletion', async () => {
    const store = createClubShareStore(lazyJournalClubDb(new IDBFactory(), 'club-shares-drain'));
    const sent: string[] = [];
    const backend: ClubBackend = {
      kind: 'hypothesis',
      whoAmI: async () => ({ ok: true, value: { id: 'acct:me', name: 'Me' } }),
      list: async () => ({ ok: true, value: { annotations: [], requests: 1 } }),
      publish: async (draft) => {
        sent.push(`publish ${draft.localId}`);
        return { ok: true, value: { remoteId: `remote-${draft.localId}` } };
      },
      update: async (remoteId) => {
        sent.push(`update ${remoteId}`);
        return { ok: true, value: undefined };
      },
      remove: async (remoteId) => {
        sent.push(`remove ${remoteId}`);
        return { ok: true, value: undefined };
      },
    };
    const draftOf = async (id: string) => ({
      article: { ...ARTICLE, title: 'T', pageUrl: 'https://example.org/a' },
      localId: id,
      question: null,
      note: 'n',
    });
    const outbox = createOutbox({ store, backend, draftOf, now: () => 2_000 });
    await store.update('h1', (current) => shared(current, highlight('h1'), 1_000));
    await outbox.drain();
    const published = await store.get('h1');
    expect(published?.remoteId).toBe('remote-h1');
    expect(published && statusOf(published)).toEqual({ state: 'published' });
    await store.update('h1', (current) => current && withdrawn(current, 1_500));
    await outbox.drain();
    expect(sent).toEqual(['publish h1', 'remove remote-h1']);
    expect(await store.get('h1')).toBeNull();
  });
});
