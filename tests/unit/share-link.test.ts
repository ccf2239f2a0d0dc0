import { describe, expect, it } from 'vitest';
import { NOTE_MAX_LENGTH } from '../../utils/highlights/highlight';
import { encodeBase64url } from '../../utils/sharing/base64url';
import { deflateRaw } from '../../utils/sharing/compression';
import {
  decodeShareLink,
  encodeDoiPath,
  encodeShareAll,
  encodeShareLink,
  LINK_MAX_LENGTH,
  noteShortenedMarker,
  SHARE_ALL_MAX_LENGTH,
  type SharedHighlight,
} from '../../utils/sharing/share-link';
import { stripSharePayload } from '../../utils/sharing/share-url';
import { formatTextDirective } from '../../utils/sharing/text-fragment-match';

const WILEY = '10.1002/(SICI)1097-4636(199812)43:4<438::AID-JBM13>3.0.CO;2-B';
const WILEY_HASH = '10.1002/(SICI)1521-4095(199907)11:10<814::AID-ADMA814>3.0.CO;2-#';

/** Realistic, non-repetitive text at the lengths the link budget is designed for. */
const QUESTION =
  'Does the reported gain in accuracy hold for protein families that were poorly represented in the training data, or mainly for the well-studied ones?';
const QUOTE =
  'To estimate accuracy without leakage, we evaluated the network on structures released after the training cut-off, and none of the targets shared more than 40% sequence identity with any training chain.';
const NOTE = (
  'I am not convinced by the leakage argument. Held-out entries were chosen by release date, yet many of them have close ' +
  'homologues among older structures, so the estimate may still be optimistic. Worth asking the group whether the ' +
  'supplement reports accuracy stratified by identity to the nearest training chain, and what happens below 30%.'
).slice(0, 280);

function highlight(overrides: Partial<SharedHighlight> = {}): SharedHighlight {
  return {
    doi: '10.1038/s41586-021-03819-2',
    questionId: 'q-generalisation',
    questionText: QUESTION,
    note: NOTE,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: QUOTE,
        prefix: 'the CASP14 assessment in Fig. 1. ',
        suffix: ' Median backbone accuracy was 0.9',
      },
      { type: 'TextPositionSelector', start: 48_213, end: 48_213 + QUOTE.length },
    ],
    clubName: 'Structural Biology Journal Club',
    entryId: 'alphafold-2021',
    title: 'Highly accurate protein structure prediction with AlphaFold',
    ...overrides,
  };
}

async function decodeOne(url: string): Promise<SharedHighlight> {
  const result = await decodeShareLink(url);
  if (result === null || !result.ok) throw new Error(`not decoded: ${JSON.stringify(result)}`);
  expect(result.shared).toHaveLength(1);
  return result.shared[0] as SharedHighlight;
}

/**
 * Text that compresses like prose or worse (random words of random letters, seeded), for tests that need a
 * long link: repeating a sentence would compress to almost nothing.
 */
function randomWords(length: number, seed = 1): string {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  let text = '';
  while (text.length < length) {
    const word = Array.from({ length: 2 + Math.floor(next() * 8) }, () =>
      String.fromCharCode(97 + Math.floor(next() * 26)),
    );
    text += `${word.join('')} `;
  }
  return text.slice(0, length);
}

/** A link whose payload is `raw` JSON, compressed as the encoder would, to test what the decoder accepts. */
async function linkWithJson(json: string, version = '1'): Promise<string> {
  const bytes = await deflateRaw(new TextEncoder().encode(json));
  return `https://doi.org/10.1/x#jc=${version}${encodeBase64url(bytes)}`;
}

