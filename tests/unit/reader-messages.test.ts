import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storageErrorText } from '../../utils/background/storage-messages';
import type { StorageError } from '../../utils/db/result';
import { selectionRefusal } from '../../utils/page/selection-refusal';
import { chromeMessages } from '../support/chrome-messages';

/**
 * Anchoring and storage return codes; these are the sentences the reader then reads, in English (the messages
 * tests/support/i18n-setup.ts installs) and in French (locales/fr.yml, swapped in for one test at a time).
 */
const french = await chromeMessages(resolve(import.meta.dirname, '../..'), 'fr');
const i18nApi = (globalThis as unknown as { chrome: { i18n: { getMessage(key: string, subs?: string[]): string } } })
  .chrome.i18n;

function speakFrench() {
  vi.spyOn(i18nApi, 'getMessage').mockImplementation((key, subs = []) =>
    (french[key]?.message ?? '').replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? ''),
  );
}

afterEach(() => vi.restoreAllMocks());

const full: StorageError = { code: 'quota-exceeded', outcome: 'highlight-not-saved', detail: 'QuotaExceededError' };
const newer: StorageError = { code: 'storage-failed', newerVersion: true, outcome: 'highlights-not-opened' };
const failed: StorageError = { code: 'storage-failed', outcome: 'layout-not-saved' };
const gone: StorageError = { code: 'not-found', outcome: 'highlight-not-deleted', key: 'h1' };
const refused: StorageError = { code: 'invalid', outcome: 'highlight-not-saved', problem: 'The note is empty.' };
const damaged: StorageError = { code: 'invalid', outcome: 'highlight-not-loaded', problem: 'The note is empty.' };
const batch: StorageError = {
  code: 'invalid',
  outcome: 'highlights-not-saved',
  problem: 'The note is empty.',
  batch: { size: 3, position: 2 },
};

describe('storage failures, as the reader reads them', () => {
  it.each([
    [full, /^Your browser's storage for this extension is full; this highlight was not saved\. Free space/],
    [newer, /^Your highlights were stored by a newer version .*; your highlights could not be opened\. Update/],
    [failed, /did not respond as expected; the panel's collapsed or open state was not saved\. Try again/],
    [gone, /^This highlight no longer exists; it may have been deleted in another window\.$/],
    [refused, /^This highlight was not saved\. The note is empty\.$/],
    [damaged, /^This highlight's saved data is damaged and cannot be shown\. The note is empty\.$/],
    [batch, /^None of the 3 highlights were saved: highlight 2 is not valid\. The note is empty\.$/],
    [
      { code: 'not-found', outcome: 'feed-not-read', key: 'https://a.example/feed.json' } satisfies StorageError,
      /^You are not subscribed to https:\/\/a\.example\/feed\.json\.$/,
    ],
  ])('in English: %j', (error, expected) => {
    expect(storageErrorText(error)).toMatch(expected);
  });

  it.each([
    [full, /^L’espace de stockage .* est plein ; ce surlignage n’a pas été enregistré\. Libérez/],
    [newer, /^Vos surlignages ont été enregistrés .* ; vos surlignages n’ont pas pu être ouverts\. Mettez/],
    [gone, /^Ce surlignage n’existe plus ;/],
    [batch, /^Aucun des 3 surlignages n’a été enregistré : le surlignage 2 n’est pas valide\. The note is empty\.$/],
  ])('in French: %j', (error, expected) => {
    speakFrench();
    expect(storageErrorText(error)).toMatch(expected);
  });
});

describe('refused selections, as the toolbar says them', () => {
  it.each([
    [{ ok: false, reason: 'empty' } as const, 'en', /^Nothing is selected\./],
    [{ ok: false, reason: 'outside-root' } as const, 'en', /^The selection is outside the article text/],
    [
      { ok: false, reason: 'too-long', length: 5599, limit: 4000 } as const,
      'en',
      /\(5,599 characters\).*at most 4,000/,
    ],
  ])('in English: %j', (failure, language, expected) => {
    expect(selectionRefusal(failure, language)).toMatch(expected);
  });

  it.each([
    [{ ok: false, reason: 'whitespace' } as const, 'fr', /^La sélection ne contient que des espaces/],
    [
      { ok: false, reason: 'too-long', length: 5599, limit: 4000 } as const,
      'fr-CA',
      /\(5\s599 caractères\).*au plus 4\s000/u,
    ],
  ])('in French: %j', (failure, language, expected) => {
    speakFrench();
    expect(selectionRefusal(failure, language)).toMatch(expected);
  });
});
