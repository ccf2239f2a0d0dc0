import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCatalog, catalogFeed } from './catalog';
import { formatProblem } from './problem';

/**
 * `npm run catalog -- build <folder> [--out <file>]`: builds a catalog feed from one Markdown file per entry.
 *
 * With any problem in any file, it writes nothing and exits 1: a catalog missing an entry looks complete to
 * its readers, so a broken build must not replace a good published one. Problems go to stderr, one per line as
 * `file:line: field: message`; the feed goes to `--out`, or to stdout so that it can be piped.
 *
 * Everything that touches the disk or the process goes through {@link CliIo}, so tests run it in memory.
 */

export interface CliIo {
  /** The names of the files in `dir` (not recursive). */
  listDir(dir: string): string[];
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const USAGE = 'usage: npm run catalog -- build <folder> [--out <file>]';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The folder and output file named by `args`, or null when they do not make a `build` command. */
function parseArgs(args: readonly string[]): { folder: string; out: string | null } | null {
  const [command, ...rest] = args;
  if (command !== 'build') return null;
  let folder: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--out' && out === null && rest[i + 1] !== undefined) out = rest[++i] ?? null;
    else if (arg.startsWith('-') || folder !== null) return null;
    else folder = arg;
  }
  return folder === null ? null : { folder, out };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs the command and returns its exit code: 0 written, 1 problems (nothing written), 2 bad arguments. */
export function runCli(args: readonly string[], io: CliIo): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const parsed = parseArgs(args);
  if (parsed === null) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const { folder, out } = parsed;
  let files: { name: string; text: string }[];
  try {
    const names = io.listDir(folder).filter((name) => name.endsWith('.md'));
    files = names.map((name) => join(folder, name)).map((name) => ({ name, text: io.readFile(name) }));
  } catch (error) {
    io.stderr(`cannot read ${folder}: ${errorText(error)}\n`);
    return 1;
  }
  if (files.length === 0) {
    io.stderr(`${folder}: no .md files; nothing written\n`);
    return 1;
  }

  const { entries, problems, filesWithErrors } = buildCatalog(files, folder);
  for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
  if (problems.length > 0) {
    const failed = filesWithErrors.length;
    io.stderr(
      `${failed} of ${plural(files.length, 'file')} ${failed === 1 ? 'has' : 'have'} errors; nothing written\n`,
    );
    return 1;
  }

  const json = `${JSON.stringify(catalogFeed(entries), null, 2)}\n`;
  try {
    if (out === null) io.stdout(json);
    else io.writeFile(out, json);
  } catch (error) {
    io.stderr(`cannot write ${out}: ${errorText(error)}\n`);
    return 1;
  }
  io.stderr(`${plural(entries.length, 'entry', 'entries')} written to ${out ?? 'stdout'}\n`);
  return 0;
}

/** npm runs scripts from the project root; paths are taken from where the author typed the command. */
const base = process.env.INIT_CWD ?? process.cwd();

const nodeIo: CliIo = {
  listDir: (dir) => readdirSync(resolve(base, dir)),
  readFile: (path) => readFileSync(resolve(base, path), 'utf8'),
  writeFile: (path, text) => writeFileSync(resolve(base, path), text),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

// Run only as the command itself, not when a test imports `runCli`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runCli(process.argv.slice(2), nodeIo);
}
