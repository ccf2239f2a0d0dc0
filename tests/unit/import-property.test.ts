import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBackup, exportWebAnnotations, type ImportPlan, planImport } from '../../utils/exchange';
import { type Highlight, parseHighlight } from '../../utils/highlights/highlight';
import { byId, ENTRY, highlightsArb } from '../support/unit/export-fixtures';

const NOW = new Date('2024-06-01T10:00:00.000Z');
const entryForDoi = () => ENTRY;
/** Past every date the fixtures make, so that the properties speak of merging; the clock rule is tested below. */
const CLOCK = new Date('2100-01-01T00:00:00.000Z');

/** What every plan must satisfy, whatever the input. */
function expectSound(plan: ImportPlan, existing: readonly Highlight[]): void {
  for (const highlight of plan.toWrite) expect(parseHighlight(highlight)).toEqual({ ok: true, value: highlight });
  const ids = plan.toWrite.map((h) => h.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(plan.summary.added + plan.summary.updated).toBe(plan.toWrite.length);
  const saved = new Map(existing.map((h) => [h.id, h]));
  for (const highlight of plan.toWrite) {
    const old = saved.get(highlight.id);
    if (old !== undefined) expect(highlight.updatedAt > old.updatedAt).toBe(true);
  }
  expect(plan.summaryText).not.toBe('');
}

const plan = (text: string, existing: readonly Highlight[] = []) => {
  const result = planImport(text, existing, { entryForDoi, now: CLOCK });
  expectSound(result, existing);
  return result;
};

/** A valid file of either kind. */
const fileArb = highlightsArb(ENTRY).chain((highlights) =>
  fc.constantFrom(
    exportBackup(highlights, NOW),
    JSON.stringify(exportWebAnnotations(ENTRY, highlights, { language: 'en' }), null, 2),
  ),
);

/** Replaces the value at one random place in a JSON tree with another value, or deletes it. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) return replacement;
  const [step = 0, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const copy = [...value];
    copy[step % copy.length] = mutate(copy[step % copy.length], rest, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[step % keys.length] ?? '';
  const copy: Record<string, unknown> = { ...value };
  if (replacement === undefined && rest.length === 0) delete copy[key];
  else copy[key] = mutate(copy[key], rest, replacement);
  return copy;
}

describe('planImport properties', () => {
  it('never throws on random text, and never plans an invalid record', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void plan(text)),
      { numRuns: 500 },
    );
  });

  it('never throws on random JSON, and never plans an invalid record', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void plan(JSON.stringify(value))),
      { numRuns: 500 },
    );
  });

  it('copes with valid files cut short or with a character changed', () => {
    const edit = fc.tuple(fileArb, fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 2 }));
    fc.assert(
      fc.property(edit, ([text, at, deleted, inserted]) => {
        const i = at % (text.length + 1);
        void plan(text.slice(0, i));
        void plan(text.slice(0, i) + inserted + text.slice(i + deleted));
      }),
      { numRuns: 300 },
    );
  });

  it('copes with valid files whose structure was damaged', () => {
    const damage = fc.tuple(
      fileArb,
      fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
      fc.oneof(
        fc.jsonValue(),
        fc.constant(undefined),
        fc.constantFrom('', -1, 1e300, 'urn:uuid:x', '<script>x</script>'),
      ),
    );
    fc.assert(
      fc.property(damage, ([text, path, replacement]) => {
        const damaged = JSON.stringify(mutate(JSON.parse(text), path, replacement));
        if (damaged !== undefined) void plan(damaged);
      }),
      { numRuns: 500 },
    );
  });

  it('merges soundly with what is already saved', () => {
    const setup = highlightsArb(ENTRY, 6).chain((highlights) =>
      fc.tuple(fc.constant(highlights), fc.subarray(highlights), fc.subarray(highlights)),
    );
    fc.assert(
      fc.property(setup, ([highlights, saved, file]) => {
        const result = plan(exportBackup(file, NOW), saved);
        const savedIds = new Set(saved.map((h) => h.id));
        expect(result.summary.added).toBe(file.filter((h) => !savedIds.has(h.id)).length);
        expect(result.summary.unchanged).toBe(file.length - result.summary.added);
        expect(highlights.length).toBeGreaterThanOrEqual(file.length);
      }),
    );
  });

  it('restores a backup exactly', () => {
    fc.assert(
      fc.property(highlightsArb(ENTRY), (highlights) => {
        const result = plan(exportBackup(highlights, NOW));
        expect([...result.toWrite].sort(byId)).toEqual([...highlights].sort(byId));
        expect(result.summary).toEqual({
          added: highlights.length,
          updated: 0,
          unchanged: 0,
          invalid: [],
          duplicates: [],
        });
      }),
    );
  });

  it('reads its own Web Annotations back exactly: ids, notes, questions, selectors, dates', () => {
    fc.assert(
      fc.property(highlightsArb(ENTRY), fc.constantFrom('en', 'fr'), (highlights, language) => {
        const text = JSON.stringify(exportWebAnnotations(ENTRY, highlights, { language }));
        const result = plan(text);
        expect([...result.toWrite].sort(byId)).toEqual([...highlights].sort(byId));
        expect(result.summary.invalid).toEqual([]);
      }),
    );
  });
});
