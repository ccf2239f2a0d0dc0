import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { storageErrorText } from '../../utils/background/storage-messages';
import {
  countHighlightsByDoi,
  listAllHighlights,
  listHighlightsByDoi,
  listHighlightsByQuestion,
} from '../../utils/db/highlight-lists';
import { deleteHighlight, getHighlight, saveHighlight, saveHighlights } from '../../utils/db/highlights';
import { openJournalClubDb } from '../../utils/db/open';
import type { JournalClubDb } from '../../utils/db/schema';
import { NOTE_MAX_LENGTH } from '../../utils/highlights/highlight';
import { ALBERS_DOI, expectOk, makeHighlight } from '../support/unit/db-fixtures';

const OTHER_DOI = '10.1000/another-article';

let db: JournalClubDb;
beforeEach(async () => {
  db = expectOk(await openJournalClubDb(new IDBFactory(), 'journal-club'));
});

describe('saving, loading and deleting a highlight', () => {
  it('saves a highlight with the index keys derived from it', async () => {
    const highlight = makeHighlight({ doi: '10.1186/S12913-020-05145-1', questionId: null });

    expect(await saveHighlight(db, highlight)).toEqual({ ok: true, value: highlight });
    expect(await getHighlight(db, highlight.id)).toEqual({ ok: true, value: highlight });
    expect(await db.get('highlights', highlight.id)).toEqual({ ...highlight, doiKey: ALBERS_DOI, questionKey: '' });
  });

  it('replaces a highlight saved again under the same id', async () => {
    const highlight = makeHighlight();
    const edited = { ...highlight, note: 'Rewritten.', updatedAt: '2024-05-02T08:00:00.000Z' };
    expectOk(await saveHighlight(db, highlight));
    expectOk(await saveHighlight(db, edited));

    expect(expectOk(await listAllHighlights(db)).highlights).toEqual([edited]);
  });

  it('rejects an invalid highlight with a reason and stores nothing', async () => {
    const result = await saveHighlight(db, makeHighlight({ note: 'n'.repeat(NOTE_MAX_LENGTH + 1) }));

    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(result.ok || storageErrorText(result.error)).toBe(
      'This highlight was not saved. The note is 2001 characters long; a note can be at most 2000 characters. Shorten it and save again.',
    );
    expect(await db.count('highlights')).toBe(0);
  });

  it('returns the deleted highlight, which saving again restores (undo)', async () => {
    const highlight = makeHighlight();
    const neighbour = makeHighlight();
    expectOk(await saveHighlights(db, [highlight, neighbour]));

    expect(await deleteHighlight(db, highlight.id)).toEqual({ ok: true, value: highlight });
    expect(await getHighlight(db, highlight.id)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await getHighlight(db, neighbour.id)).toEqual({ ok: true, value: neighbour });

    expectOk(await saveHighlight(db, expectOk(await deleteHighlight(db, neighbour.id))));
    expect(await getHighlight(db, neighbour.id)).toEqual({ ok: true, value: neighbour });
  });

  it.each([
    ['getHighlight', (id: string) => getHighlight(db, id)],
    ['deleteHighlight', (id: string) => deleteHighlight(db, id)],
  ])('%s reports an unknown id as not found', async (_, call) => {
    const result = await call(crypto.randomUUID());
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(result.ok || storageErrorText(result.error)).toBe(
      'This highlight no longer exists; it may have been deleted in another window.',
    );
  });

  it('saves a batch all together, or none of it when one highlight is invalid', async () => {
    const batch = [makeHighlight(), makeHighlight(), makeHighlight()];
    const broken = [...batch.slice(0, 2).map((h) => ({ ...h, id: crypto.randomUUID() })), { ...batch[2], id: 'x' }];

    expect(await saveHighlights(db, batch)).toEqual({ ok: true, value: batch });
    const result = await saveHighlights(db, broken);

    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!result.ok)
      expect(storageErrorText(result.error)).toMatch(/^None of the 3 highlights were saved: highlight 3 is not valid/);
    expect(await db.count('highlights')).toBe(3);
  });
});

