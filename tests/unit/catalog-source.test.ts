import { describe, expect, it } from 'vitest';
import { FEED_CACHE_KEY, loadCatalog } from '../../utils/background/catalog-source';

const entry = (id: string, doi: string) => ({
  id,
  dois: [doi],
  title: `Entry ${id}`,
  authors: ['A. Author'],
  citation: `Citation ${id}`,
  year: 2021,
  articleUrls: [],
  club: { name: 'A club', url: 'https://club.example/' },
  postUrl: `https://club.example/${id}`,
  summary: 'Summary.',
  commentary: 'Commentary.',
  questions: [{ id: 'q1', text: 'Why?' }],
});

const area = (feeds: unknown) => ({ get: async () => ({ [FEED_CACHE_KEY]: feeds }) });

describe('the merged catalog', () => {
  it('always has the bundled entry, even with no feeds', async () => {
    const catalog = await loadCatalog({ get: async () => ({}) });
    expect(catalog.find('10.1186/s12913-020-05145-1')?.club.name).toBe('Research Impact Canada — KMb Journal Club');
    expect(catalog.errors).toEqual([]);
  });

  it('adds the entries of every cached feed, found by any DOI and by id', async () => {
    const catalog = await loadCatalog(
      area({
        'https://a.example/feed.json': { version: 1, entries: [entry('one', '10.1000/one')] },
        'https://b.example/feed.json': { version: 1, entries: [entry('two', '10.1000/TWO')] },
      }),
    );
    expect(catalog.find('10.1000/ONE')?.id).toBe('one');
    expect(catalog.find('doi:10.1000/two')?.id).toBe('two');
    expect(catalog.get('two')?.title).toBe('Entry two');
  });

  it('reports a broken entry and a broken feed without hiding the valid ones', async () => {
    const catalog = await loadCatalog(
      area({
        'https://a.example/feed.json': { version: 1, entries: [entry('ok', '10.1000/ok'), { id: 'broken' }] },
        'https://b.example/feed.json': 'not a feed',
      }),
    );
    expect(catalog.find('10.1000/ok')?.id).toBe('ok');
    expect(catalog.find('10.1186/s12913-020-05145-1')).not.toBeNull();
    expect(catalog.errors.map((e) => e.source)).toEqual(['https://a.example/feed.json', 'https://b.example/feed.json']);
    expect(catalog.errors[0]?.message).toContain('broken');
  });

  it('keeps the bundled entries when storage cannot be read', async () => {
    const catalog = await loadCatalog({
      get: async () => {
        throw new Error('disk gone');
      },
    });
    expect(catalog.find('10.1186/s12913-020-05145-1')).not.toBeNull();
    expect(catalog.errors[0]?.message).toContain('disk gone');
  });
});
