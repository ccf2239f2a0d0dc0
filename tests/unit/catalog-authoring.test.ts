import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import bundled from '../../utils/catalog/bundled.json';
import { buildCatalog, catalogFeed, type SourceFile } from '../../utils/catalog/node-authoring/catalog';
import { formatProblem } from '../../utils/catalog/node-authoring/problem';

// A path, not a URL: happy-dom replaces the global URL with one that knows no file: scheme.
const entriesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../utils/catalog/entries');
const folder: SourceFile[] = readdirSync(entriesDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => ({ name, text: readFileSync(join(entriesDir, name), 'utf8') }));
const SEED = folder.find(({ name }) => name === 'albers-2020.md')?.text ?? '';

/** The one entry built from `text`, failing the test with the printed problems when there is none. */
function entryOf(text: string) {
  const { entries, problems } = buildCatalog([{ name: 'entry.md', text }]);
  expect(problems.map(formatProblem)).toEqual([]);
  return entries[0];
}

describe('the bundled catalog is authored in Markdown', () => {
  it('builds utils/catalog/entries/ into exactly bundled.json', () => {
    const { entries, problems } = buildCatalog(folder);
    expect(problems).toEqual([]);
    expect(catalogFeed(entries)).toEqual(bundled);
  });

  it.each([
    ['CRLF line endings', SEED.replaceAll('\n', '\r\n')],
    ['a byte-order mark', `\uFEFF${SEED}`],
    ['both', `\uFEFF${SEED.replaceAll('\n', '\r\n')}`],
  ])('reads the seed the same with %s', (_, text) => {
    expect(entryOf(text)).toEqual(bundled.entries[0]);
  });
});

describe('the front-matter syntax', () => {
  const seedWith = (from: string, to: string) => {
    expect(SEED).toContain(from);
    return SEED.replace(from, to);
  };

  const titleLine = `title: ${bundled.entries[0]?.title}`;
  const clubName = bundled.entries[0]?.club.name;

  it.each([
    [
      'list items at the key’s own indentation',
      'authors:\n  - Albers B\n  - Metz A\n  - Burke K',
      'authors:\n- Albers B\n- Metz A\n- Burke K',
    ],
    ['deeper indentation, alike in a block', `  name: ${clubName}\n  url:`, `    name: ${clubName}\n    url:`],
    ['a double-quoted value with JSON escapes', titleLine, `title: "${titleLine.slice(7).replace('I', '\\u0049')}"`],
    ['a single-quoted value', titleLine, `title: '${titleLine.slice(7)}'`],
    ['comment lines and blank lines', 'year: 2020\n', '# the year of publication\n\nyear: 2020\n'],
    ['a heading in lower case', '## Summary', '## summary'],
  ])('accepts %s', (_, from, to) => {
    expect(entryOf(seedWith(from, to))).toEqual(bundled.entries[0]);
  });

  it.each([
    ["single quotes, with '' for a quote", "citation: 'It''s: quoted'", "It's: quoted"],
    ['double quotes', 'citation: "Say \\"hi\\": now"', 'Say "hi": now'],
    [
      'a plain value with colons not followed by a space',
      'citation: 20:368 https://x.example/',
      '20:368 https://x.example/',
    ],
  ])('reads %s', (_, line, citation) => {
    expect(entryOf(seedWith(`citation: ${bundled.entries[0]?.citation}`, line))?.citation).toBe(citation);
  });

  it('reads French versions: title_fr, club name_fr, a question’s fr, and the Résumé and Commentaire sections', () => {
    const text = seedWith('year: 2020', 'title_fr: Praticiens\nyear: 2020')
      .replace('  url: https://researchimpact.ca', '  name_fr: Club de lecture\n  url: https://researchimpact.ca')
      .replace(/( {2}- q3: .*)/, '$1\n    fr: Est-ce ironique ?')
      .concat('\n## Résumé\n\nLe résumé.\n\n## Commentaire\n\nLe **commentaire**.\n');
    const entry = entryOf(text);
    const en = bundled.entries[0];
    expect(entry?.title).toEqual({ en: en?.title, fr: 'Praticiens' });
    expect(entry?.club.name).toEqual({ en: en?.club.name, fr: 'Club de lecture' });
    expect(entry?.questions[2]?.text).toEqual({ en: en?.questions[2]?.text, fr: 'Est-ce ironique ?' });
    expect(entry?.summary).toEqual({ en: en?.summary, fr: 'Le résumé.' });
    expect(entry?.commentary).toEqual({ en: en?.commentary, fr: 'Le **commentaire**.' });
  });

  it('keeps section Markdown as written: a "## " line in a code fence, line breaks, a "---" rule', () => {
    const added = '```\n## not a heading\n```\n\n*Soft*\nwrap.  \nHard break.\n\n---\n\n';
    const text = seedWith('## Commentary\n\n', `## Commentary\n\n${added}`);
    expect(entryOf(text)?.commentary).toBe(`${added}${bundled.entries[0]?.commentary}`);
  });

  it('makes an unquoted whole number the year, and keeps dates as text', () => {
    const entry = entryOf(seedWith('year: 2020', 'year: 2020\npublished: 2020-05'));
    expect([entry?.year, entry?.published]).toEqual([2020, '2020-05']);
  });
});

describe('building a folder', () => {
  const good = { name: 'b-good.md', text: SEED };
  const bad = {
    name: 'a-bad.md',
    text: SEED.replace('id: albers-2020', 'id: other').replace('- 10.1186/', '- 11.1186/'),
  };

  it('returns the good entries and the bad files’ problems, in file-name order', () => {
    const built = buildCatalog([good, bad]);
    expect(built.entries.map((e) => e.id)).toEqual(['albers-2020']);
    expect(built.filesWithErrors).toEqual(['a-bad.md']);
    expect(built.problems.map(formatProblem)).toEqual([
      'a-bad.md:4: dois[0]: expected a DOI such as 10.1186/s12913-020-05145-1',
    ]);
  });

  it('refuses an id used by an earlier file, as the extension would', () => {
    const copy = { name: 'c-copy.md', text: SEED };
    const built = buildCatalog([copy, good]);
    expect(built.entries.map((e) => e.id)).toEqual(['albers-2020']);
    expect(built.problems.map(formatProblem)).toEqual([
      'c-copy.md:2: id: "albers-2020" is already the id of b-good.md',
    ]);
  });

  it('leaves out an entry the schema accepts when its file has another problem', () => {
    const typo = { name: 'typo.md', text: SEED.replace('id: albers-2020', 'id: typo\nrating: 5') };
    const built = buildCatalog([typo]);
    expect(built.entries).toEqual([]);
    expect(built.problems[0]?.line).toBe(3);
  });

  it('builds an empty catalog from no files', () => {
    expect(buildCatalog([])).toEqual({ entries: [], problems: [], filesWithErrors: [] });
  });
});