describe('listing highlights', () => {
  // Saved out of order, with the DOI spelled as three different pages printed it.
  const late = makeHighlight({ createdAt: '2024-05-03T10:00:00.000Z', doi: '10.1186/S12913-020-05145-1' });
  const early = makeHighlight({ createdAt: '2024-05-01T10:00:00.000Z', questionId: null });
  const middle = makeHighlight({
    createdAt: '2024-05-02T10:00:00.000Z',
    questionId: 'q2',
    doi: ALBERS_DOI.toUpperCase(),
  });
  const elsewhere = makeHighlight({ createdAt: '2024-05-02T11:00:00.000Z', doi: OTHER_DOI, questionId: null });
  beforeEach(async () => {
    expectOk(await saveHighlights(db, [late, elsewhere, early, middle]));
  });

  it.each([ALBERS_DOI, ALBERS_DOI.toUpperCase(), '10.1186/s12913-020-05145-1'.replace('s', 'S')])(
    'lists an article by DOI in any case (%s), oldest first',
    async (doi) => {
      expect(await listHighlightsByDoi(db, doi)).toEqual({
        ok: true,
        value: { highlights: [early, middle, late], skipped: [] },
      });
      expect(await countHighlightsByDoi(db, doi)).toEqual({ ok: true, value: 3 });
    },
  );

  it.each([
    ['q1', [late]],
    ['q2', [middle]],
    [null, [early]],
    ['q3', []],
  ])('lists the highlights tied to question %s', async (questionId, expected) => {
    const result = expectOk(await listHighlightsByQuestion(db, ALBERS_DOI.toUpperCase(), questionId));
    expect(result).toEqual({ highlights: expected, skipped: [] });
  });

  it('lists every highlight for export, oldest first', async () => {
    expect(expectOk(await listAllHighlights(db)).highlights).toEqual([early, middle, elsewhere, late]);
  });

  it('returns an empty list for an article without highlights', async () => {
    expect(await listHighlightsByDoi(db, '10.5555/nothing-here')).toEqual({
      ok: true,
      value: { highlights: [], skipped: [] },
    });
  });
});

describe('damaged records', () => {
  const intact = makeHighlight();
  const brokenDate = '00000000-0000-4000-8000-000000000001';
  const brokenNote = '00000000-0000-4000-8000-000000000002';
  const damaged = [
    { ...noteless(makeHighlight()), id: brokenNote, doiKey: ALBERS_DOI, questionKey: 'q1' },
    { ...makeHighlight({ id: brokenDate }), createdAt: 'yesterday', doiKey: ALBERS_DOI, questionKey: 'q1' },
    { ...makeHighlight(), id: 42, doiKey: ALBERS_DOI, questionKey: 'q1' },
  ];
  beforeEach(async () => {
    expectOk(await saveHighlight(db, intact));
    await putRaw(db, damaged);
  });

  it.each([
    ['by DOI', () => listHighlightsByDoi(db, ALBERS_DOI)],
    ['by question', () => listHighlightsByQuestion(db, ALBERS_DOI, 'q1')],
    ['for export', () => listAllHighlights(db)],
  ])('skips and reports them when listing %s, loading the rest', async (_, list) => {
    expect(await list()).toEqual({
      ok: true,
      value: {
        highlights: [intact],
        skipped: [
          { key: '42', reason: 'The highlight id is missing or not text.' },
          { key: brokenDate, reason: 'The time the highlight was made or changed is malformed.' },
          { key: brokenNote, reason: 'The highlight is missing its "note" field.' },
        ],
      },
    });
  });

  it('counts them, since the count reads only the index', async () => {
    expect(await countHighlightsByDoi(db, ALBERS_DOI)).toEqual({ ok: true, value: 4 });
  });

  it('reports one as invalid when asked for it by id', async () => {
    expect(await getHighlight(db, brokenNote)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('does not delete one, since it could not be restored by undo', async () => {
    expect(await deleteHighlight(db, brokenDate)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await db.count('highlights')).toBe(4);
  });
});

describe('a connection that can no longer be used', () => {
  it.each([
    ['saveHighlight', () => saveHighlight(db, makeHighlight())],
    ['saveHighlights', () => saveHighlights(db, [makeHighlight()])],
    ['getHighlight', () => getHighlight(db, crypto.randomUUID())],
    ['deleteHighlight', () => deleteHighlight(db, crypto.randomUUID())],
    ['listHighlightsByDoi', () => listHighlightsByDoi(db, ALBERS_DOI)],
    ['listHighlightsByQuestion', () => listHighlightsByQuestion(db, ALBERS_DOI, null)],
    ['listAllHighlights', () => listAllHighlights(db)],
    ['countHighlightsByDoi', () => countHighlightsByDoi(db, ALBERS_DOI)],
  ])('%s returns a storage failure instead of throwing', async (_, call) => {
    db.close();
    const result = await call();
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed', detail: /InvalidStateError/ } });
    if (!result.ok)
      expect(storageErrorText(result.error)).toMatch(
        /^Your browser's storage did not respond as expected; .*restart the browser\.$/,
      );
  });
});

function noteless({ note: _, ...rest }: ReturnType<typeof makeHighlight>) {
  return rest;
}

/** Writes records straight into the store, past all validation, as a bug or an old build might have. */
function putRaw(connection: JournalClubDb, records: unknown[]) {
  return new Promise<void>((resolve, reject) => {
    const tx = unwrap(connection).transaction('highlights', 'readwrite');
    for (const record of records) tx.objectStore('highlights').put(record);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}
