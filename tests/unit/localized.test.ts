import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type LocalizedText, localize, localizedText } from '../../utils/catalog/localized';

describe('localize', () => {
  const both: LocalizedText = { en: 'Questions for brokers', fr: 'Questions pour les courtiers' };

  it.each<[string, LocalizedText, string, string]>([
    ['plain text in English', 'Questions', 'en', 'Questions'],
    ['plain text in French', 'Questions', 'fr', 'Questions'],
    ['English', both, 'en-CA', 'Questions for brokers'],
    ['French', both, 'fr', 'Questions pour les courtiers'],
    ['Canadian French', both, 'fr-CA', 'Questions pour les courtiers'],
    ['French, upper case', both, 'FR-ca', 'Questions pour les courtiers'],
    ['French, underscore', both, 'fr_CA', 'Questions pour les courtiers'],
    ['North Frisian (not French)', both, 'frr', 'Questions for brokers'],
    ['another language', both, 'de', 'Questions for brokers'],
    ['no language', both, '', 'Questions for brokers'],
    ['French with no French version', { en: 'Questions' }, 'fr', 'Questions'],
  ])('%s', (_, text, lang, expected) => {
    expect(localize(text, lang)).toBe(expected);
  });
});

describe('localizedText', () => {
  const schema = localizedText(10);

  it.each<[unknown, LocalizedText]>([
    ['Questions', 'Questions'],
    ['  padded  ', 'padded'],
    [{ en: 'Yes' }, { en: 'Yes' }],
    [
      { en: 'Yes', fr: 'Oui' },
      { en: 'Yes', fr: 'Oui' },
    ],
  ])('accepts %j', (input, expected) => {
    expect(v.parse(schema, input)).toEqual(expected);
  });

  it.each<[unknown, string, string]>([
    ['', '', 'expected a non-empty string'],
    ['   ', '', 'expected a non-empty string'],
    ['x'.repeat(11), '', 'expected at most 10 characters'],
    [42, '', 'expected a string'],
    [['en'], '', 'expected a string'],
    [{ fr: 'Oui' }, 'en', 'required'],
    [{ en: '' }, 'en', 'expected a non-empty string'],
    [{ en: 'Yes', fr: 'x'.repeat(11) }, 'fr', 'expected at most 10 characters'],
  ])('rejects %j at "%s"', (input, path, message) => {
    const result = v.safeParse(schema, input);
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => [v.getDotPath(issue) ?? '', issue.message])).toEqual([[path, message]]);
  });
});
