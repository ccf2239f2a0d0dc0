import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../utils/catalog/bundled';
import { mergeSources } from '../../utils/catalog/merge-sources';
import type { CatalogEntry } from '../../utils/catalog/schema';

const base = bundledCatalog[0];
if (base === undefined) throw new Error('the bundled catalog is empty');
const entry = (id: string, dois: string[], title = id): CatalogEntry => ({ ...base, id, dois, title });

const bundled = { source: 'bundled', entries: [entry('albers-2020', ['10.1186/s12913-020-05145-1'])] };

describe('mergeSources', () => {
  it.each([
    ['the same id', entry('albers-2020', ['10.1000/other'], 'Same id')],
    ['one of its DOIs, in another case', entry('rival', ['10.1000/x', '10.1186/S12913-020-05145-1'], 'Same DOI')],
  ])('keeps the first claimant of an article a feed claims by %s, and records the conflict', (_, claim) => {
    const merged = mergeSources([bundled, { source: 'https://club.example/f.json', entries: [claim] }], {});
    expect(merged.entries.map((e) => e.title)).toEqual(['albers-2020']);
    expect(merged.conflicts).toEqual([
      {
        entryId: 'albers-2020',
        title: 'albers-2020',
        sources: ['bundled', 'https://club.example/f.json'],
        chosen: 'bundled',
      },
    ]);
  });

  it('answers with the source the reader chose, and ignores a choice of a source that does not claim it', () => {
    const feeds = [
      { source: 'https://a.example/f.json', entries: [entry('albers-2020', ['10.1186/s12913-020-05145-1'], 'A')] },
      { source: 'https://b.example/f.json', entries: [entry('albers-2020', ['10.1186/s12913-020-05145-1'], 'B')] },
    ];
    const chosen = mergeSources([bundled, ...feeds], { 'albers-2020': 'https://b.example/f.json' });
    expect(chosen.entries.map((e) => e.title)).toEqual(['B']);
    expect(chosen.conflicts[0]?.sources).toEqual(['bundled', 'https://a.example/f.json', 'https://b.example/f.json']);
    const stale = mergeSources([bundled, ...feeds], { 'albers-2020': 'https://gone.example/f.json' });
    expect(stale.entries.map((e) => e.title)).toEqual(['albers-2020']);
  });

  it('keeps unrelated entries of every source in order, with no conflict, and drops a feed’s own duplicate', () => {
    const feed = {
      source: 'https://a.example/f.json',
      entries: [entry('one', ['10.1000/one']), entry('two', ['10.1000/ONE'])],
    };
    const merged = mergeSources([bundled, feed], {});
    expect(merged.entries.map((e) => e.id)).toEqual(['albers-2020', 'one']);
    expect(merged.conflicts).toEqual([]);
  });

  it('sees no conflict in the same entry word for word from a second source (an organiser’s entry and its club copy)', () => {
    const mine = { source: 'my-club', entries: [entry('ours', ['10.1000/ours'], 'Ours')] };
    const club = { source: 'club:g', entries: [entry('ours', ['10.1000/ours'], 'Ours')] };
    expect(mergeSources([bundled, mine, club], {}).conflicts).toEqual([]);
    // Edited since it was published: the two now differ, and the reader may choose.
    const edited = { source: 'club:g', entries: [entry('ours', ['10.1000/ours'], 'Ours, as published')] };
    const merged = mergeSources([bundled, mine, edited], {});
    expect(merged.conflicts.map((conflict) => conflict.sources)).toEqual([['my-club', 'club:g']]);
    expect(merged.entries.map((e) => e.title)).toEqual(['albers-2020', 'Ours']);
  });
});
