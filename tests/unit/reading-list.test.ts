import { describe, expect, it } from 'vitest';
import type { ArticleInfo } from '../../utils/article/detect';
import { bundledCatalog } from '../../utils/catalog/bundled';
import { formatMeetingDay, formatPartialDate } from '../../utils/catalog/partial-date';
import type { CatalogEntry } from '../../utils/catalog/schema';
import { articleLinkFor, buildReadingList, compareReadingOrder, localDay } from '../../utils/popup/reading-list';
import { tabStatusFor } from '../../utils/popup/tab-status';

const seed = bundledCatalog[0] as CatalogEntry;

/** A catalog entry; tests override only what their behaviour depends on. */
const entry = (overrides: Partial<CatalogEntry>): CatalogEntry => ({ ...seed, ...overrides });

describe('the reading list with meeting dates', () => {
  it('puts the coming discussions first, soonest first, then the past ones, latest first, then the rest', () => {
    const entries = [
      entry({ id: 'no-meeting-new', published: '2026-10', meeting: undefined }),
      entry({ id: 'past-long-ago', meeting: '2026-01-15' }),
      entry({ id: 'next-month', meeting: '2027-01-15' }),
      entry({ id: 'today', meeting: '2026-12-03' }),
      entry({ id: 'yesterday', meeting: '2026-12-02' }),
      entry({ id: 'next-week', meeting: '2026-12-10' }),
    ];
    expect(buildReadingList(entries, [], '2026-12-03').map((item) => item.id)).toEqual([
      'today',
      'next-week',
      'next-month',
      'yesterday',
      'past-long-ago',
      'no-meeting-new',
    ]);
  });

  it('writes the day as the reader says it, with the year only when it is not this year', () => {
    expect(formatMeetingDay('2027-01-15', '2026-12-03', 'en-GB')).toBe('15 January 2027');
    expect(formatMeetingDay('2027-01-15', '2026-12-03', 'en-US')).toBe('January 15, 2027');
    expect(formatMeetingDay('2026-12-15', '2026-12-03', 'en-GB')).toBe('15 December');
    expect(formatMeetingDay('2026-12-15', '2026-12-03', 'fr')).toBe('15 décembre');
    expect(formatMeetingDay('2026-02-30', '2026-12-03', 'en')).toBeNull();
  });

  it('takes the reader’s calendar day, not UTC’s', () => {
    const lateEvening = new Date(2026, 11, 3, 23, 30);
    expect(localDay(lateEvening)).toBe('2026-12-03');
  });
});

