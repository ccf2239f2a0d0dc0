import { describe, expect, it } from 'vitest';
import { MAX_CATALOG_ENTRIES, parseCatalog } from '../../utils/catalog/parse';

/** A complete, valid raw entry as a feed would send it; each test breaks one thing (`undefined` removes a key). */
function rawEntry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    id: 'albers-2020',
    dois: ['10.1186/s12913-020-05145-1'],
    title: 'Implementation support practitioners',
    authors: ['Albers B', 'Metz A', 'Burke K'],
    citation: 'Albers, B., Metz, A. and Burke., K. (2020) BMC Health Services Research. 20:368.',
    year: 2020,
    articleUrls: ['https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1'],
    club: { name: 'Research Impact Canada — KMb Journal Club', url: 'https://researchimpact.ca/kmb-journal-club/' },
    postUrl: 'https://researchimpact.ca/kmb-journal-club/post/',
    summary: '**Background:** Workforce development.',
    commentary: 'I’m not certain why this paper needed to be written.',
    questions: [
      { id: 'q1', text: 'Will you change your title?' },
      { id: 'q2', text: 'Is more research needed?' },
    ],
    ...overrides,
  };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete entry[key];
  return entry;
}

const feed = (...entries: unknown[]) => ({ version: 1, entries });

const question = (id: string, text: unknown = 'Why?') => ({ id, text });

describe('parseCatalog: valid entries', () => {
  it('loads a valid entry with no errors', () => {
    const { entries, errors } = parseCatalog(feed(rawEntry()), 'test');
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.id).toBe('albers-2020');
    expect(entries[0]?.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
  });

  it('normalises DOIs, keeps the version of record first and drops repeats of the same DOI', () => {
    const dois = [
      'https://doi.org/10.1186/S12913-020-05145-1',
      '10.1101/2020.01.01.123456',
      '10.1186/s12913-020-05145-1',
    ];
    const { entries } = parseCatalog(feed(rawEntry({ dois })), 'test');
    expect(entries[0]?.dois).toEqual(['10.1186/S12913-020-05145-1', '10.1101/2020.01.01.123456']);
  });

  it('trims text, keeps { en, fr } text, and drops fields it does not know', () => {
    const title = { en: ' Practitioners ', fr: ' Praticiens ' };
    const { entries } = parseCatalog(feed(rawEntry({ title, citation: ' Albers 2020 ', rating: 5 })), 'test');
    expect(entries[0]?.title).toEqual({ en: 'Practitioners', fr: 'Praticiens' });
    expect(entries[0]?.citation).toBe('Albers 2020');
    expect(entries[0]).not.toHaveProperty('rating');
  });

  it.each(['2020', '2020-06', '2020-06-15', undefined])('accepts published = %s', (published) => {
    const { entries, errors } = parseCatalog(feed(rawEntry({ published })), 'test');
    expect(errors).toEqual([]);
    expect(entries[0]?.published).toBe(published);
  });

  it('accepts an entry with no open-access URL, since the DOI still resolves', () => {
    expect(parseCatalog(feed(rawEntry({ articleUrls: [] })), 'test').errors).toEqual([]);
  });
});

