import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChromeMessages, chromeMessages } from '../support/chrome-messages';

const root = resolve(import.meta.dirname, '../..');
const [english, french] = await Promise.all([chromeMessages(root, 'en'), chromeMessages(root, 'fr')]);

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

describe('English and French messages', () => {
  it('have the same keys', () => {
    expect(missingFrom(french, Object.keys(english))).toEqual([]);
    expect(missingFrom(english, Object.keys(french))).toEqual([]);
  });

  it('fill the same substitutions and plural forms', () => {
    for (const [key, { message }] of Object.entries(english)) {
      const translated = french[key]?.message ?? '';
      expect(substitutions(translated), key).toEqual(substitutions(message));
      expect(translated.split(' | ').length, key).toBe(message.split(' | ').length);
    }
  });

  it('have no empty message', () => {
    for (const messages of [english, french]) {
      expect(Object.entries(messages).filter(([, { message }]) => message.trim() === '')).toEqual([]);
    }
  });

  it('hold every key the source asks for', () => {
    const used = keysUsedInSource().map((key) => key.replaceAll('.', '_'));
    expect(used.length).toBeGreaterThan(0);
    expect(missingFrom(english, used)).toEqual([]);
    expect(missingFrom(french, used)).toEqual([]);
  });
});