describe('the reading list', () => {
  it('orders the newest club post first, undated posts after, then by the article year, ties in catalog order', () => {
    const entries = [
      entry({ id: 'undated-2018', published: undefined, year: 2018 }),
      entry({ id: 'posted-2021', published: '2021', year: 2020 }),
      entry({ id: 'posted-2021-03-15', published: '2021-03-15', year: 2019 }),
      entry({ id: 'undated-2022', published: undefined, year: 2022 }),
      entry({ id: 'posted-2021-03', published: '2021-03', year: 2017 }),
      entry({ id: 'posted-2024-01', published: '2024-01', year: 2010 }),
      entry({ id: 'undated-2022-second', published: undefined, year: 2022 }),
    ];
    expect(buildReadingList(entries, []).map((item) => item.id)).toEqual([
      'posted-2024-01',
      'posted-2021-03-15',
      'posted-2021-03',
      'posted-2021',
      'undated-2022',
      'undated-2022-second',
      'undated-2018',
    ]);
  });

  it('breaks a tie between posts of the same date by the newer article', () => {
    const older = { published: '2023-05', year: 2001 };
    const newer = { published: '2023-05', year: 2019 };
    expect(compareReadingOrder(newer, older)).toBeLessThan(0);
    expect(compareReadingOrder(older, newer)).toBeGreaterThan(0);
  });

  it('counts highlights under every DOI of an entry, in any letter case, and not those of other articles', () => {
    const entries = [
      entry({ id: 'two-dois', dois: ['10.1186/s12913-020-05145-1', '10.21203/rs.2.2.preprint'] }),
      entry({ id: 'other', dois: ['10.5555/other'] }),
      entry({ id: 'untouched', dois: ['10.5555/untouched'] }),
    ];
    const highlightDois = [
      '10.1186/S12913-020-05145-1',
      '10.1186/s12913-020-05145-1',
      '10.21203/RS.2.2.PREPRINT',
      '10.5555/other',
      '10.9999/not-in-the-catalog',
    ];
    const counts = Object.fromEntries(
      buildReadingList(entries, highlightDois).map((item) => [item.id, item.highlights]),
    );
    expect(counts).toEqual({ 'two-dois': 3, other: 1, untouched: 0 });
  });

  it('counts a DOI listed twice in one entry only once', () => {
    const entries = [entry({ id: 'twice', dois: ['10.5555/a', '10.5555/A'] })];
    expect(buildReadingList(entries, ['10.5555/a'])[0]?.highlights).toBe(1);
  });

  it('has no counts (null, not zero) when the highlights could not be read', () => {
    expect(buildReadingList([seed], null)[0]?.highlights).toBeNull();
  });

  it('links the first open-access copy, or the DOI through doi.org when the club lists none', () => {
    expect(
      articleLinkFor({ articleUrls: ['https://oa.example/a', 'https://oa.example/b'], dois: ['10.5555/x'] }),
    ).toEqual({
      url: 'https://oa.example/a',
      openAccess: true,
    });
    expect(articleLinkFor({ articleUrls: [], dois: ['10.5555/x(1)', '10.5555/y'] })).toEqual({
      url: 'https://doi.org/10.5555/x(1)',
      openAccess: false,
    });
    const [item] = buildReadingList([entry({ articleUrls: [] })], []);
    expect(item?.articleUrl).toBe('https://doi.org/10.1186/s12913-020-05145-1');
    expect(item?.openAccessCopy).toBe(false);
  });

  it('carries what the popup draws: title, club, discussion post, dates', () => {
    const [item] = buildReadingList([entry({ published: '2024-02-29', title: { en: 'English', fr: 'Français' } })], []);
    expect(item).toEqual({
      id: 'albers-2020',
      title: { en: 'English', fr: 'Français' },
      published: '2024-02-29',
      year: 2020,
      meeting: null,
      articleUrl: 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1',
      openAccessCopy: true,
      club: seed.club,
      postUrl: seed.postUrl,
      highlights: 0,
    });
  });
});

describe('catalog dates in the reader language', () => {
  it('shows only what is known: year, month, or day', () => {
    expect(formatPartialDate('2021', 'en')).toEqual({ text: '2021', precision: 'year' });
    expect(formatPartialDate('2021-03', 'en-CA')).toEqual({ text: 'March 2021', precision: 'month' });
    expect(formatPartialDate('2021-03-05', 'en-US')).toEqual({ text: 'March 5, 2021', precision: 'day' });
  });

  it('writes French dates in French', () => {
    expect(formatPartialDate('2021-03', 'fr')?.text).toBe('mars 2021');
    expect(formatPartialDate('2021-03-05', 'fr-CA')?.text).toBe('5 mars 2021');
  });

  it('does not shift the day in any time zone (dates are read as UTC calendar days)', () => {
    expect(formatPartialDate('2021-01-01', 'en-US')?.text).toBe('January 1, 2021');
    expect(formatPartialDate('2021-12-31', 'en-US')?.text).toBe('December 31, 2021');
  });

  it('refuses what is not a catalog date, and survives a language tag Intl rejects', () => {
    for (const bad of ['', '21', '2021-3', '2021-13', '2021-02-30', '2021-03-05T10:00', 'March 2021']) {
      expect(formatPartialDate(bad, 'en'), bad).toBeNull();
    }
    expect(formatPartialDate('2021-03', 'not a language!')?.text).toBe('March 2021');
  });
});

describe('what the popup says about a tab', () => {
  const article: ArticleInfo = {
    doi: '10.1186/S12913-020-05145-1',
    title: 'The page title',
    openAccess: 'open',
    openAccessEvidence: null,
    pdfUrl: null,
    canonicalUrl: 'https://example.org/a',
    doiSource: 'meta',
  };

  it('tells the three cases apart, naming the club entry by its catalog title', () => {
    expect(tabStatusFor(null, null)).toEqual({ kind: 'no-article' });
    expect(tabStatusFor({ ...article, title: null }, null)).toEqual({
      kind: 'not-in-catalog',
      doi: '10.1186/S12913-020-05145-1',
      title: null,
    });
    expect(tabStatusFor(article, seed)).toEqual({
      kind: 'club-article',
      entryId: 'albers-2020',
      doi: '10.1186/S12913-020-05145-1',
      title: seed.title,
    });
  });
});