describe('encodeShareLink → decodeShareLink', () => {
  it.each<[string, Partial<SharedHighlight>]>([
    ['a full highlight', {}],
    ['an untied highlight', { questionId: null, questionText: null }],
    ['a question id without text', { questionText: null }],
    ['no note', { note: '' }],
    ['no entry id or title', { entryId: null, title: null }],
    ['unicode, emoji, quotes and newlines', { note: "Ça “marche” 👩‍🔬 — d'accord?\n\nSecond line\twith a tab." }],
    ['markup, kept as plain text', { note: '<img src=x onerror=alert(1)>', clubName: '<b>Club</b> & "friends"' }],
    ['the legacy Wiley DOI', { doi: WILEY }],
    ['a Wiley DOI with #', { doi: WILEY_HASH }],
  ])('gives back %s', async (_name, overrides) => {
    const shared = highlight(overrides);
    const { url, shortened } = await encodeShareLink(shared);
    expect(shortened).toBe(false);
    expect(await decodeOne(url)).toEqual({ ...shared, entryId: shared.entryId ?? null, title: shared.title ?? null });
  });

  it('reads absent entry id and title as null', async () => {
    const { entryId: _e, title: _t, ...rest } = highlight();
    const decoded = await decodeOne((await encodeShareLink(rest)).url);
    expect([decoded.entryId, decoded.title]).toEqual([null, null]);
  });

  it.each([
    ['a note', { note: 'a\u0000b\u0007c\r\nd\u202Ee\u2066f' }, 'note', 'abc\nd' + 'ef'],
    ['a question', { questionText: 'one\ntwo\u0000\u0001three' }, 'questionText', 'one two three'],
    ['the club name', { clubName: 'Club\u202E\r\nname' }, 'clubName', 'Club name'],
  ])('removes control and bidi-override characters from %s', async (_name, overrides, field, expected) => {
    const decoded = await decodeOne((await encodeShareLink(highlight(overrides))).url);
    expect(decoded[field as keyof SharedHighlight]).toBe(expected);
  });

  it('replaces broken UTF-16 (a lone surrogate) with U+FFFD, as JSON and UTF-8 cannot carry it', async () => {
    const [quote, position] = highlight().selectors;
    const decoded = await decodeOne(
      (await encodeShareLink(highlight({ note: 'a\uD800b', selectors: [{ ...quote, suffix: 'x\uDC00' }, position] })))
        .url,
    );
    expect([decoded.note, decoded.selectors[0].suffix]).toEqual(['a\uFFFDb', 'x\uFFFD']);
  });
});

describe('link form', () => {
  it.each([
    ['10.1038/s41586-021-03819-2', '10.1038/s41586-021-03819-2'],
    [WILEY, '10.1002/(SICI)1097-4636(199812)43:4%3C438::AID-JBM13%3E3.0.CO;2-B'],
    [WILEY_HASH, '10.1002/(SICI)1521-4095(199907)11:10%3C814::AID-ADMA814%3E3.0.CO;2-%23'],
    ['10.1234/50%off?x=y', '10.1234/50%25off%3Fx=y'],
    ['10.1234/café', '10.1234/caf%C3%A9'],
  ])('puts the DOI %s in the path as %s', (doi, path) => {
    expect(encodeDoiPath(doi)).toBe(path);
    expect(decodeURIComponent(new URL(`https://doi.org/${path}#x`).pathname.slice(1))).toBe(doi);
  });

  it('links to doi.org, with the payload and then the text directive in the fragment', async () => {
    const fragment = formatTextDirective({ start: 'To estimate accuracy', end: 'a training chain.' });
    const { url } = await encodeShareLink(highlight({ doi: WILEY }), { fragment });
    expect(url).toMatch(
      /^https:\/\/doi\.org\/10\.1002\/\(SICI\)1097-4636\(199812\)43:4%3C438::AID-JBM13%3E3\.0\.CO;2-B#jc=1[\w-]+:~:text=/,
    );
    expect(url.endsWith(`:~:${fragment}`)).toBe(true);
    expect(new URL(url).hash).toBe(url.slice(url.indexOf('#')));
  });

  it.each([
    ['https://www.nature.com/articles/s41586-021-03819-2', 'https://www.nature.com/articles/s41586-021-03819-2#jc=1'],
    ['https://example.org/a?id=1#sec-2', 'https://example.org/a?id=1#jc=1'],
    ['https://example.org/a#jc=1old:~:text=x', 'https://example.org/a#jc=1'],
  ])('links to the page %s when asked', async (base, start) => {
    const { url } = await encodeShareLink(highlight(), { base });
    expect(url.startsWith(start)).toBe(true);
    expect((await decodeOne(url)).note).toBe(NOTE);
  });

  it.each([
    ['an invalid DOI', () => encodeShareLink(highlight({ doi: '10.1234/<script>' }))],
    ['a note over the limit', () => encodeShareLink(highlight({ note: 'x'.repeat(NOTE_MAX_LENGTH + 1) }))],
    [
      'an empty quote',
      () =>
        encodeShareLink(
          highlight({ selectors: [{ ...highlight().selectors[0], exact: '' }, highlight().selectors[1]] }),
        ),
    ],
    ['a fragment that is not encoded', () => encodeShareLink(highlight(), { fragment: 'text=two words' })],
    ['a base that is not a web page', () => encodeShareLink(highlight(), { base: 'javascript:alert(1)' })],
    ['mixed articles', () => encodeShareAll([highlight(), highlight({ doi: '10.1093/nar/gks1195' })])],
    ['nothing', () => encodeShareAll([])],
  ])('refuses %s with a TypeError', async (_name, make) => {
    await expect(make()).rejects.toThrow(TypeError);
  });
});

