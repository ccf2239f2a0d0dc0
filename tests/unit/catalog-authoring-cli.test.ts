import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import bundled from '../../utils/catalog/bundled.json';
import { type CliIo, runCli, USAGE } from '../../utils/catalog/node-authoring/cli';

const SEED = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../utils/catalog/entries/albers-2020.md'),
  'utf8',
);
const BAD = SEED.replace('- 10.1186/', '- 11.1186/');

/** An in-memory disk (`folder/name` → text) and console; `written` holds what the command wrote. */
function fakeIo(files: Record<string, string>) {
  const written = new Map<string, string>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    listDir: (dir) => {
      const names = Object.keys(files).filter((path) => path.startsWith(`${dir}/`));
      if (names.length === 0) throw new Error(`ENOENT: no such directory, scandir '${dir}'`);
      return names.map((path) => path.slice(dir.length + 1));
    },
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    writeFile: (path, text) => {
      written.set(path, text);
    },
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  };
  return { io, written, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('npm run catalog -- build', () => {
  it('writes the feed to --out, pretty-printed, and exits 0', () => {
    const fake = fakeIo({ 'entries/albers-2020.md': SEED, 'entries/notes.txt': 'not an entry' });
    expect(runCli(['build', 'entries', '--out', 'catalog.json'], fake.io)).toBe(0);
    const json = fake.written.get('catalog.json') ?? '';
    expect(JSON.parse(json)).toEqual(bundled);
    expect(json).toBe(`${JSON.stringify(bundled, null, 2)}\n`);
    expect(fake.stderr()).toBe('1 entry written to catalog.json\n');
    expect(fake.stdout()).toBe('');
  });

  it('writes the feed to stdout when there is no --out, and the summary to stderr', () => {
    const fake = fakeIo({ 'entries/albers-2020.md': SEED });
    expect(runCli(['build', 'entries'], fake.io)).toBe(0);
    expect(JSON.parse(fake.stdout())).toEqual(bundled);
    expect(fake.stderr()).toBe('1 entry written to stdout\n');
  });

  it('prints each problem with its file and line, writes nothing and exits 1 when any file has errors', () => {
    const fake = fakeIo({ 'entries/a.md': BAD.replace('id: albers-2020', 'id: a'), 'entries/b.md': SEED });
    expect(runCli(['build', 'entries', '--out', 'catalog.json'], fake.io)).toBe(1);
    expect(fake.written.size).toBe(0);
    expect(fake.stdout()).toBe('');
    expect(fake.stderr()).toBe(
      'entries/a.md:4: dois[0]: expected a DOI such as 10.1186/s12913-020-05145-1\n' +
        '1 of 2 files has errors; nothing written\n',
    );
  });

  it('counts files, not problems, in the summary', () => {
    const broken = BAD.replace('year: 2020', 'year: 1500');
    const fake = fakeIo({ 'entries/a.md': broken, 'entries/b.md': broken.replace('id: albers-2020', 'id: b') });
    expect(runCli(['build', 'entries'], fake.io)).toBe(1);
    expect(fake.stderr().split('\n').slice(-2)).toEqual(['2 of 2 files have errors; nothing written', '']);
  });

  it.each([
    ['no folder', 'entries', {}, "cannot read entries: ENOENT: no such directory, scandir 'entries'\n"],
    ['no .md file', 'entries', { 'entries/readme.txt': '' }, 'entries: no .md files; nothing written\n'],
  ])('exits 1 with %s', (_, folder, files, message) => {
    const fake = fakeIo(files);
    expect(runCli(['build', folder], fake.io)).toBe(1);
    expect(fake.stderr()).toBe(message);
  });

  it('exits 1 when the output cannot be written', () => {
    const fake = fakeIo({ 'entries/albers-2020.md': SEED });
    fake.io.writeFile = () => {
      throw new Error('EACCES');
    };
    expect(runCli(['build', 'entries', '--out', '/catalog.json'], fake.io)).toBe(1);
    expect(fake.stderr()).toBe('cannot write /catalog.json: EACCES\n');
  });

  it.each([
    [[]],
    [['publish', 'entries']],
    [['build']],
    [['build', 'a', 'b']],
    [['build', 'entries', '--out']],
    [['build', 'entries', '--verbose']],
  ])('prints the usage and exits 2 for %j', (args) => {
    const fake = fakeIo({ 'entries/albers-2020.md': SEED });
    expect(runCli(args, fake.io)).toBe(2);
    expect(fake.stderr()).toBe(`${USAGE}\n`);
    expect(fake.written.size).toBe(0);
  });

  it('prints the usage to stdout and exits 0 for --help', () => {
    const fake = fakeIo({});
    expect(runCli(['--help'], fake.io)).toBe(0);
    expect(fake.stdout()).toBe(`${USAGE}\n`);
  });
});
