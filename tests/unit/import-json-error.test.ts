import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../utils/exchange/json-error';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('locateJsonError', () => {
  it.each([
    ['an object', '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}'],
    ['a bare number', ' 0 '],
    ['a string with a lone surrogate', '"\\ud800"'],
    ['nested empties', '[[], {}, [{}]]'],
  ])('finds nothing wrong with %s', (_, text) => {
    expect(locateJsonError(text)).toBeNull();
  });

  it.each([
    ['a missing value', '{"a": }', 1, 7, false],
    ['a trailing comma', '[1,2,]', 1, 6, false],
    ['a single-quoted string', "{'a': 1}", 1, 2, false],
    ['a leading zero', '[01]', 1, 3, false],
    ['a lone minus', '[-]', 1, 2, false],
    ['a bad escape', '"\\x"', 1, 3, false],
    ['a raw newline in a string', '"a\nb"', 1, 3, false],
    ['a second document', '{}\n{}', 2, 1, false],
    ['a comment', '{\n  // note\n}', 2, 3, false],
    ['an error on a later line', '{\n  "a": 1,\n  "b": tru,\n}', 3, 8, false],
    ['an empty text', '', 1, 1, true],
    ['an unclosed array', '[1, 2', 1, 6, true],
    ['an unclosed string', '{"a": "b', 1, 9, true],
    ['a truncated literal', '[true, fal', 1, 11, true],
    ['a truncated escape', '"\\', 1, 3, true],
    ['a missing colon at the end', '{"a"', 1, 5, true],
  ])('locates %s', (_, text, line, column, atEnd) => {
    expect(locateJsonError(text)).toMatchObject({ line, column, atEnd });
  });

  it('copes with nesting a recursive parser could not', () => {
    expect(locateJsonError('['.repeat(1_000_000))).toMatchObject({ offset: 1_000_000, atEnd: true });
    expect(locateJsonError(`${'['.repeat(500_000)}${']'.repeat(500_000)}`)).toBeNull();
  });

  it('agrees with JSON.parse on JSON-like text (property)', () => {
    const jsonish = fc.string({
      unit: fc.constantFrom(...'{}[]:,"\\ \n\t-+.0123456789eEtrufalsn\u00e9\u0001x'.split('')),
    });
    fc.assert(
      fc.property(jsonish, (text) => {
        expect(locateJsonError(text) === null).toBe(parses(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees with JSON.parse on valid JSON and on each of its cuts and edits (property)', () => {
    const edited = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\\', '0'))
      .map(([json, at, insert]) => {
        const i = json.length === 0 ? 0 : at % json.length;
        return [json, json.slice(0, i), json.slice(0, i) + insert + json.slice(i)];
      });
    fc.assert(
      fc.property(edited, (texts) => {
        for (const text of texts) expect(locateJsonError(text) === null).toBe(parses(text));
      }),
      { numRuns: 1_000 },
    );
  });
});
