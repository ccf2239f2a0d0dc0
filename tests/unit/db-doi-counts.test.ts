import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { countHighlightsPerDoiKey, listHighlightsForDois } from '../../utils/db/highlight-lists';
import { deleteHighlight, mergeHighlights, saveHighlight, saveHighlights } from '../../utils/db/highlights';
import { openJournalClubDb } from '../../utils/db/open';
import { type JournalClubDb, toHighlightRecord } from '../../utils/db/schema';
import { NOTE_MAX_LENGTH } from '../../utils/highlights/highlight';
import { ALBERS_DOI, expectOk, makeHighlight } from '../support/unit/db-fixtures';

const OTHER_DOI = '10.1000/another-article';

let db: JournalClubDb;
beforeEach(async () => {
  db = expectOk(await openJournalClubDb(new IDBFactory(), 'journal-club'));
});

/** The stored counts, checked against the records themselves: the two must always agree. */
async function counts(): Promise<Record<string, number>> {
  const stored = Object.fromEntries((await db.getAll('doiCounts')).map((record) => [record.doiKey, record.count]));
  const recounted: Record<string, number> = {};
  for (const { doiKey } of await db.getAll('highlights')) {
    if (typeof doiKey === 'string') recounted[doiKey] = (recounted[doiKey] ?? 0) + 1;
  }
  expect(stored).toEqual(recounted);
  return stored;
}

describe('the count per DOI follows every write', () => {
  it('counts a new highlight under its DOI key, whatever case the page printed', async () => {
    expectOk(await saveHighlight(db, makeHighlight({ doi: ALBERS_DOI.toUpperCase() })));
    expectOk(await saveHighlight(db, makeHighlight()));

    expect(await counts()).toEqual({ [ALBERS_DOI]: 2 });
  });

  it('leaves the count alone when a highlight is edited (saved again under its id)', async () => {
    const highlight = makeHighlight();
    expectOk(await saveHighlight(db, highlight));
    expectOk(await saveHighlight(db, { ...highlight, note: 'Rewritten.' }));

    expect(await counts()).toEqual({ [ALBERS_DOI]: 1 });
  });

  it('moves the count when a highlight moves to another DOI, and drops a count that reaches zero', async () => {
    const highlight = makeHighlight();
    expectOk(await saveHighlight(db, highlight));
    expectOk(await saveHighlight(db, { ...highlight, doi: OTHER_DOI }));

    expect(await counts()).toEqual({ [OTHER_DOI]: 1 });
  });

  it('counts a batch (a restore) once per highlight, a repeated id once', async () => {
    const repeated = makeHighlight();
    expectOk(
      await saveHighlights(db, [
        repeated,
        makeHighlight(),
        makeHighlight({ doi: OTHER_DOI }),
        { ...repeated, doi: OTHER_DOI },
      ]),
    );

    expect(await counts()).toEqual({ [ALBERS_DOI]: 1, [OTHER_DOI]: 2 });
  });

  it('counts an import, which merges with what is stored in one transaction', async () => {
    const kept = makeHighlight();
    expectOk(await saveHighlight(db, kept));
    expectOk(
      await mergeHighlights(db, (existing) => [
        ...existing.map((h) => ({ ...h, doi: OTHER_DOI })),
        makeHighlight({ doi: OTHER_DOI }),
      ]),
    );

    expect(await counts()).toEqual({ [OTHER_DOI]: 2 });
  });

  it('takes a deleted highlight off the count, and undo (saving it again) puts it back', async () => {
    const highlight = makeHighlight();
    expectOk(await saveHighlights(db, [highlight, makeHighlight()]));

    const deleted = expectOk(await deleteHighlight(db, highlight.id));
    expect(await counts()).toEqual({ [ALBERS_DOI]: 1 });

    expectOk(await saveHighlight(db, deleted));
    expect(await counts()).toEqual({ [ALBERS_DOI]: 2 });
  });

  it('changes no count when a write is refused (an invalid highlight in a batch)', async () => {
    expectOk(await saveHighlight(db, makeHighlight()));

    const refused = await saveHighlights(db, [
      makeHighlight({ doi: OTHER_DOI }),
      makeHighlight({ note: 'n'.repeat(NOTE_MAX_LENGTH + 1) }),
    ]);

    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await counts()).toEqual({ [ALBERS_DOI]: 1 });
  });

  it('keeps a damaged record in the count when it refuses to delete it, as the index counts it', async () => {
    await db.put('highlights', { ...toHighlightRecord(makeHighlight({ id: 'damaged' })), note: 7 } as never);
    await db.put('doiCounts', { doiKey: ALBERS_DOI, count: 1 });

    expect(await deleteHighlight(db, 'damaged')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await counts()).toEqual({ [ALBERS_DOI]: 1 });
  });

  it('never counts below zero, even from a count that was already wrong', async () => {
    const highlight = makeHighlight();
    expectOk(await saveHighlight(db, highlight));
    await db.delete('doiCounts', ALBERS_DOI); // written around this code: the count says none

    expectOk(await deleteHighlight(db, highlight.id));

    expect(await db.getAll('doiCounts')).toEqual([]);
    expect(expectOk(await countHighlightsPerDoiKey(db, [ALBERS_DOI]))).toEqual(new Map([[ALBERS_DOI, 0]]));
  });
});

