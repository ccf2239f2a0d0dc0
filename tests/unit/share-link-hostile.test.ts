import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { normalizeDoi } from '../../utils/article/doi';
import { HighlightSelectorsSchema, NOTE_MAX_LENGTH } from '../../utils/highlights/highlight';
import { encodeBase64url } from '../../utils/sharing/base64url';
import { deflateRaw } from '../../utils/sharing/compression';
import { parsePayload, toPayload } from '../../utils/sharing/payload';
import {
  type DecodeResult,
  decodeShareLink,
  encodeShareLink,
  LINK_MAX_LENGTH,
  noteShortenedMarker,
  type SharedHighlight,
} from '../../utils/sharing/share-link';

/**
 * Property tests: the decoder meets thousands of hostile links and never throws, hangs or lets through anything
 * that is not validated plain text; the encoder's links decode to what went in.
 */

const BASE64URL = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
/** Per link: decoding is a few milliseconds; this only catches a hang or a runaway inflate. */
const DECODE_TIME_LIMIT_MS = 1_000;

const TRICKY = [
  '\n',
  '"',
  '\\',
  '<script>',
  '</b>',
  '&amp;',
  '🙂',
  '👩‍🔬',
  'é',
  'e\u0301',
  '\u00a0',
  '’',
  '\u{1F600}',
  'ß',
];
const grapheme = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 });
const textUnit = fc.oneof({ weight: 4, arbitrary: grapheme }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY) });
/** At most `max` UTF-16 units without splitting a character (fast-check counts graphemes, not units). */
const cutAt = (s: string, max: number) => {
  let out = '';
  for (const char of s) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
};
const text = (maxLength: number, minLength = 0) =>
  fc.string({ unit: textUnit, minLength, maxLength }).map((s) => cutAt(s, maxLength));

/** What the decoder lets through, by the test's own rules: no controls (a note keeps \n and \t), no bidi overrides. */
const FORBIDDEN_SINGLE_LINE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const FORBIDDEN_NOTE = /[^\P{Cc}\n\t]|[\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const cleanLine = (s: string) => s.replace(new RegExp(FORBIDDEN_SINGLE_LINE, 'gu'), '');
const cleanNote = (s: string) => s.replace(/\r/g, '').replace(new RegExp(FORBIDDEN_NOTE, 'gu'), '');

const doi = fc
  .tuple(
    fc.integer({ min: 1000, max: 999_999_999 }),
    fc.string({ unit: fc.constantFrom(...'abcXYZ0123456789.-_;()/:<>'), minLength: 1, maxLength: 40 }),
  )
  .map(([registrant, suffix]) => `10.${registrant}/${suffix}`)
  .filter((d) => normalizeDoi(d) === d);

const shared: fc.Arbitrary<SharedHighlight> = fc
  .record({
    doi: fc.oneof(doi, fc.constantFrom('10.1002/(SICI)1097-4636(199812)43:4<438::AID-JBM13>3.0.CO;2-B')),
    questionId: fc.option(
      text(40, 1)
        .map(cleanLine)
        .filter((s) => s !== ''),
    ),
    questionText: fc.option(text(300).map(cleanLine)),
    note: fc.oneof(text(400), text(NOTE_MAX_LENGTH)).map(cleanNote),
    exact: text(500, 1).filter((s) => s.trim() !== ''),
    prefix: text(32),
    suffix: text(32),
    start: fc.nat({ max: 1_000_000 }),
    clubName: text(60).map(cleanLine),
    entryId: fc.option(
      text(40, 1)
        .map(cleanLine)
        .filter((s) => s !== ''),
      { nil: undefined },
    ),
    title: fc.option(text(120).map(cleanLine), { nil: undefined }),
  })
  .map(({ exact, prefix, suffix, start, ...rest }) => ({
    ...rest,
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix, suffix },
      { type: 'TextPositionSelector', start, end: start + [...exact].length },
    ],
  }));

const SAMPLE = {
  doi: '10.1371/journal.pone.0213978',
  questionId: 'q1',
  questionText: 'What would change your mind about the main result?',
  note: 'The confidence intervals in the second table look too narrow to me.',
  selectors: [
    {
      type: 'TextQuoteSelector',
      exact: 'participants were randomised',
      prefix: 'In total, 312 ',
      suffix: ' to either arm',
    },
    { type: 'TextPositionSelector', start: 1200, end: 1228 },
  ],
  clubName: 'Epidemiology Club',
} satisfies SharedHighlight;

