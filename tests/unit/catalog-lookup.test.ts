import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../utils/catalog/bundled';
import { createCatalogIndex } from '../../utils/catalog/lookup';
import type { CatalogEntry } from '../../utils/catalog/schema';

const base = bundledCatalog[0];
if (base === undefined) throw new Error('the bundled catalog is empty');

const entry = (id: string, dois: string[], title = id): CatalogEntry => ({ ...base, id, dois, title });

describe('createCatalogIndex', () => {
  const albers = entry('albers-2020', ['10.1186/s12913-020-05145-1', '10.21203/rs.3.rs-16374/v1']);
  const other = entry('other', ['10.1038/s41586-021-03819-2']);
  const index = createCatalogIndex([albers, other]);

  it.each([
    ['the version of record', '10.1186/s12913-020-05145-1', albers],
    ['an alias (the preprint)', '10.21203/rs.3.rs-16374/v1', albers],
    ['another letter case', '10.1186/S12913-020-05145-1', albers],
    ['a preprint in upper case', '10.21203/RS.3.RS-16374/V1', albers],
    ['a doi.org URL', 'https://doi.org/10.1038/S41586-021-03819-2', other],
    ['a doi: prefix', 'doi:10.1038/s41586-021-03819-2', other],
    ['an unknown DOI', '10.1000/unknown', null],
    ['something that is not a DOI', 'hello', null],
    ['an empty string', '', null],
  ])('finds by %s', (_, doi, expected) => {
    expect(index.find(doi)).toBe(expected);
  });

  it('finds an entry again by its id, and nothing for an unknown id', () => {
    expect(index.get('other')).toBe(other);
    expect(index.get('albers-2020')).toBe(albers);
    expect(index.get('10.1038/s41586-021-03819-2')).toBeNull();
  });

  it('lists every entry once, in order', () => {
    expect(index.entries.map((e) => e.id)).toEqual(['albers-2020', 'other']);
  });

  it('never lets a later entry with the same id replace the first', () => {
    const updated = entry('albers-2020', ['10.1186/s12913-020-05145-1'], 'Updated');
    const merged = createCatalogIndex([albers, other, updated]);
    expect(merged.entries.map((e) => e.title)).toEqual(['albers-2020', 'other']);
    expect(merged.get('albers-2020')).toBe(albers);
    expect(merged.find('10.21203/rs.3.rs-16374/v1')).toBe(albers);
  });

  it('answers a DOI claimed by two entries with the first one', () => {
    const rival = entry('rival', ['10.1186/S12913-020-05145-1', '10.1000/rival-only']);
    const merged = createCatalogIndex([albers, rival]);
    expect(merged.find('10.1186/s12913-020-05145-1')).toBe(albers);
    expect(merged.find('10.1000/rival-only')).toBe(rival);
  });

  it('is empty without entries', () => {
    const empty = createCatalogIndex([]);
    expect(empty.entries).toEqual([]);
    expect(empty.find('10.1186/s12913-020-05145-1')).toBeNull();
  });
});
