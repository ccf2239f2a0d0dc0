import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { getCollapsed, setCollapsed } from '../../utils/db/article-state';
import { openJournalClubDb } from '../../utils/db/open';
import type { JournalClubDb } from '../../utils/db/schema';
import { ALBERS_DOI, expectOk } from '../support/unit/db-fixtures';

let db: JournalClubDb;
beforeEach(async () => {
  db = expectOk(await openJournalClubDb(new IDBFactory(), 'journal-club'));
});

describe('the panel state per article', () => {
  it('is open on an article the reader never collapsed', async () => {
    expect(await getCollapsed(db, ALBERS_DOI)).toBe(false);
  });

  it.each([
    [true, ALBERS_DOI, ALBERS_DOI.toUpperCase()],
    [false, ALBERS_DOI.toUpperCase(), ALBERS_DOI],
  ])('remembers collapsed = %s whatever case the DOI was printed in', async (collapsed, savedAs, readAs) => {
    expectOk(await setCollapsed(db, savedAs, !collapsed));
    expectOk(await setCollapsed(db, savedAs, collapsed));

    expect(await getCollapsed(db, readAs)).toBe(collapsed);
    expect(await db.count('articleState')).toBe(1);
  });

  it('stores the DOI key and when the reader changed it', async () => {
    expectOk(await setCollapsed(db, ALBERS_DOI.toUpperCase(), true, new Date('2024-05-01T12:00:00Z')));

    expect(await db.getAll('articleState')).toEqual([
      { doiKey: ALBERS_DOI, collapsed: true, updatedAt: '2024-05-01T12:00:00.000Z' },
    ]);
  });

  it('reads a damaged row as open', async () => {
    await db.put('articleState', { doiKey: ALBERS_DOI, collapsed: 'yes' as unknown as boolean, updatedAt: '' });
    expect(await getCollapsed(db, ALBERS_DOI)).toBe(false);
  });

  it('reads as open, and reports a failed write, when the connection is gone', async () => {
    db.close();
    expect(await getCollapsed(db, ALBERS_DOI)).toBe(false);
    expect(await setCollapsed(db, ALBERS_DOI, true)).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
  });
});