describe('parseCatalog: invalid fields are named in the message', () => {
  it('names the entry by id and index, then the field path', () => {
    const questions = [question('q1'), question('q2', '   ')];
    const { entries, errors } = parseCatalog(feed(rawEntry({ questions })), 'feed.json');
    expect(entries).toEqual([]);
    expect(errors).toEqual([
      {
        source: 'feed.json',
        index: 0,
        id: 'albers-2020',
        message: 'entry "albers-2020" (#0): questions[1].text: expected a non-empty string',
      },
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['missing id', { id: undefined }, 'id: required'],
    ['id not a slug', { id: 'Albers 2020' }, 'id: expected a slug'],
    ['no DOI', { dois: [] }, 'dois: expected at least one item'],
    ['invalid DOI', { dois: ['10.1186/s12913-020-05145-1', 'not a doi'] }, 'dois[1]: expected a DOI'],
    ['DOIs not an array', { dois: '10.1186/s12913-020-05145-1' }, 'dois: expected an array'],
    ['empty title', { title: '' }, 'title: expected a non-empty string'],
    ['title without English', { title: { fr: 'Praticiens' } }, 'title.en: required'],
    ['title with a non-string French', { title: { en: 'A', fr: 1 } }, 'title.fr: expected a string'],
    ['no authors', { authors: [] }, 'authors: expected at least one item'],
    ['blank author', { authors: ['Albers B', ' '] }, 'authors[1]: expected a non-empty string'],
    ['missing citation', { citation: undefined }, 'citation: required'],
    ['year as a string', { year: '2020' }, 'year: expected a number'],
    ['fractional year', { year: 2020.5 }, 'year: expected a whole year'],
    ['javascript: article URL', { articleUrls: ['javascript:alert(1)'] }, 'articleUrls[0]: expected an http(s) URL'],
    ['data: article URL', { articleUrls: ['data:text/html,<b>x</b>'] }, 'articleUrls[0]: expected an http(s) URL'],
    ['relative article URL', { articleUrls: ['/articles/1'] }, 'articleUrls[0]: expected an http(s) URL'],
    ['club not an object', { club: 'RIC' }, 'club: expected an object'],
    ['club without name', { club: { url: 'https://researchimpact.ca/' } }, 'club.name: required'],
    ['ftp club URL', { club: { name: 'RIC', url: 'ftp://researchimpact.ca/' } }, 'club.url: expected an http(s) URL'],
    [
      'post URL with a user name',
      { postUrl: 'https://researchimpact.ca@evil.example/' },
      'postUrl: expected an http(s) URL',
    ],
    ['oversized summary', { summary: 'a'.repeat(20_001) }, 'summary: expected at most 20000 characters'],
    ['commentary not text', { commentary: 42 }, 'commentary: expected a string'],
    ['no questions', { questions: [] }, 'questions: expected at least one item'],
    [
      'too many questions',
      { questions: Array.from({ length: 21 }, (_, i) => question(`q${i}`)) },
      'questions: expected at most 20 items',
    ],
    ['question id not a slug', { questions: [question('Q 1')] }, 'questions[0].id: expected a slug'],
    [
      'repeated question id',
      { questions: [question('q1'), question('q1')] },
      'questions[1].id: duplicate question id "q1"',
    ],
    ['question without text', { questions: [{ id: 'q1' }] }, 'questions[0].text: required'],
    ['published not ISO', { published: 'June 2020' }, 'published: expected an ISO date'],
    ['published day that does not exist', { published: '2021-02-30' }, 'published: expected a date that exists'],
  ])('%s', (_, overrides, expected) => {
    const { entries, errors } = parseCatalog(feed(rawEntry(overrides)), 'test');
    expect(entries).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain(expected);
  });

  it('names an entry without a string id by its index', () => {
    const { errors } = parseCatalog(feed(rawEntry(), rawEntry({ id: 7 })), 'test');
    expect(errors.map((e) => e.message)).toEqual(['entry #1: id: expected a string']);
  });

  it('lists a few issues per entry and counts the rest', () => {
    const { errors } = parseCatalog(feed({ id: 'x' }), 'test');
    expect(errors[0]?.message).toMatch(
      /^entry "x" \(#0\): dois: required; title: required; authors: required; and \d+ more$/,
    );
  });

  it('checks an array’s length before its items, so a huge array costs one issue', () => {
    const authors = Array.from({ length: 1_000_000 }, () => 0);
    const { errors } = parseCatalog(feed(rawEntry({ authors })), 'test');
    expect(errors[0]?.message).toBe('entry "albers-2020" (#0): authors: expected at most 200 items');
  });
});

describe('parseCatalog: a feed with problems', () => {
  it('still loads the valid entries around a broken one', () => {
    const raw = feed(rawEntry({ id: 'a' }), rawEntry({ id: 'b', year: 'soon' }), 'junk', rawEntry({ id: 'c' }));
    const { entries, errors } = parseCatalog(raw, 'test');
    expect(entries.map((e) => e.id)).toEqual(['a', 'c']);
    expect(errors.map((e) => [e.index, e.id])).toEqual([
      [1, 'b'],
      [2, null],
    ]);
    expect(errors[1]?.message).toBe('entry #2: expected an object');
  });

  it('keeps the first of two entries with the same id and reports the other', () => {
    const raw = feed(rawEntry({ title: 'First' }), rawEntry({ id: 'other' }), rawEntry({ title: 'Second' }));
    const { entries, errors } = parseCatalog(raw, 'test');
    expect(entries.map((e) => [e.id, e.title])).toEqual([
      ['albers-2020', 'First'],
      ['other', 'Implementation support practitioners'],
    ]);
    expect(errors.map((e) => e.message)).toEqual(['entry "albers-2020" (#2): duplicate id; the entry at #0 is kept']);
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'expected { "version": 1, "entries": [...] }, got null'],
    ['a number', 42, 'got number'],
    ['a string', '{"version":1}', 'got string'],
    ['a bare array', [rawEntry()], 'got a bare array'],
    ['no version', { entries: [] }, 'unsupported catalog version none'],
    ['a newer version', { version: 2, entries: [] }, 'unsupported catalog version 2'],
    ['no entries', { version: 1 }, 'entries: expected an array'],
    ['entries not an array', { version: 1, entries: { a: rawEntry() } }, 'entries: expected an array'],
  ])('refuses %s as a whole, with one error', (_, json, expected) => {
    const { entries, errors } = parseCatalog(json, 'feed.json');
    expect(entries).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: 'feed.json', index: null, id: null });
    expect(errors[0]?.message).toContain(expected);
  });

  it('reads at most MAX_CATALOG_ENTRIES entries and says so', () => {
    const raw = feed(...Array.from({ length: MAX_CATALOG_ENTRIES + 5 }, (_, i) => rawEntry({ id: `e${i}` })));
    const { entries, errors } = parseCatalog(raw, 'test');
    expect(entries).toHaveLength(MAX_CATALOG_ENTRIES);
    expect(errors.map((e) => e.message)).toEqual([
      `entries: only the first ${MAX_CATALOG_ENTRIES} of ${MAX_CATALOG_ENTRIES + 5} entries were read`,
    ]);
  });

  it('quotes at most 60 characters of a hostile id', () => {
    const { errors } = parseCatalog(feed(rawEntry({ id: 'x'.repeat(10_000) })), 'test');
    expect(errors[0]?.message.length).toBeLessThan(200);
    expect(errors[0]?.id).toHaveLength(100);
  });
});
