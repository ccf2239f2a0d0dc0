import { describe, expect, it } from 'vitest';
import { lowerFirst } from '../../utils/lower-first';

describe('lowerFirst', () => {
  it.each([
    ['The note is too long.', 'the note is too long.'],
    ['A highlight needs a quote.', 'a highlight needs a quote.'],
    ['L’identifiant de la question est vide.', 'l’identifiant de la question est vide.'],
    ['Évidemment.', 'évidemment.'],
  ])('carries %s on after a colon', (sentence, expected) => {
    expect(lowerFirst(sentence)).toBe(expected);
  });

  it.each([
    ['DOI 10.1/x is malformed.'],
    ['UUID expected.'],
    ['already lower.'],
    ['2 highlights.'],
    ['“Quoted” text.'],
    [''],
  ])('leaves %j as it is', (sentence) => {
    expect(lowerFirst(sentence)).toBe(sentence);
  });
});