describe('link length', () => {
  it('stays within 1,500 characters for a 280-character note, a 200-character quote and a typical question', async () => {
    expect([NOTE.length, QUOTE.length, QUESTION.length]).toEqual([280, 201, 148]);
    const whole = formatTextDirective({ start: QUOTE });
    const split = formatTextDirective({ start: 'To estimate accuracy', end: 'a training chain.' });
    const lengths: Record<string, number> = {};
    for (const [name, fragment] of [
      ['no fragment', null],
      ['start,end fragment', split],
      ['whole-quote fragment', whole],
    ] as const) {
      const { url, shortened } = await encodeShareLink(highlight(), { fragment });
      lengths[name] = url.length;
      expect(shortened).toBe(false);
      expect(url.length).toBeLessThanOrEqual(1_500);
    }
    console.info('share link lengths (280-char note, 200-char quote):', lengths);
  });

  it('shortens a long note, with a visible marker, to fit the budget', async () => {
    const note = randomWords(NOTE_MAX_LENGTH);
    const { url, shortened } = await encodeShareLink(highlight({ note }));
    expect(shortened).toBe(true);
    expect(url.length).toBeLessThanOrEqual(LINK_MAX_LENGTH);
    expect(url.length).toBeGreaterThan(LINK_MAX_LENGTH - 120);
    const decoded = await decodeOne(url);
    expect(decoded.note.endsWith(noteShortenedMarker())).toBe(true);
    expect(note.startsWith(decoded.note.slice(0, -noteShortenedMarker().length))).toBe(true);
    expect(decoded.questionText).toBe(QUESTION);
  });

  it('shortens the question text when the note alone cannot make it fit', async () => {
    const full = await encodeShareLink(highlight({ note: noteShortenedMarker() }));
    const maxLength = full.url.length - 40;
    const { url, shortened } = await encodeShareLink(highlight(), { maxLength });
    expect(shortened).toBe(true);
    expect(url.length).toBeLessThanOrEqual(maxLength);
    const decoded = await decodeOne(url);
    expect(decoded.note).toBe(noteShortenedMarker());
    expect(decoded.questionText?.endsWith('…')).toBe(true);
    expect(QUESTION.startsWith(decoded.questionText?.slice(0, -1) ?? '')).toBe(true);
  });

  it('keeps a link over the budget only when the quote itself does not fit', async () => {
    const { url, shortened } = await encodeShareLink(highlight(), { maxLength: 200 });
    expect(shortened).toBe(true);
    expect(url.length).toBeGreaterThan(200);
    expect((await decodeOne(url)).selectors).toEqual(highlight().selectors);
  });
});

describe('encodeShareAll', () => {
  const items = [
    highlight(),
    highlight({ questionId: null, questionText: null, note: 'Nice figure.' }),
    highlight({
      note: '',
      selectors: [
        { ...highlight().selectors[0], exact: 'Median backbone accuracy' },
        { type: 'TextPositionSelector', start: 9, end: 33 },
      ],
    }),
  ];

  it('puts all highlights in one link, decoded as a list in the same order', async () => {
    const result = await encodeShareAll(items);
    if (!('url' in result)) throw new Error('too long');
    const decoded = await decodeShareLink(result.url);
    expect(decoded).toEqual({ ok: true, shared: items });
  });

  it('reports the length instead of a link past the bound', async () => {
    const many = Array.from({ length: 25 }, (_, i) => highlight({ note: randomWords(500, i + 1) }));
    const result = await encodeShareAll(many);
    expect(result).toEqual({ tooLong: true, length: expect.any(Number), limit: SHARE_ALL_MAX_LENGTH });
    expect((result as { length: number }).length).toBeGreaterThan(SHARE_ALL_MAX_LENGTH);
  });
});

