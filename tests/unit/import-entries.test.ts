import { describe, expect, it } from 'vitest';
import { exportBackup, planImport } from '../../utils/exchange';
import { CLOCK_DRIFT_MS } from '../../utils/exchange/import';
import {
  annotations,
  backupOf,
  byId,
  entryForDoi,
  highlightAt,
  jsonLd,
  NOW,
  T1,
  T2,
  T3,
  tied,
  untied,
} from '../support/unit/export-fixtures';

describe('planImport: invalid entries', () => {
  it('reports each invalid entry by number, with numbers written as the reader writes them', () => {
    const long = { ...tied, id: crypto.randomUUID(), note: 'n'.repeat(2_345) };
    const plan = planImport(backupOf([tied, long, untied]), []);
    expect(plan.toWrite).toEqual([tied, untied]);
    expect(plan.summaryText).toBe(
      '2 new, 1 invalid — entry #2: the note is 2,345 characters long; a note can be at most 2,000 characters. Shorten it and save again.',
    );
  });

  it.each<[string, (a: Record<string, unknown>) => unknown, string]>([
    [
      'an item that is not an object',
      () => 'urn:uuid:x',
      'It is not a W3C annotation (an object whose type is "Annotation").',
    ],
    [
      'an item of another type',
      (a) => ({ ...a, type: 'Note' }),
      'It is not a W3C annotation (an object whose type is "Annotation").',
    ],
    [
      'an id that is not an IRI',
      (a) => ({ ...a, id: '_:b0' }),
      'It has no address of its own (an "id" such as https://… or urn:uuid:…), so importing it again could not recognise it.',
    ],
    ['a urn:uuid that is not a UUID', (a) => ({ ...a, id: 'urn:uuid:1234' }), 'The highlight id is not a UUID.'],
    [
      'a whole-page target',
      (a) => ({ ...a, target: 'https://example.org/' }),
      'It is about a whole page or file (https://example.org/), not a passage of its text, so there is nothing to highlight.',
    ],
    [
      'a target without source',
      (a) => ({ ...a, target: { ...(a.target as object), source: 7 } }),
      'It does not say which page it was made on.',
    ],
    [
      'a target without quote',
      (a) => ({
        ...a,
        target: { ...(a.target as object), selector: [{ type: 'TextPositionSelector', start: 1, end: 2 }] },
      }),
      'It finds its passage by TextPositionSelector, which this extension cannot follow; only a quoted passage (a TextQuoteSelector) can be found again.',
    ],
    [
      'a target without DOI',
      (a) => ({
        ...a,
        target: { ...(a.target as object), source: 'https://example.org/a', scope: 'https://example.org/' },
      }),
      "It is about a page (https://example.org/a) that names no DOI and is not an article in the club's catalog.",
    ],
    [
      'a time that is not a time',
      (a) => ({ ...a, created: 'yesterday' }),
      'The time the highlight was made or changed is malformed.',
    ],
    [
      'the 30th of February',
      (a) => ({ ...a, modified: '2024-02-30T10:00:00Z' }),
      'The time the highlight was made or changed is malformed.',
    ],
    [
      'a note that is not text',
      (a) => ({ ...a, body: [{ type: 'TextualBody', purpose: 'commenting', value: 42 }] }),
      'The note must be text.',
    ],
  ])('refuses an annotation with %s', (_, damage, reason) => {
    const annotation = annotations([tied])[0] ?? {};
    const plan = planImport(JSON.stringify([annotations([untied])[0], damage(annotation)]), [], { entryForDoi });
    expect(plan.toWrite).toEqual([untied]);
    expect(plan.summary.invalid).toEqual([{ where: 'entry #2', reason }]);
  });

  it('keeps HTML and script as the plain text they are', () => {
    const hostile = { ...tied, note: '<img src=x onerror="alert(1)"><script>alert(2)</script>' };
    const markup = highlightAt('<b>bold</b> &amp;', 3, { note: '', createdAt: T3, updatedAt: T3 });
    for (const text of [exportBackup([hostile, markup], NOW), jsonLd([hostile, markup])]) {
      expect([...planImport(text, [], { entryForDoi }).toWrite].sort(byId)).toEqual([hostile, markup].sort(byId));
    }
  });
});