describe('the popup reads the counts, and the panel repairs them', () => {
  it('answers every asked key from the count store, 0 for an article without highlights', async () => {
    expectOk(await saveHighlights(db, [makeHighlight(), makeHighlight(), makeHighlight({ doi: OTHER_DOI })]));

    expect(expectOk(await countHighlightsPerDoiKey(db, [ALBERS_DOI, OTHER_DOI, '10.1000/none', ALBERS_DOI]))).toEqual(
      new Map([
        [ALBERS_DOI, 2],
        [OTHER_DOI, 1],
        ['10.1000/none', 0],
      ]),
    );
  });

  it('repairs a wrong count when the panel lists the article, counting damaged records as the popup did', async () => {
    expectOk(await saveHighlights(db, [makeHighlight(), makeHighlight({ doi: OTHER_DOI })]));
    // Written around the counts: a damaged record, a lost count, and a count for an article with nothing.
    await db.put('highlights', { ...toHighlightRecord(makeHighlight({ id: 'damaged' })), note: 7 } as never);
    await db.put('doiCounts', { doiKey: OTHER_DOI, count: 9 });
    await db.put('doiCounts', { doiKey: '10.1000/emptied', count: 4 });

    const list = expectOk(await listHighlightsForDois(db, [ALBERS_DOI, OTHER_DOI, '10.1000/EMPTIED']));

    expect(list.highlights).toHaveLength(2);
    expect(list.skipped).toMatchObject([{ key: 'damaged' }]);
    expect(await counts()).toEqual({ [ALBERS_DOI]: 2, [OTHER_DOI]: 1 });
  });

  it('leaves counts it did not list alone, and writes nothing when they agree', async () => {
    expectOk(await saveHighlights(db, [makeHighlight(), makeHighlight({ doi: OTHER_DOI })]));
    await db.put('doiCounts', { doiKey: OTHER_DOI, count: 5 });

    expectOk(await listHighlightsForDois(db, [ALBERS_DOI]));

    expect(expectOk(await countHighlightsPerDoiKey(db, [ALBERS_DOI, OTHER_DOI]))).toEqual(
      new Map([
        [ALBERS_DOI, 1],
        [OTHER_DOI, 5],
      ]),
    );
  });

  it('does not count a damaged record whose DOI key is not text: no catalog key can ask for it', async () => {
    const highlight = makeHighlight();
    await db.put('highlights', { ...toHighlightRecord(highlight), doiKey: 42 } as never);
    expectOk(await saveHighlight(db, highlight)); // replaces the damaged record: nothing to take off

    expect(await db.getAll('doiCounts')).toEqual([{ doiKey: ALBERS_DOI, count: 1 }]);
  });
});
