import { describe, expect, it } from 'vitest';
import {
  type AnchorStatus,
  countLabel,
  groupHighlights,
  type HighlightGroup,
  isSamePage,
  makeSavedFormatter,
  previewQuote,
  QUOTE_PREVIEW_LENGTH,
  questionOptionLabel,
  quoteOpening,
  shortenText,
} from '../../utils/highlights/groups';
import type { Highlight } from '../../utils/highlights/highlight';
import { makeHighlight } from '../support/unit/db-fixtures';

const PAGE = 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1';
const PMC = 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7146983/';
const QUESTIONS = [
  { id: 'q1', text: 'What do brokers do?' },
  { id: 'q2', text: 'Who funds them?' },
];

/** A highlight at `start` on `source`, tied to `questionId`, with a readable id for assertions. */
function at(id: string, start: number, questionId: string | null = 'q1', source = PAGE): Highlight {
  const base = makeHighlight({ id, questionId });
  return {
    ...base,
    target: { source, selectors: [base.target.selectors[0], { type: 'TextPositionSelector', start, end: start + 5 }] },
  };
}

/** Each group as `kind:heading` with its highlight ids in order, the shape the panel renders. */
const summary = (groups: HighlightGroup[]): [string, string[]][] =>
  groups.map((group) => [`${group.kind}:${group.heading}`, group.items.map((item) => item.highlight.id)]);

const anchoredAll = (highlights: Highlight[]): Record<string, AnchorStatus> =>
  Object.fromEntries(highlights.map((h) => [h.id, 'anchored']));

describe('groupHighlights', () => {
  it('puts anchored highlights under their question in page order, then untied, then the orphan groups', () => {
    const highlights = [at('c', 300), at('a', 100), at('u', 50, null), at('b', 200), at('d', 10, 'q2')];
    expect(summary(groupHighlights(QUESTIONS, highlights, anchoredAll(highlights), PAGE))).toEqual([
      ['question:Question 1', ['a', 'b', 'c']],
      ['question:Question 2', ['d']],
      ['untied:Not tied to a question', ['u']],
      ['missing:Not found on this page', []],
      ['other-copy:Not found in this version', []],
    ]);
  });

  it('orders equal positions by creation time, then id', () => {
    const late = { ...at('x', 100), createdAt: '2024-06-01T00:00:00.000Z' };
    const early = { ...at('y', 100), createdAt: '2024-05-01T00:00:00.000Z' };
    const tie = { ...at('w', 100), createdAt: '2024-06-01T00:00:00.000Z' };
    const groups = groupHighlights(QUESTIONS, [late, early, tie], anchoredAll([late, early, tie]), PAGE);
    expect(summary(groups)[0]).toEqual(['question:Question 1', ['y', 'w', 'x']]);
  });

  it.each<[string, string, AnchorStatus | undefined, string, string | null]>([
    ['an orphan made on this page', PAGE, 'orphan', 'missing', null],
    ['an orphan made on this page with another query and hash', `${PAGE}?utm=x#sec2`, 'orphan', 'missing', null],
    ['an orphan made on another copy', PMC, 'orphan', 'other-copy', 'pmc.ncbi.nlm.nih.gov'],
    ['an ambiguous highlight (found in several places) made on this page', PAGE, 'ambiguous', 'missing', null],
    ['an anchored highlight made on another copy', PMC, 'anchored', 'question', 'pmc.ncbi.nlm.nih.gov'],
    ['a highlight the anchor report does not mention yet', PAGE, undefined, 'question', null],
  ])('places %s', (_, source, status, kind, host) => {
    const highlight = at('h', 10, 'q1', source);
    const anchors: Record<string, AnchorStatus> = status ? { h: status } : {};
    const group = groupHighlights(QUESTIONS, [highlight], anchors, PAGE).find((g) => g.items.length > 0);
    expect(group?.kind).toBe(kind);
    expect(group?.items[0]?.otherCopyHost).toBe(host);
    expect(group?.items[0]?.placement).toBe(status ?? 'pending');
  });

  it('lists everything under its question, pending, while the page is not anchored yet', () => {
    const highlights = [at('a', 5, 'q2', PMC), at('b', 1, null)];
    const groups = groupHighlights(QUESTIONS, highlights, null, PAGE);
    expect(summary(groups).filter(([, ids]) => ids.length > 0)).toEqual([
      ['question:Question 2', ['a']],
      ['untied:Not tied to a question', ['b']],
    ]);
    expect(groups.flatMap((g) => g.items.map((item) => item.placement))).toEqual(['pending', 'pending']);
  });

  it('keeps orphans of one copy together, in page order within it', () => {
    const highlights = [at('p2', 50, 'q1', PMC), at('o', 10, 'q1', 'https://europepmc.org/article/x'), at('p1', 5)];
    const anchors: Record<string, AnchorStatus> = { p2: 'orphan', o: 'orphan', p1: 'orphan' };
    const groups = groupHighlights(QUESTIONS, [...highlights, at('p0', 1, 'q1', PMC)], anchors, PAGE);
    expect(summary(groups).slice(3)).toEqual([
      ['missing:Not found on this page', ['p1']],
      ['other-copy:Not found in this version', ['o', 'p2']],
    ]);
  });

  it('treats a question the entry no longer has as untied, keeping its id and saying so', () => {
    const highlight = at('h', 10, 'q-gone');
    const [item] = groupHighlights(QUESTIONS, [highlight], { h: 'anchored' }, PAGE).find((g) => g.kind === 'untied')
      ?.items ?? [undefined];
    expect(item?.questionIndex).toBeNull();
    expect(item?.highlight.questionId).toBe('q-gone');
    expect(item?.questionLabel).toBe("Question no longer in the club's list");
  });

  it.each<[string | null, number | null, string]>([
    ['q2', 1, 'Question 2'],
    [null, null, 'Not tied to a question'],
  ])('labels a highlight tied to %s', (questionId, index, label) => {
    const groups = groupHighlights(QUESTIONS, [at('h', 1, questionId, PMC)], { h: 'orphan' }, PAGE);
    expect(groups.at(-1)?.items[0]).toMatchObject({ questionIndex: index, questionLabel: label });
  });

  it('returns every question group even when empty, so counts of 0 can be shown', () => {
    const groups = groupHighlights(QUESTIONS, [], {}, PAGE);
    expect(groups.map((g) => [g.key, g.items.length])).toEqual([
      ['question:q1', 0],
      ['question:q2', 0],
      ['untied', 0],
      ['missing', 0],
      ['other-copy', 0],
    ]);
  });
});