describe('planImport: merging', () => {
  const older = { ...tied, note: 'old', updatedAt: T1 };
  const newer = { ...tied, note: 'new', updatedAt: T3 };

  it.each([
    ['a highlight not saved yet', [], tied, '1 new', [tied]],
    ['a newer copy of a saved tied', [older], tied, '1 updated', [tied]],
    ['an identical copy', [tied], tied, '1 unchanged', []],
    ['a copy changed at the same time, differently', [{ ...tied, note: 'mine' }], tied, '1 unchanged', []],
    ['an older copy', [newer], tied, '1 unchanged', []],
  ])('plans %s', (_, existing, incoming, summaryText, toWrite) => {
    const plan = planImport(exportBackup([incoming], NOW), Object.freeze([...existing]));
    expect(plan.summaryText).toBe(summaryText);
    expect(plan.toWrite).toEqual(toWrite);
  });

  it('counts each kind of outcome', () => {
    const plan = planImport(exportBackup([tied, untied, { ...tied, id: crypto.randomUUID() }], NOW), [older, untied]);
    expect(plan.summary).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(plan.summaryText).toBe('1 new, 1 updated, 1 unchanged');
  });

  it.each([
    [
      'the later-changed copy wins',
      [older, newer],
      newer,
      'entry #1',
      'Same id as entry #2, which is imported instead.',
    ],
    ['it wins wherever it is', [newer, older], newer, 'entry #2', 'Same id as entry #1, which is imported instead.'],
    [
      'the first wins a tie',
      [older, { ...older, note: 'other' }],
      older,
      'entry #2',
      'Same id as entry #1, which is imported instead.',
    ],
  ])('imports one copy of a highlight the file holds twice: %s', (_, copies, kept, where, reason) => {
    const plan = planImport(backupOf(copies), []);
    expect(plan.toWrite).toEqual([kept]);
    expect(plan.summary.duplicates).toEqual([{ where, reason }]);
    expect(plan.summaryText).toBe(`1 new, 1 duplicate — ${where}: s${reason.slice(1)}`);
  });
});

describe('planImport: a file’s clock and the reader’s own backup', () => {
  const mine = { ...tied, note: 'mine', updatedAt: T2 };
  const at = new Date(T3);

  it.each([
    ['dated 9999', '9999-12-31T23:59:59.999Z', '1 invalid'],
    ['dated a day ahead', new Date(at.getTime() + 86_400_000).toISOString(), '1 invalid'],
    ['a few minutes ahead (clock drift)', new Date(at.getTime() + CLOCK_DRIFT_MS - 1).toISOString(), '1 updated'],
  ])('refuses a copy %s rather than let it beat every later change', (_, updatedAt, counts) => {
    const forged = { ...tied, note: 'forged', updatedAt };
    const plan = planImport(exportBackup([forged], NOW), [mine], { now: at });
    expect(plan.summaryText.startsWith(counts)).toBe(true);
    if (counts === '1 invalid') {
      expect(plan.toWrite).toEqual([]);
      expect(plan.summary.invalid[0]?.reason).toMatch(/^It is dated \d{4}-\d{2}-\d{2}, in the future/);
    }
  });

  it('refuses a Web Annotation whose `modified` is in the future', () => {
    const forged = { ...tied, note: 'forged', updatedAt: '9999-12-31T23:59:59.999Z' };
    const plan = planImport(jsonLd([forged]), [mine], { now: at, entryForDoi });
    expect(plan.toWrite).toEqual([]);
    expect(plan.summaryText.startsWith('1 invalid')).toBe(true);
  });

  it('refuses a creation date in the future too', () => {
    const forged = { ...tied, createdAt: '9999-01-01T00:00:00.000Z', updatedAt: '9999-01-01T00:00:00.000Z' };
    expect(planImport(exportBackup([forged], NOW), [], { now: at }).toWrite).toEqual([]);
  });

  it('restores the reader’s backup over a newer stored copy, and leaves identical ones unchanged', () => {
    const backup = exportBackup([tied, untied], NOW);
    const later = { ...tied, note: 'changed by someone else', updatedAt: T3 };
    expect(planImport(backup, [later, untied], { now: at }).summaryText).toBe('2 unchanged');
    const restored = planImport(backup, [later, untied], { now: at, mode: 'restore' });
    expect(restored.toWrite).toEqual([tied]);
    expect(restored.summaryText).toBe('1 replaced, 1 unchanged');
  });
});
