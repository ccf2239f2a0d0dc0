import { i18n } from '#i18n';
import { type Highlight, parseHighlight } from '../highlights/highlight';
import { type Kind, readItems } from './import-file';
import {
  entryName,
  type ImportMode,
  type ImportPlan,
  type ImportProblem,
  type ImportSummary,
  readableNumbers,
  refuse,
  summarize,
  unreadable,
} from './import-summary';
import { annotationToHighlight, type FindEntry, type FindEntryByPage } from './web-annotation-import';

export type { ImportMode, ImportPlan, ImportProblem, ImportSummary } from './import-summary';

/**
 * Plans an import: reads a file's text, checks every highlight in it and works out what would change, without
 * writing anything. The caller shows `summaryText`, and only if the reader confirms saves `toWrite`, planned
 * again inside the transaction that reads the stored highlights (`mergeHighlights`: all or nothing).
 *
 * Accepted: a backup (`exportBackup`), W3C Web Annotations as a collection, a page, a single annotation or an
 * array of them (`exportWebAnnotations`, or any tool's annotations of a quoted passage of an article: see
 * `web-annotation-import.ts`), and an array of stored highlights (a backup's list taken out of it).
 *
 * Rules: highlights merge by id, and the copy changed last wins: a highlight already saved is replaced only by
 * a strictly newer one. The same rule picks among copies of one highlight inside the file (duplicate ids),
 * with the first copy winning a tie; the others are reported as duplicates. Nothing is ever deleted.
 *
 * A file is someone else's clock (review F5): a highlight dated later than now (give or take a few minutes of
 * clock drift) is refused as invalid, because it would win every later comparison, and the reader's own backup
 * could never repair it. Clamping it to now would not help: it would still beat every older note. The
 * `restore` mode is the reader saying "this file is mine": every highlight it holds replaces the stored copy
 * that differs, whatever the dates, so a backup always brings the notes back. An annotation that gives no date
 * at all (the model does not require one) is dated now and is added once: a copy without a date never replaces
 * a stored one, in either mode, so importing the same file again changes nothing and never undoes an edit.
 *
 * Never throws: every problem, down to a file that is not JSON at all, becomes a sentence the reader can act on.
 * Text is never interpreted: HTML or script in a note stays characters in a plain-text note.
 */

/** How far a file's clock may run ahead of ours before its dates are refused. */
export const CLOCK_DRIFT_MS = 5 * 60 * 1000;

export interface ImportOptions {
  /** The catalog entry for a DOI, used to tie annotations to the club's entry and check their question. */
  entryForDoi?: FindEntry;
  /** The catalog entry whose article is at a page address (`entryByArticlePage`), for annotations without DOI. */
  entryForPage?: FindEntryByPage;
  /** The time dates are checked against; now unless given. */
  now?: Date;
  mode?: ImportMode;
}

/** A file read and checked, not yet compared with what is stored (`mergeImport` does that). */
export type ReadImport = { refused: ImportPlan } | { valid: ValidCopy[]; invalid: ImportProblem[] };

/** A valid highlight of the file, where it was, and whether the file dated it (`undated`: now stands in). */
type ValidCopy = { highlight: Highlight; index: number; undated?: boolean };
type Parsed = { ok: true; value: Highlight; undated?: boolean } | { ok: false; message: string };

export function planImport(text: string, existing: readonly Highlight[], options: ImportOptions = {}): ImportPlan {
  return mergeImport(readImport(text, options), existing, options.mode);
}

/** Reads and checks a file: the slow part, done before the stored highlights are read. */
export function readImport(text: string, options: ImportOptions = {}): ReadImport {
  try {
    const read = readItems(text);
    return 'problem' in read ? { refused: refuse(read.problem) } : validate(read, options);
  } catch {
    return { refused: unreadable() };
  }
}

/**
 * What importing a read file changes given the stored highlights: cheap and synchronous, so the background can
 * run it inside the transaction that reads and writes them (no other tab's save can fall in between).
 */
export function mergeImport(read: ReadImport, existing: readonly Highlight[], mode: ImportMode = 'merge'): ImportPlan {
  if ('refused' in read) return read.refused;
  try {
    return merge(read, existing, mode);
  } catch {
    return unreadable();
  }
}

function validate({ kind, items }: { kind: Kind; items: unknown[] }, options: ImportOptions): ReadImport {
  const latest = new Date((options.now ?? new Date()).getTime() + CLOCK_DRIFT_MS).toISOString();
  const invalid: ImportProblem[] = [];
  const valid: ValidCopy[] = [];
  const now = (options.now ?? new Date()).toISOString();
  items.forEach((item, index) => {
    const parsed = parseItem(item, kind, options, now);
    if (!parsed.ok) {
      invalid.push({ where: entryName(index), reason: readableNumbers(parsed.message) });
      return;
    }
    // Canonical `toISOString()` strings: text order is time order.
    const future = [parsed.value.updatedAt, parsed.value.createdAt].find((date) => date > latest);
    if (future) invalid.push({ where: entryName(index), reason: i18n.t('import.future', [future.slice(0, 10)]) });
    else
      valid.push(
        parsed.undated ? { highlight: parsed.value, index, undated: true } : { highlight: parsed.value, index },
      );
  });
  return { valid, invalid };
}

function merge(
  { valid, invalid }: Extract<ReadImport, { valid: unknown }>,
  existing: readonly Highlight[],
  mode: ImportMode,
): ImportPlan {
  // Map.set on a known key keeps its place, so the winners stay in the order the file first names them.
  const winners = new Map<string, ValidCopy>();
  for (const copy of valid) {
    const winner = winners.get(copy.highlight.id);
    if (winner === undefined || dateOf(copy) > dateOf(winner)) {
      winners.set(copy.highlight.id, copy);
    }
  }
  const duplicates: ImportProblem[] = [];
  for (const copy of valid) {
    const winner = winners.get(copy.highlight.id);
    if (winner !== undefined && winner !== copy) {
      duplicates.push({
        where: entryName(copy.index),
        reason: i18n.t('import.sameId', [entryName(winner.index)]),
      });
    }
  }

  const saved = new Map(existing.map((h) => [h.id, h]));
  const toWrite: Highlight[] = [];
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, invalid, duplicates };
  for (const copy of winners.values()) {
    const { highlight } = copy;
    const old = saved.get(highlight.id);
    const keep = mode === 'restore' ? sameHighlight : (mine: Highlight) => dateOf(copy) <= mine.updatedAt;
    if (old !== undefined && (copy.undated || keep(old, highlight))) {
      summary.unchanged++;
      continue;
    }
    if (old === undefined) summary.added++;
    else summary.updated++;
    toWrite.push(highlight);
  }
  return { toWrite, summary, summaryText: summarize(summary, mode) };
}

/** Both are parsed by one schema, so their keys come in one order and the JSON compares them whole. */
const sameHighlight = (a: Highlight, b: Highlight) => JSON.stringify(a) === JSON.stringify(b);

/** When a copy was last changed, for comparisons; an undated copy is older than any date. */
const dateOf = (copy: ValidCopy) => (copy.undated ? '' : copy.highlight.updatedAt);

function parseItem(item: unknown, kind: Kind, options: ImportOptions, now: string): Parsed {
  if (kind === 'backup') return parseHighlight(item);
  const mapped = annotationToHighlight(item, { ...options, now });
  if (!mapped.ok) return mapped;
  const parsed = parseHighlight(mapped.value);
  return parsed.ok && mapped.undated ? { ...parsed, undated: true } : parsed;
}