describe('isSamePage', () => {
  it.each<[string, string, boolean]>([
    [PAGE, `${PAGE}#main`, true],
    [PAGE, `${PAGE}?report=reader`, true],
    [PAGE, PMC, false],
    ['https://example.org/a', 'http://example.org/a', false],
    ['https://example.org/a', 'https://example.org/a/', false],
    ['not a url', PAGE, false],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(isSamePage(a, b)).toBe(same);
  });
});

describe('labels', () => {
  it.each<[number, string]>([
    [0, '0 highlights'],
    [1, '1 highlight'],
    [2, '2 highlights'],
  ])('counts %i as "%s"', (count, label) => {
    expect(countLabel(count)).toBe(label);
  });

  it.each<[string, string, number, string]>([
    ['a short text unchanged', 'short', 10, 'short'],
    ['whitespace collapsed', '  two\n\nlines  ', 20, 'two lines'],
    ['a cut at a word boundary', 'one two three four five', 16, 'one two three…'],
    ['a hard cut when the last word is long', 'a supercalifragilistic', 10, 'a superca…'],
    ['trailing punctuation dropped before the ellipsis', 'alpha, beta gamma', 8, 'alpha…'],
    ['no split emoji', '😀😀😀😀😀😀', 4, '😀😀😀…'],
  ])('shortenText: %s', (_, text, max, expected) => {
    expect(shortenText(text, max)).toBe(expected);
  });

  it('previews a long quote at about 280 characters and says it was shortened', () => {
    const long = `${'word '.repeat(100)}end`;
    const preview = previewQuote(long);
    expect(preview.shortened).toBe(true);
    expect(preview.text.endsWith('…')).toBe(true);
    expect(preview.text.length).toBeLessThanOrEqual(QUOTE_PREVIEW_LENGTH);
    expect(previewQuote('short\npassage')).toEqual({ text: 'short passage', shortened: false });
  });

  it('names a quote by its first words, and an option by its question', () => {
    expect(quoteOpening('Knowledge brokers connect researchers with the people who use research')).toBe(
      '“Knowledge brokers connect researchers…”',
    );
    expect(questionOptionLabel(1, 'Who funds them?')).toBe('Question 2: Who funds them?');
  });

  it.each<[string, string, string]>([
    ['en-GB', '2026-11-27T14:05:00.000Z', 'Saved 27 Nov 2026, 14:05'],
    ['en-GB', '2026-01-02T00:00:00.000Z', 'Saved 2 Jan 2026, 00:00'],
    ['en-US', '2026-11-27T14:05:00.000Z', 'Saved Nov 27, 2026, 02:05 PM'],
  ])('formats the time in %s (UTC) for %s', (locale, iso, expected) => {
    expect(makeSavedFormatter(locale, 'UTC')(iso)).toBe(expected);
  });
});