async function link(json: unknown, version = '1'): Promise<string> {
  const bytes = await deflateRaw(new TextEncoder().encode(typeof json === 'string' ? json : JSON.stringify(json)));
  return `https://example.org/article#jc=${version}${encodeBase64url(bytes)}`;
}

/** Decodes with a time limit and checks the result's shape; every `ok` result must be validated plain text. */
async function checkDecode(url: string): Promise<DecodeResult | null> {
  const started = performance.now();
  const result = await decodeShareLink(url);
  expect(performance.now() - started).toBeLessThan(DECODE_TIME_LIMIT_MS);
  if (result === null) return null;
  if (!result.ok) {
    expect(result.error).toMatch(/^This share link .+\.$/s);
    return result;
  }
  expect(result.shared.length).toBeGreaterThan(0);
  for (const item of result.shared) {
    expect(v.is(HighlightSelectorsSchema, item.selectors)).toBe(true);
    for (const field of [item.questionId, item.questionText, item.clubName, item.entryId, item.title]) {
      expect(field === null || (typeof field === 'string' && !FORBIDDEN_SINGLE_LINE.test(field))).toBe(true);
    }
    expect(FORBIDDEN_NOTE.test(item.note)).toBe(false);
    expect(normalizeDoi(item.doi)).toBe(item.doi);
  }
  // Validated means the decoder's own rules leave it unchanged.
  expect(parsePayload(toPayload(result.shared))).toEqual(result);
  return result;
}

