import * as v from 'valibot';
import { CATALOG_VERSION, parseCatalog } from '../parse';
import { type CatalogEntry, CatalogEntrySchema } from '../schema';
import { type AuthoredEntry, readEntry } from './entry';
import type { FileProblem, Problem } from './problem';

/**
 * Builds a catalog from entry files. The feed goes through the extension's own `parseCatalog`, so what passes
 * here is exactly what the extension will load (same schema, same duplicate-id rule, same caps). That function
 * reports an entry in one capped line, though; to name each problem's line, a rejected entry is validated once
 * more on its own and every issue is traced back through the field lines that `readEntry` recorded.
 */

export interface SourceFile {
  /** The name to print in messages (a path relative to where the command ran, so editors can open it). */
  name: string;
  text: string;
}

export interface BuiltCatalog {
  /** Valid entries, in file-name order; entries of files with any problem are left out. */
  entries: CatalogEntry[];
  problems: FileProblem[];
  /** Files with at least one problem, in file-name order. */
  filesWithErrors: string[];
}

/** The feed envelope that `parseCatalog` reads and the command writes. */
export const catalogFeed = <T>(entries: readonly T[]) => ({ version: CATALOG_VERSION, entries });

/** `questions[1].text`, as `parseCatalog` and the extension's options page write a field. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const { key } of issue.path ?? [])
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out;
}

/** Schema paths written the way the file spells them: `title.fr` is the `title_fr` key, `summary.fr` `## Résumé`. */
const LABELS: [RegExp, string][] = [
  [/^summary(?:\.en)?$/, '## Summary'],
  [/^summary\.fr$/, '## Résumé'],
  [/^commentary(?:\.en)?$/, '## Commentary'],
  [/^commentary\.fr$/, '## Commentaire'],
  [/^(title|club\.name)\.fr$/, '$1_fr'],
  [/^(questions\[\d+\])\.text\.fr$/, '$1.fr'],
  [/^(.*)\.en$/, '$1'],
];

export function fieldLabel(path: string): string {
  const rule = LABELS.find(([pattern]) => pattern.test(path));
  return rule === undefined ? path : path.replace(rule[0], rule[1]);
}

/** The line of `path`, or of the nearest enclosing field that the file has (`club` when `club.url` is missing). */
function lineOf(path: string, lines: ReadonlyMap<string, number>): number {
  // `questions[1].text` → `questions[1]` → `questions` → `''`; each step strips one key or index.
  for (let prefix = path; ; prefix = prefix.replace(/(?:^|\.)[^.[]*$|\[\d+\]$/, '')) {
    const line = lines.get(prefix);
    if (line !== undefined || prefix === '') return line ?? 1;
  }
}

const within = (path: string, outer: string) =>
  path === outer || path.startsWith(`${outer}.`) || path.startsWith(`${outer}[`);

/**
 * Every schema issue of `entry`, at its line, leaving out those under a field whose problem `readEntry` already
 * reported; null when the schema accepts the entry.
 */
export function explainEntry(entry: AuthoredEntry): Problem[] | null {
  const result = v.safeParse(CatalogEntrySchema, entry.raw);
  if (result.success) return null;
  return result.issues
    .map((issue) => ({ path: pathOf(issue), message: issue.message }))
    .filter(({ path }) => !entry.reported.some((outer) => within(path, outer)))
    .map(({ path, message }) => ({ line: lineOf(path, entry.lines), field: path ? fieldLabel(path) : null, message }));
}

export function buildCatalog(files: readonly SourceFile[], source = 'catalog'): BuiltCatalog {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const problems: FileProblem[] = [];
  const read: { name: string; entry: AuthoredEntry }[] = [];
  for (const { name, text } of sorted) {
    const entry = readEntry(text);
    if ('raw' in entry) read.push({ name, entry });
    for (const problem of 'raw' in entry ? entry.problems : [entry]) problems.push({ file: name, ...problem });
  }

  const feed = parseCatalog(catalogFeed(read.map(({ entry }) => entry.raw)), source);
  const rejected = new Set<number>();
  for (const { index, message } of feed.errors) {
    const found = index === null ? undefined : read[index];
    if (index === null || found === undefined) {
      problems.push({ file: source, line: null, field: null, message });
      continue;
    }
    rejected.add(index);
    // Valid on its own yet rejected: its id is taken by an earlier file (the only rule across entries).
    const id = found.entry.raw.id;
    const first = read.find(({ entry }) => entry.raw.id === id)?.name;
    const duplicate = {
      line: lineOf('id', found.entry.lines),
      field: 'id',
      message: `"${id}" is already the id of ${first}`,
    };
    for (const problem of explainEntry(found.entry) ?? [duplicate]) problems.push({ file: found.name, ...problem });
  }

  const withErrors = new Set(problems.map(({ file }) => file));
  const accepted = read.filter((_, index) => !rejected.has(index));
  const entries = feed.entries.filter((_, index) => !withErrors.has(accepted[index]?.name ?? ''));
  const order = new Map(sorted.map(({ name }, index) => [name, index]));
  problems.sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1) || (a.line ?? 0) - (b.line ?? 0));
  const filesWithErrors = sorted.map(({ name }) => name).filter((name) => withErrors.has(name));
  return { entries, problems, filesWithErrors };
}
