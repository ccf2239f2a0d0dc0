import { describe, expect, it } from 'vitest';
import { type Highlight, NOTE_MAX_LENGTH, parseHighlight, QUOTE_MAX_LENGTH } from '../../utils/highlights/highlight';
import { makeHighlight } from '../support/unit/db-fixtures';

type Mutation = (h: Highlight) => unknown;

const withQuote = (h: Highlight, quote: Partial<Highlight['target']['selectors'][0]>): Highlight => ({
  ...h,
  target: { ...h.target, selectors: [{ ...h.target.selectors[0], ...quote }, h.target.selectors[1]] },
});
const withPosition = (h: Highlight, position: Partial<Highlight['target']['selectors'][1]>): Highlight => ({
  ...h,
  target: { ...h.target, selectors: [h.target.selectors[0], { ...h.target.selectors[1], ...position }] },
});

describe('parseHighlight', () => {
  it.each<[string, Mutation]>([
    ['a highlight tied to a question', (h) => h],
    ['an untied highlight outside the catalog', (h) => ({ ...h, questionId: null, entryId: null })],
    ['an empty note', (h) => ({ ...h, note: '' })],
    ['a note at the limit', (h) => ({ ...h, note: 'n'.repeat(NOTE_MAX_LENGTH) })],
    ['a quote at the limit', (h) => withQuote(h, { exact: 'q'.repeat(QUOTE_MAX_LENGTH) })],
    ['a quote with no context', (h) => withQuote(h, { prefix: '', suffix: '' })],
    ['an upper-case DOI with a sub-registrant', (h) => ({ ...h, doi: '10.1000.10/ABC(123)' })],
    ['a passage at the very start of the page', (h) => withPosition(h, { start: 0, end: 0 })],
  ])('accepts %s, unchanged', (_, mutate) => {
    const input = mutate(makeHighlight());
    expect(parseHighlight(input)).toEqual({ ok: true, value: input });
  });

  it.each<[string, Mutation, RegExp]>([
    [
      'a note over the limit',
      (h) => ({ ...h, note: 'n'.repeat(NOTE_MAX_LENGTH + 1) }),
      /^The note is 2001 characters long; a note can be at most 2000 characters\. Shorten it and save again\.$/,
    ],
    ['a note that is not text', (h) => ({ ...h, note: 42 }), /^The note must be text\.$/],
    ['a missing note', ({ note: _, ...h }) => h, /^The highlight is missing its "note" field\.$/],
    [
      'a quote over the limit',
      (h) => withQuote(h, { exact: 'q'.repeat(QUOTE_MAX_LENGTH + 1) }),
      /passage is too long: a highlight can cover at most 4000 characters/,
    ],
    ['an empty quote', (h) => withQuote(h, { exact: '' }), /^The highlighted passage is empty\.$/],
    ['oversized context', (h) => withQuote(h, { prefix: 'p'.repeat(1001) }), /text before .* is too long/],
    ['an id that is not a UUID', (h) => ({ ...h, id: 'h1' }), /^The highlight id is not a UUID\.$/],
    ['a DOI with its resolver prefix', (h) => ({ ...h, doi: `doi:${h.doi}` }), /DOI is malformed/],
    ['an oversized DOI', (h) => ({ ...h, doi: `10.1234/${'x'.repeat(300)}` }), /DOI is too long/],
    ['an empty question id', (h) => ({ ...h, questionId: '' }), /^The question id is empty\.$/],
    ['an oversized question id', (h) => ({ ...h, questionId: 'q'.repeat(201) }), /question id is too long/],
    ['an oversized entry id', (h) => ({ ...h, entryId: 'e'.repeat(201) }), /catalog entry id is too long/],
    ['a page address that is not a URL', (h) => ({ ...h, target: { ...h.target, source: 'here' } }), /malformed/],
    ['a time without milliseconds', (h) => ({ ...h, createdAt: '2024-05-01T12:00:00Z' }), /time .* is malformed/],
    ['a time with an offset', (h) => ({ ...h, updatedAt: '2024-05-01T12:00:00.000+02:00' }), /malformed/],
    ['an impossible date', (h) => ({ ...h, createdAt: '2024-13-45T12:00:00.000Z' }), /not a real date/],
    ['the 30th of February', (h) => ({ ...h, updatedAt: '2024-02-30T12:00:00.000Z' }), /not a real date/],
    [
      'a quote missing its context',
      (h) => ({
        ...h,
        target: { ...h.target, selectors: [{ type: 'TextQuoteSelector', exact: 'x' }, h.target.selectors[1]] },
      }),
      /^The description of the highlighted passage is missing its "prefix" field\.$/,
    ],
    ['a passage ending before it starts', (h) => withPosition(h, { start: 10, end: 9 }), /ends before it starts/],
    ['a negative position', (h) => withPosition(h, { start: -1 }), /position .* is malformed/],
    ['a fractional position', (h) => withPosition(h, { end: 1217.5 }), /position .* is malformed/],
    [
      'selectors in the wrong order',
      (h) => ({ ...h, target: { ...h.target, selectors: [h.target.selectors[1], h.target.selectors[0]] } }),
      /not described as a quote/,
    ],
    [
      'a missing position selector',
      (h) => ({ ...h, target: { ...h.target, selectors: [h.target.selectors[0]] } }),
      /^The position of the highlighted passage is not in the expected form\.$/,
    ],
    ['an unknown field', (h) => ({ ...h, color: 'yellow' }), /^The highlight has an unexpected field, "color"\.$/],
    ['null', () => null, /^The highlight is not in the expected form\.$/],
    ['a string', () => 'knowledge brokers', /^The highlight is not in the expected form\.$/],
  ])('rejects %s with a sentence a reader can act on', (_, mutate, message) => {
    const result = parseHighlight(mutate(makeHighlight()));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('context kept for matching (review F3)', () => {
  it('reads a record with long context, keeping the 64 characters nearest the quote', () => {
    const stored = withQuote(makeHighlight(), { prefix: `${'p'.repeat(900)}<`, suffix: `>${'s'.repeat(900)}` });
    const parsed = parseHighlight(stored);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.target.selectors[0].prefix).toBe(`${'p'.repeat(63)}<`);
    expect(parsed.value.target.selectors[0].suffix).toBe(`>${'s'.repeat(63)}`);
    expect(parsed.value.target.selectors[0].exact).toBe(stored.target.selectors[0].exact);
  });

  it('leaves the context describe makes (32 a side) and up to 64 unchanged', () => {
    const input = withQuote(makeHighlight(), { prefix: 'p'.repeat(64), suffix: 's'.repeat(32) });
    expect(parseHighlight(input)).toEqual({ ok: true, value: input });
  });
});