const payloadObject = fc.record(
  {
    d: fc.oneof(doi, fc.string(), fc.jsonValue()),
    c: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue()),
    e: fc.oneof(fc.string({ unit: 'binary' }), fc.constant(null), fc.jsonValue()),
    t: fc.oneof(fc.string({ unit: 'binary' }), fc.constant(null)),
    h: fc.oneof(
      fc.array(
        fc.record(
          {
            i: fc.oneof(fc.string({ unit: 'binary' }), fc.constant(null), fc.jsonValue()),
            w: fc.oneof(fc.string({ unit: 'binary', maxLength: 1200 }), fc.constant(null)),
            n: fc.oneof(fc.string({ unit: 'binary', maxLength: 2100 }), fc.jsonValue()),
            x: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue()),
            p: fc.string({ unit: 'binary' }),
            s: fc.string({ unit: 'binary' }),
            a: fc.oneof(fc.tuple(fc.integer(), fc.integer()), fc.tuple(fc.double(), fc.nat()), fc.jsonValue()),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);

/** Payloads of the right shape whose text is anything: controls, bidi overrides, lone surrogates, markup. */
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({
      unit: fc.constantFrom('\u0000', '\u0007', '\r', '\n', '\u202E', '\u2066', '\uD800', '\uDC00', '<script>', 'a'),
      maxLength,
    }),
  );
const hostileText = fc.record({
  d: doi,
  c: anyText(200),
  e: fc.option(anyText(200).filter((s) => s !== '')),
  t: fc.option(anyText(500)),
  h: fc.array(
    fc.record({
      i: fc.option(anyText(200).filter((s) => s !== '')),
      w: fc.option(anyText(1000)),
      n: anyText(2000),
      x: anyText(4000).filter((s) => s !== ''),
      p: anyText(40),
      s: anyText(40),
      a: fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

describe('decodeShareLink on hostile links', () => {
  it.each<[string, fc.Arbitrary<Promise<string>>, number]>([
    ['any string', fc.string({ unit: 'binary', maxLength: 300 }).map(async (s) => `${s}#jc=${s}`), 500],
    [
      'any fragment after #jc=',
      fc.string({ unit: 'binary', maxLength: 300 }).map(async (s) => `https://x.org/#jc=${s}`),
      500,
    ],
    [
      'base64url noise',
      fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: 400 }).map(async (s) => `https://x.org/#jc=${s}`),
      500,
    ],
    [
      'random bytes, not deflated',
      fc.uint8Array({ maxLength: 600 }).map(async (b) => `https://x.org/#jc=1${encodeBase64url(b)}`),
      500,
    ],
    ['random bytes, deflated', fc.uint8Array({ maxLength: 600 }).map((b) => link(new TextDecoder().decode(b))), 300],
    ['any JSON, deflated', fc.jsonValue().map((j) => link(j)), 300],
    ['near-valid payloads', payloadObject.map((p) => link(p)), 600],
    ['hostile text in a valid shape', hostileText.map((p) => link(p)), 400],
  ])('never throws and always explains, for %s', async (_name, urls, numRuns) => {
    const seen = { null: 0, error: 0, ok: 0 };
    await fc.assert(
      fc.asyncProperty(urls, async (url) => {
        const result = await checkDecode(await url);
        seen[result === null ? 'null' : result.ok ? 'ok' : 'error']++;
      }),
      { numRuns },
    );
    console.info(`hostile links (${_name}):`, seen);
    expect(seen.error + seen.ok).toBeGreaterThan(0);
  });

  it('never throws on damaged copies of real links (cut, changed, inserted characters)', async () => {
    const valid = (await encodeShareLink(SAMPLE, { fragment: 'text=participants,arm' })).url;
    const mutation = fc.oneof(
      fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
      fc
        .tuple(fc.nat({ max: valid.length - 1 }), fc.constantFrom(...BASE64URL, '%', '&', ':', '#', ' '))
        .map(([at, c]) => valid.slice(0, at) + c + valid.slice(at + 1)),
      fc
        .tuple(fc.nat({ max: valid.length }), fc.string({ unit: 'binary', maxLength: 10 }))
        .map(([at, s]) => valid.slice(0, at) + s + valid.slice(at)),
    );
    const outcomes = { null: 0, error: 0, ok: 0 };
    await fc.assert(
      fc.asyncProperty(mutation, async (url) => {
        const result = await checkDecode(url);
        outcomes[result === null ? 'null' : result.ok ? 'ok' : 'error']++;
      }),
      { numRuns: 1_500 },
    );
    console.info('damaged copies of a real link:', outcomes);
    expect(outcomes.error).toBeGreaterThan(100);
  });
});

describe('encode → decode round trip', () => {
  it('gives back any highlight: unicode, emoji, quotes, newlines, markup', async () => {
    await fc.assert(
      fc.asyncProperty(shared, async (input) => {
        const { url, shortened } = await encodeShareLink(input, { maxLength: Number.POSITIVE_INFINITY });
        expect(shortened).toBe(false);
        const result = await checkDecode(url);
        expect(result).toEqual({
          ok: true,
          shared: [{ ...input, entryId: input.entryId ?? null, title: input.title ?? null }],
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps links within the budget by shortening only the note and question, visibly', async () => {
    await fc.assert(
      fc.asyncProperty(shared, async (input) => {
        const { url, shortened } = await encodeShareLink(input);
        const result = await checkDecode(url);
        if (!result?.ok) throw new Error('not decoded');
        const [out] = result.shared as [SharedHighlight];
        expect(out.selectors).toEqual(input.selectors);
        if (!shortened) {
          expect(out.note).toBe(input.note);
          expect(url.length).toBeLessThanOrEqual(LINK_MAX_LENGTH);
          return;
        }
        if (out.note !== input.note) {
          expect(out.note.endsWith(noteShortenedMarker())).toBe(true);
          expect(input.note.startsWith(out.note.slice(0, -noteShortenedMarker().length).trimEnd())).toBe(true);
        }
        // Only a quote too long for the budget leaves the link over it, and then both texts are minimal.
        if (url.length > LINK_MAX_LENGTH) expect(out.note.length).toBeLessThanOrEqual(noteShortenedMarker().length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('context beyond what matching uses (review F3)', () => {
  it('cuts 1,000 characters of context around one-letter quotes to the 64 nearest the quote', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({
      x: 'e',
      p: `${'a'.repeat(999)}${i % 10}`,
      s: `${i % 10}${'b'.repeat(999)}`,
      a: [i, i + 1],
    }));
    const url = await link({ d: SAMPLE.doi, c: 'Club', h: items });
    const result = await checkDecode(url);
    if (!result?.ok) throw new Error(`not decoded: ${JSON.stringify(result)}`);
    expect(result.shared).toHaveLength(30);
    for (const [i, item] of result.shared.entries()) {
      const quote = item.selectors[0];
      expect(quote.exact).toBe('e');
      expect(quote.prefix).toBe(`${'a'.repeat(63)}${i % 10}`);
      expect(quote.suffix).toBe(`${i % 10}${'b'.repeat(63)}`);
    }
  });

  it('never cuts an emoji in half', async () => {
    const url = await link({
      d: SAMPLE.doi,
      c: 'Club',
      h: [{ x: 'q', p: `${'a'.repeat(100)}${'🙂'.repeat(40)}`, s: '🙂'.repeat(40), a: [0, 1] }],
    });
    const result = await checkDecode(url);
    if (!result?.ok) throw new Error('not decoded');
    const [quote] = result.shared[0]?.selectors ?? [];
    expect(quote?.prefix).toBe('🙂'.repeat(32));
    expect(quote?.suffix).toBe('🙂'.repeat(32));
  });
});
