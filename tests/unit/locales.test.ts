import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChromeMessages, chromeMessages } from '../support/chrome-messages';

const root = resolve(import.meta.dirname, '../..');
/** Every language in locales/, so that a third one is checked the day its file is added. */
const languages = readdirSync(join(root, 'locales'))
  .filter((name) => name.endsWith('.yml'))
  .map((name) => name.slice(0, -'.yml'.length))
  .sort();
const messagesOf = Object.fromEntries(
  await Promise.all(languages.map(async (language) => [language, await chromeMessages(root, language)] as const)),
);
const english = messagesOf.en ?? {};
const translations = languages.filter((language) => language !== 'en');

/** The `$1`…`$9` and `{name}` substitutions of a message, which both languages must fill the same way. */
const substitutions = (message: string) =>
  [...new Set(message.replaceAll('$$', '').match(/\$[1-9]|\{[A-Za-z]+\}/g) ?? [])].sort();

/** Every `i18n.t('key'` written in the extension's source. */
function keysUsedInSource(): string[] {
  const used = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.tsx?$/.test(entry.name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\bi18n\.t\(\s*'([^']+)'/g)) used.add(match[1] ?? '');
      }
    }
  };
  for (const dir of ['entrypoints', 'components', 'utils']) visit(join(root, dir));
  return [...used].sort();
}

const missingFrom = (messages: ChromeMessages, keys: string[]) => keys.filter((key) => !(key in messages));

describe('the messages of every language in locales/', () => {
  it('include English, the fallback every other language is checked against, and at least one more', () => {
    expect(languages).toContain('en');
    expect(translations.length).toBeGreaterThan(0);
    expect(Object.keys(english).length).toBeGreaterThan(100);
  });

  it.each(translations)('%s has the same keys as English', (language) => {
    const translated = messagesOf[language] ?? {};
    expect(missingFrom(translated, Object.keys(english))).toEqual([]);
    expect(missingFrom(english, Object.keys(translated))).toEqual([]);
  });

  it.each(translations)('%s fills the same substitutions and plural forms as English', (language) => {
    for (const [key, { message }] of Object.entries(english)) {
      const translated = messagesOf[language]?.[key]?.message ?? '';
      expect(substitutions(translated), key).toEqual(substitutions(message));
      expect(translated.split(' | ').length, key).toBe(message.split(' | ').length);
    }
  });

  it.each(languages)('%s has no empty message', (language) => {
    const messages = messagesOf[language] ?? {};
    expect(Object.entries(messages).filter(([, { message }]) => message.trim() === '')).toEqual([]);
  });

  it.each(languages)('%s holds every key the source asks for', (language) => {
    const used = keysUsedInSource().map((key) => key.replaceAll('.', '_'));
    expect(used.length).toBeGreaterThan(0);
    expect(missingFrom(messagesOf[language] ?? {}, used)).toEqual([]);
  });
});
