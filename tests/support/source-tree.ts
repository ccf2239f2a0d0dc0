import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The extension's source text, keyed by repository path (`utils/article/detect.ts`), read either from the working
 * tree or from a past commit. Reading a commit through git's object store lets the architecture bench compare
 * with the layout before a change without checking anything out, so it never disturbs the tree others work in.
 */
export type SourceTree = ReadonlyMap<string, string>;

/** The folders that hold extension code; tests, configs and generated files are not part of its layers. */
export const SOURCE_FOLDERS = ['entrypoints', 'components', 'utils'] as const;

const isSource = (path: string) => /\.tsx?$/.test(path) && !path.endsWith('.d.ts');

/** Every .ts/.tsx file under the source folders of the working tree at `root`. */
export function readWorkingTree(root: string, folders: readonly string[] = SOURCE_FOLDERS): SourceTree {
  const tree = new Map<string, string>();
  for (const folder of folders) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      const absolute = join(entry.parentPath, entry.name);
      const path = relative(root, absolute).split(sep).join('/');
      if (entry.isFile() && isSource(path)) tree.set(path, readFileSync(absolute, 'utf8'));
    }
  }
  return tree;
}

/**
 * The same files as they were at `commit`, or null when that commit is not in this clone (a shallow CI checkout).
 * One `git cat-file --batch` reads them all, rather than one process per file.
 */
export function readCommitTree(
  root: string,
  commit: string,
  folders: readonly string[] = SOURCE_FOLDERS,
): SourceTree | null {
  const git = (args: string[], input?: string) =>
    execFileSync('git', ['-C', root, ...args], { input, maxBuffer: 64 * 1024 * 1024, stdio: 'pipe' });
  try {
    git(['cat-file', '-e', `${commit}^{commit}`]);
  } catch {
    return null;
  }
  const paths = git(['ls-tree', '-r', '--name-only', commit, '--', ...folders])
    .toString('utf8')
    .split('\n')
    .filter(isSource);
  const batch = git(['cat-file', '--batch'], paths.map((path) => `${commit}:${path}\n`).join(''));
  const tree = new Map<string, string>();
  let at = 0;
  for (const path of paths) {
    // Each object comes as "<sha> blob <size>\n<bytes>\n"; the size is in bytes, so slice the buffer, not a string.
    const headerEnd = batch.indexOf(0x0a, at);
    const size = Number(batch.subarray(at, headerEnd).toString('utf8').split(' ')[2]);
    tree.set(path, batch.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
    at = headerEnd + 1 + size + 1;
  }
  return tree;
}

/** Lines as an editor numbers them: a final newline does not start another line. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}
