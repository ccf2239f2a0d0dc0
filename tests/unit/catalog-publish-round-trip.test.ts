import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../utils/catalog/parse';
import { feedDocument, feedText, plainEnglish } from '../../utils/catalog/publish/feed-document';
import { markdownFolder } from '../../utils/catalog/publish/markdown-folder';
import { DAY_PUBLISHED, EVERY_FIELD, FEWEST_FIELDS } from '../support/unit/publish-entries';

const ENTRIES = [EVERY_FIELD, FEWEST_FIELDS, DAY_PUBLISHED];
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Writes the folder to disk and runs the real `npm run catalog -- build` on it; its feed file's text. */
function buildFolder(files: { name: string; text: string }[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'jc-publish-'));
  folders.push(folder);
  for (const { name, text } of files) writeFileSync(join(folder, name), text);
  const out = join(folder, 'feed.json');
  execFileSync('npx', ['tsx', 'utils/catalog/node-authoring/cli.ts', 'build', folder, '--out', out], {
    stdio: 'pipe',
    env: { ...process.env, INIT_CWD: process.cwd() },
  });
  return readFileSync(out, 'utf8');
}

describe('the downloaded catalog round-trips', () => {
  it('as the feed: a subscriber reads back the same entries', () => {
    const { feed, problems } = feedDocument(ENTRIES);
    expect(problems).toEqual([]);
    const read = parseCatalog(JSON.parse(feedText(feed)), 'https://club.example/feed.json');
    expect(read.errors).toEqual([]);
    expect(read.entries).toEqual(ENTRIES.map(plainEnglish));
    expect(read.entries[0]).toEqual(EVERY_FIELD);
  });

  it('as the Markdown folder: the catalog command builds exactly the downloaded feed', () => {
    const { files, problems } = markdownFolder(ENTRIES);
    expect(problems).toEqual([]);
    expect(files.map(({ name }) => name)).toEqual(['01-hostile-2021.md', '02-plain-2020.md', '03-day-2019.md']);
    expect(buildFolder(files)).toBe(feedText(feedDocument(ENTRIES).feed));
  }, 60_000);

  it('keeps the entries in their order past nine files, whatever their ids', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...FEWEST_FIELDS,
      id: `z-${12 - i}`,
      dois: [`10.1000/n${i}`],
    }));
    const { files } = markdownFolder(many);
    expect(files[0]?.name).toBe('01-z-12.md');
    expect(JSON.parse(buildFolder(files)).entries.map((e: { id: string }) => e.id)).toEqual(many.map((e) => e.id));
  }, 60_000);

  it('names an entry whose Markdown would build into something else, and leaves only it out', () => {
    const heading = { ...FEWEST_FIELDS, id: 'heading', dois: ['10.1000/h'], summary: 'Intro\n\n## Methods\n\nText' };
    const open = { ...FEWEST_FIELDS, id: 'open', dois: ['10.1000/o'], commentary: 'Code:\n\n```js\nlet x;' };
    const { files, problems } = markdownFolder([heading, FEWEST_FIELDS, open]);
    expect(files.map(({ name }) => name)).toEqual(['01-plain-2020.md']);
    expect(problems).toEqual([
      'entry "heading": summary: the line "## Methods" would start a new section; use "###" for a heading',
      'entry "open": commentary: a code block is never closed; close it with ```',
    ]);
  });

  it('leaves out an entry a subscriber would refuse, and says why', () => {
    const bad = { ...FEWEST_FIELDS, id: 'Not A Slug' };
    const { feed, problems } = feedDocument([bad, DAY_PUBLISHED]);
    expect(feed.entries.map(({ id }) => id)).toEqual(['day-2019']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^entry "Not A Slug" \(#0\): id: expected a slug/);
  });
});
