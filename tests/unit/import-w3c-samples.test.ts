import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogEntry } from '../../utils/catalog/schema';
import { entryByArticlePage, planImport } from '../../utils/exchange';
import { uuidV5 } from '../../utils/exchange/uuid-v5';
import { annotationToHighlight } from '../../utils/exchange/web-annotation-import';
import { UNKNOWN_POSITION } from '../../utils/highlights/position';
import { type ChromeMessages, chromeMessages } from '../support/chrome-messages';
import { ENTRY } from '../support/unit/export-fixtures';
import { SUITE_DIR, samples, suitePresent } from '../support/unit/w3c-suite';

/**
 * The specification's own examples, and the suite's broken variants of them, read by the import as a reader's
 * file would be: every one is read without an exception, the ones that quote a passage of a catalogued article
 * become highlights, and every other one is refused with a sentence of our messages, in English and in French.
 */
if (!suitePresent) console.warn(`import-w3c-samples: skipped, the W3C test suite is missing: ${SUITE_DIR}`);

/** The examples annotate http://example.org/page1 and http://example.com/page1: a club discusses that article. */
const EXAMPLES: CatalogEntry = {
  ...ENTRY,
  id: 'examples',
  dois: ['10.5555/examples'],
  articleUrls: ['http://example.org/page1', 'http://example.com/page1'],
};
const NOW = new Date('2024-06-01T10:00:00.000Z');
const options = { entryForDoi: () => null, entryForPage: entryByArticlePage([EXAMPLES]), now: NOW };

const root = resolve(import.meta.dirname, '../..');
const english = await chromeMessages(root, 'en');
const french = await chromeMessages(root, 'fr');
const i18nApi = (globalThis as unknown as { chrome: { i18n: { getMessage(key: string, subs?: string[]): string } } })
  .chrome.i18n;
afterEach(() => vi.restoreAllMocks());

function speakFrench() {
  vi.spyOn(i18nApi, 'getMessage').mockImplementation((key, subs = []) =>
    (french[key]?.message ?? '').replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? ''),
  );
}

/** A pattern for each sentence an import may refuse with: the messages' text, any words in their `$n` places. */
function refusals(messages: ChromeMessages): RegExp[] {
  return Object.entries(messages)
    .filter(([key]) => key.startsWith('validation_') || key.startsWith('import_'))
    .map(([, { message }]) => {
      const [literal, ...rest] = message.split(/\$[1-9]/);
      const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`^${[literal ?? '', ...rest].map(literally).join('.+')}$`, 's');
    });
}

const planned = (text: string) => planImport(text, [], options);
const annotationsOf = (text: string): unknown[] => {
  try {
    const root = JSON.parse(text);
    return root?.first?.items ?? [root];
  } catch {
    return [];
  }
};

describe.skipIf(!suitePresent)('the W3C test suite’s samples, imported', () => {
  const all = suitePresent ? [...samples('correct'), ...samples('incorrect')] : [];

  it('reads all of them, the broken ones included, without an exception', () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    for (const [, text] of all) {
      // The mapping on its own, outside the import's safety net: it must not throw either.
      for (const annotation of annotationsOf(text))
        annotationToHighlight(annotation, { ...options, now: NOW.toISOString() });
      expect(() => planned(text)).not.toThrow();
    }
  });

  it('imports the text-quote annotations of the catalogued article, and only those', () => {
    const imported = all.flatMap(([file, text]) => planned(text).toWrite.map((h) => [file, h] as const));
    expect(imported.map(([file, h]) => [file, h.target.selectors[0].exact])).toEqual([
      ['anno26.json', 'anotation'],
      ['anno32.json', 'Selected Text'],
      ['collection1.json', 'anotation'],
      ['collection1.json', 'Selected Text'],
    ]);
    const [[, anno26] = []] = imported;
    expect(anno26).toEqual({
      id: uuidV5('http://example.org/anno26'),
      doi: '10.5555/examples',
      entryId: 'examples',
      questionId: null,
      // The comment is a resource elsewhere: its address is what the reader can follow.
      note: 'http://example.org/comment1',
      target: {
        source: 'http://example.org/page1',
        selectors: [
          { type: 'TextQuoteSelector', exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
          UNKNOWN_POSITION,
        ],
      },
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it('knows an annotation again on a second import, even undated, and keeps the reader’s edit', () => {
    const [, text] = all.find(([file]) => file === 'collection1.json') ?? ['', ''];
    const first = planned(text).toWrite;
    const edited = first.map((h) => ({ ...h, note: 'My own words', updatedAt: '2024-06-02T10:00:00.000Z' }));
    const later = { ...options, now: new Date('2025-01-01T00:00:00.000Z') };
    for (const existing of [first, edited]) {
      const again = planImport(text, existing, later);
      expect(again.toWrite).toEqual([]);
      expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    }
  });

  it.each([
    ['English', () => undefined, english],
    ['French', speakFrench, french],
  ])('refuses every other one with one of our sentences, in %s', (_, speak, messages) => {
    speak();
    const sentences = refusals(messages);
    const reasons = all.flatMap(([, text]) => planned(text).summary.invalid.map((problem) => problem.reason));
    expect(reasons.length).toBeGreaterThan(80);
    for (const reason of reasons) {
      expect(reason).not.toMatch(/undefined|\[object|\$\d/);
      expect(
        sentences.some((sentence) => sentence.test(reason)),
        reason,
      ).toBe(true);
    }
  });

  it.each([
    ['correct', 'anno24.json', /^It finds its passage by CssSelector, which this extension cannot follow;/],
    ['correct', 'anno27.json', /^It finds its passage by TextPositionSelector,/],
    ['correct', 'anno41-example44.json', /by FragmentSelector, TextPositionSelector,/],
    ['correct', 'anno5.json', /^It is about a whole page or file \(http:\/\/example\.org\/photo1\), not a passage/],
    ['correct', 'anno22.json', /^It finds its passage by http:\/\/example\.org\/dataselector1,/],
    ['correct', 'example42.json', /^The annotations continue on further pages/],
    ['incorrect', 'anno1.json', /^This file is not JSON/],
    ['incorrect', 'anno6.json', /^It has no address of its own/],
    ['incorrect', 'anno7.json', /^It has several ids where an annotation has one/],
  ])('says why %s/%s is refused', (folder, file, reason) => {
    const [, text] = samples(folder as 'correct' | 'incorrect').find(([name]) => name === file) ?? ['', ''];
    const { summary } = planned(text);
    expect(summary.invalid[0]?.reason).toMatch(reason);
  });
});
