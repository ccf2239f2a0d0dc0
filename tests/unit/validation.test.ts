import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  canonicalDoi,
  type DoiMessages,
  publishedDoi,
  publishedText,
  storedDoi,
  textUpTo,
} from '../../utils/validation';

const messages: DoiMessages = { missing: 'missing', tooLong: 'too long', malformed: 'malformed' };
/** The first problem's message, or the output when there is none. */
const check = (schema: v.GenericSchema, input: unknown) => {
  const parsed = v.safeParse(schema, input, { abortEarly: true });
  return parsed.success ? { ok: parsed.output } : { problem: parsed.issues[0].message };
};

describe('textUpTo', () => {
  const field = textUpTo(5, { notText: () => 'not text', tooLong: () => 'too long' });
  it.each([
    ['hello', { ok: 'hello' }],
    ['', { ok: '' }],
    ['hello!', { problem: 'too long' }],
    [42, { problem: 'not text' }],
  ])('checks %j', (input, expected) => {
    expect(check(field, input)).toEqual(expected);
  });
});

describe('publishedText', () => {
  it.each([
    ['  Title  ', { ok: 'Title' }],
    ['   ', { problem: 'expected a non-empty string' }],
    ['abcdef', { problem: 'expected at most 5 characters' }],
    [null, { problem: 'expected a string' }],
  ])('checks %j as a club would need to hear it', (input, expected) => {
    expect(check(publishedText(5), input)).toEqual(expected);
  });
});

describe('the three DOI rules', () => {
  it.each([
    // A stored highlight keeps any DOI-shaped spelling; a share link only the canonical one; a catalog normalises.
    ['10.1186/s12913-020-05145-1', { ok: '10.1186/s12913-020-05145-1' }, { ok: '10.1186/s12913-020-05145-1' }],
    ['10.1186/abc.', { ok: '10.1186/abc.' }, { problem: 'malformed' }],
    ['10.1186/a"b', { ok: '10.1186/a"b' }, { problem: 'malformed' }],
    ['10.1186/a\uD800b', { ok: '10.1186/a\uD800b' }, { problem: 'malformed' }],
    ['doi:10.1186/x', { problem: 'malformed' }, { problem: 'malformed' }],
    [7, { problem: 'missing' }, { problem: 'missing' }],
    [`10.1186/${'x'.repeat(300)}`, { problem: 'too long' }, { problem: 'too long' }],
  ])('%j: stored %j, canonical %j', (input, stored, canonical) => {
    expect(check(storedDoi(messages), input)).toEqual(stored);
    expect(check(canonicalDoi(messages), input)).toEqual(canonical);
  });

  it.each([
    [' https://doi.org/10.1186/S12913-020-05145-1 ', { ok: '10.1186/S12913-020-05145-1' }],
    ['doi:10.1186/x', { ok: '10.1186/x' }],
    ['not a doi', { problem: 'expected a DOI such as 10.1186/s12913-020-05145-1' }],
    ['', { problem: 'expected a non-empty string' }],
  ])('a catalog DOI %j is normalised or refused in English', (input, expected) => {
    expect(check(publishedDoi(300), input)).toEqual(expected);
  });
});