describe('decodeShareLink on links it did not make', () => {
  it.each([
    ['https://doi.org/10.1038/s41586-021-03819-2'],
    ['https://example.org/#section-2'],
    ['https://example.org/#notjc=1abc'],
    ['https://example.org/?jc=1abc'],
    ['https://example.org/#:~:text=jc=1abc'],
    [''],
  ])('returns null for %s', async (url) => {
    expect(await decodeShareLink(url)).toBeNull();
  });

  const DAMAGED = /damaged or incomplete/;
  it.each<[string, () => Promise<string>, RegExp]>([
    ['an empty payload', async () => 'https://x.org/#jc=', DAMAGED],
    ['a truncated payload', async () => (await encodeShareLink(highlight())).url.slice(0, 300), DAMAGED],
    ['characters outside base64url', async () => 'https://x.org/#jc=1abc+/def', DAMAGED],
    ['a length base64 never has', async () => 'https://x.org/#jc=1abcde', DAMAGED],
    [
      'bytes that are not deflate',
      async () => `https://x.org/#jc=1${encodeBase64url(new Uint8Array([255, 0, 1, 2]))}`,
      DAMAGED,
    ],
    ['deflate of something not JSON', async () => linkWithJson('{"d": "10.1/x", '), DAMAGED],
    ['a later format version', async () => 'https://x.org/#jc=2abcd', /newer version/],
    ['an unknown version character', async () => 'https://x.org/#jc=-abcd', DAMAGED],
    ['JSON that is not an object', async () => linkWithJson('[1,2,3]'), /cannot be opened/],
    ['no highlights', async () => linkWithJson('{"d":"10.1038/x","c":"C","h":[]}'), /no highlights/],
    [
      'a DOI carrying markup',
      async () => linkWithJson('{"d":"10.1038/<script>x","c":"C","h":[{"x":"a","a":[0,1]}]}'),
      /DOI is malformed/,
    ],
    [
      'a quote that is not text',
      async () => linkWithJson('{"d":"10.1038/x","c":"C","h":[{"x":5,"a":[0,1]}]}'),
      /cannot be opened/,
    ],
    [
      'an empty quote',
      async () => linkWithJson('{"d":"10.1038/x","c":"C","h":[{"x":"","a":[0,1]}]}'),
      /passage is empty/,
    ],
    [
      'positions out of order',
      async () => linkWithJson('{"d":"10.1038/x","c":"C","h":[{"x":"a","a":[5,1]}]}'),
      /ends before it starts/,
    ],
    [
      'a note over the limit',
      async () => linkWithJson(`{"d":"10.1038/x","c":"C","h":[{"x":"a","a":[0,1],"n":"${'n'.repeat(2001)}"}]}`),
      /note is too long/,
    ],
  ])('explains %s', async (_name, make, message) => {
    const result = await decodeShareLink(await make());
    expect(result).toEqual({ ok: false, error: expect.stringMatching(message) });
  });

  it('ignores fields it does not know and keeps markup as plain text', async () => {
    const json = JSON.stringify({
      d: '10.1038/x',
      c: '<script>alert(1)</script>',
      z: { anything: [1, 2] },
      __proto__: { polluted: true },
      h: [{ x: '<b>quote</b>', a: [0, 12], n: '<img src=x onerror=alert(1)>', extra: 1 }],
    });
    const decoded = await decodeOne(await linkWithJson(json));
    expect(decoded).toEqual({
      doi: '10.1038/x',
      questionId: null,
      questionText: null,
      note: '<img src=x onerror=alert(1)>',
      selectors: [
        { type: 'TextQuoteSelector', exact: '<b>quote</b>', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 12 },
      ],
      clubName: '<script>alert(1)</script>',
      entryId: null,
      title: null,
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops inflating a zip bomb at the cap, quickly', async () => {
    const bomb = await deflateRaw(new Uint8Array(16 * 1024 * 1024).fill(32));
    const started = performance.now();
    const result = await decodeShareLink(`https://x.org/#jc=1${encodeBase64url(bomb)}`);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/far more data/) });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses a payload longer than any link it makes, without decoding it', async () => {
    const result = await decodeShareLink(`https://x.org/#jc=1${'A'.repeat(100_000)}`);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/far more data/) });
  });
});

describe('stripSharePayload', () => {
  it.each([
    ['https://x.org/a#jc=1abc', 'https://x.org/a'],
    ['https://x.org/a?q=1#jc=1abc', 'https://x.org/a?q=1'],
    ['https://x.org/a#jc=1abc:~:text=foo', 'https://x.org/a#:~:text=foo'],
    ['https://x.org/a#sec-2&jc=1abc', 'https://x.org/a#sec-2'],
    ['https://x.org/a#jc=1abc&sec-2', 'https://x.org/a#sec-2'],
    ['https://x.org/a#sec-2', 'https://x.org/a#sec-2'],
    ['https://x.org/a', 'https://x.org/a'],
  ])('turns %s into %s', (href, expected) => {
    expect(stripSharePayload(href)).toBe(expected);
  });
});
