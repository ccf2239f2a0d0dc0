import { i18n } from '#i18n';
import { type Highlight, parseHighlight } from '../highlights/highlight';
import { lowerFirst } from '../lower-first';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import { locateJsonError } from './json-error';
import { IMPORT_MAX_CHARS, IMPORT_MAX_ITEMS } from './limits';
import { annotationToHighlight, type FindEntry, hasType, isRecord } from './web-annotation-import';

/**
 * Plans an import: reads a file's text, checks every highlight in it and works out what would change, without
 * writing anything. The caller shows `summaryText`, and only if the reader confirms saves `toWrite`, planned
 * again inside the transaction that reads the stored highlights (`mergeHighlights`: all or nothing).
 *
 * Accepted: a backup (`exportBackup`), W3C Web Annotations as a collection, a page, a single annotation or an
 * array of them (`exportWebAnnotations`, or another tool that keeps our id, quote, position and DOI), and an
 * array of stored highlights (a backup's list taken out of it).
 *
 * Rules: highlights merge by id, and the copy changed last wins: a highlight already saved is replaced only by
 * a strictly newer one. The same rule picks among copies of one highlight inside the file (duplicate ids),
 * with the first copy winning a tie; the others are reported as duplicates. Nothing is ever deleted.
 *
 * A file is someone else's clock (review F5): a highlight dated later than now (give or take a few minutes of
 * clock drift) is refused as invalid, because it would win every later comparison, and the reader's own backup
 * could never repair it. Clamping it to now would not help: it would still beat every older note. The
 * `restore` mode is the reader saying "this file is mine": every highlight it holds replaces the stored copy
 * that differs, whatever the dates, so a backup always brings the notes back.
 *
 * Never throws: every problem, down to a file that is not JSON at all, becomes a sentence the reader can act on.
 * Text is never interpreted: HTML or script in a note stays characters in a plain-text note.
 */

export interface ImportProblem {
  /** "entry #4" (1-based, in file order), "line 3, column 14", or "the file". */
  where: string;
  reason: string;
}

export interface ImportSummary {
  /** Highlights not saved yet. */
  added: number;
  /** Saved already, and the file's copy is newer (restoring: differs, and replaces it). */
  updated: number;
  /** Saved already, as recent as the file's copy or more recent: left as they are. */
  unchanged: number;
  invalid: ImportProblem[];
  /** Further copies of a highlight the file holds more than once; one copy is imported. */
  duplicates: ImportProblem[];
}

export interface ImportPlan {
  /** Valid highlights to save: new ones and newer versions, in file order. */
  toWrite: Highlight[];
  summary: ImportSummary;
  /** E.g. "12 new, 3 updated, 1 invalid — entry #4: the note is 2,345 characters long; …". */
  summaryText: string;
}

/** `merge`: newer copies win; `restore`: the file's copies win, whatever their dates. */
export type ImportMode = 'merge' | 'restore';

/** How far a file's clock may run ahead of ours before its dates are refused. */
export const CLOCK_DRIFT_MS = 5 * 60 * 1000;

export interface ImportOptions {
  /** The catalog entry for a DOI, used to tie annotations to the club's entry and check their question. */
  entryForDoi?: FindEntry;
  /** The time dates are checked against; now unless given. */
  now?: Date;
  mode?: ImportMode;
}

/** A file read and checked, not yet compared with what is stored (`mergeImport` does that). */
export type ReadImport =
  | { refused: ImportPlan }
  | { valid: { highlight: Highlight; index: number }[]; invalid: ImportProblem[] };

/** How to read every item: an array counts as annotations if any item is one, so each error speaks its language. */
type Kind = 'backup' | 'annotations';
type Items = { kind: Kind; items: unknown[] } | { problem: ImportProblem };
type Parsed = { ok: true; value: Highlight } | { ok: false; message: string };

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

const unreadable = () => refuse({ where: i18n.t('import.theFile'), reason: i18n.t('import.unreadable') });

const problem = (reason: string, where = i18n.t('import.theFile')): Items => ({ problem: { where, reason } });

function readItems(text: unknown): Items {
  if (typeof text !== 'string') return problem(i18n.t('import.notText'));
  if (text.length > IMPORT_MAX_CHARS) {
    const megabytes = new Intl.NumberFormat(numberLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const size = megabytes.format(text.length / 1024 / 1024);
    return problem(i18n.t('import.tooBig', [size, count(IMPORT_MAX_CHARS / 1024 / 1024)]));
  }
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') return problem(i18n.t('import.empty'));
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    return jsonProblem(json);
  }
  const found = itemsOf(root);
  if ('items' in found && found.items.length > IMPORT_MAX_ITEMS) {
    return problem(i18n.t('import.tooMany', [count(found.items.length), count(IMPORT_MAX_ITEMS)]));
  }
  return found;
}

function itemsOf(root: unknown): Items {
  if (Array.isArray(root)) return { kind: root.some(isAnnotation) ? 'annotations' : 'backup', items: root };
  if (!isRecord(root)) return problem(i18n.t('import.notHighlights', [describeJson(root)]));
  if (root.format === BACKUP_FORMAT) {
    if (root.version !== BACKUP_VERSION) {
      const newer = typeof root.version === 'number' && root.version > BACKUP_VERSION;
      return problem(newer ? i18n.t('import.newerBackup') : i18n.t('import.unknownVersion'));
    }
    if (!Array.isArray(root.highlights)) return problem(i18n.t('import.noList'));
    return { kind: 'backup', items: root.highlights };
  }
  if (hasType(root.type, 'Annotation')) return { kind: 'annotations', items: [root] };
  let page: unknown = root;
  if (hasType(root.type, 'AnnotationCollection')) {
    if (root.first === undefined) return { kind: 'annotations', items: [] };
    if (!isRecord(root.first)) return problem(i18n.t('import.linksOnly'));
    page = root.first;
  } else if (!hasType(root.type, 'AnnotationPage')) {
    return problem(i18n.t('import.unknownFormat'));
  }
  if (!isRecord(page) || !Array.isArray(page.items)) return problem(i18n.t('import.noItems'));
  if (page.next !== undefined) return problem(i18n.t('import.morePages'));
  return { kind: 'annotations', items: page.items };
}

function describeJson(value: unknown): string {
  if (value === null) return i18n.t('import.onlyNull');
  if (typeof value === 'string') return i18n.t('import.onlyText');
  return typeof value === 'number' ? i18n.t('import.onlyNumber') : i18n.t('import.onlyBoolean');
}

function jsonProblem(json: string): Items {
  const at = locateJsonError(json);
  if (at === null) return problem(i18n.t('import.notValidJson'));
  const where = i18n.t('import.position', [count(at.line), count(at.column)]);
  if (at.atEnd) {
    return problem(i18n.t('import.cutShort', [where]), where);
  }
  if (json.slice(0, at.offset).trim() === '') {
    return problem(i18n.t('import.notJson'), where);
  }
  return problem(i18n.t('import.mistake', [where]), where);
}

function validate({ kind, items }: { kind: Kind; items: unknown[] }, options: ImportOptions): ReadImport {
  const latest = new Date((options.now ?? new Date()).getTime() + CLOCK_DRIFT_MS).toISOString();
  const invalid: ImportProblem[] = [];
  const valid: { highlight: Highlight; index: number }[] = [];
  items.forEach((item, index) => {
    const parsed = parseItem(item, kind, options);
    if (!parsed.ok) {
      invalid.push({ where: entryName(index), reason: readableNumbers(parsed.message) });
      return;
    }
    // Canonical `toISOString()` strings: text order is time order.
    const future = [parsed.value.updatedAt, parsed.value.createdAt].find((date) => date > latest);
    if (future) invalid.push({ where: entryName(index), reason: i18n.t('import.future', [future.slice(0, 10)]) });
    else valid.push({ highlight: parsed.value, index });
  });
  return { valid, invalid };
}

function merge(
  { valid, invalid }: Extract<ReadImport, { valid: unknown }>,
  existing: readonly Highlight[],
  mode: ImportMode,
): ImportPlan {
  // Map.set on a known key keeps its place, so the winners stay in the order the file first names them.
  const winners = new Map<string, { highlight: Highlight; index: number }>();
  for (const copy of valid) {
    const winner = winners.get(copy.highlight.id);
    if (winner === undefined || copy.highlight.updatedAt > winner.highlight.updatedAt) {
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
  for (const { highlight } of winners.values()) {
    const old = saved.get(highlight.id);
    const keep = mode === 'restore' ? sameHighlight : (mine: Highlight) => highlight.updatedAt <= mine.updatedAt;
    if (old !== undefined && keep(old, highlight)) {
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

const isAnnotation = (item: unknown) => isRecord(item) && hasType(item.type, 'Annotation');

function parseItem(item: unknown, kind: Kind, options: ImportOptions): Parsed {
  if (kind === 'backup') return parseHighlight(item);
  const mapped = annotationToHighlight(item, options.entryForDoi);
  return mapped.ok ? parseHighlight(mapped.value) : mapped;
}

function summarize(summary: ImportSummary, mode: ImportMode): string {
  const { added, updated, unchanged, invalid, duplicates } = summary;
  const parts = [
    [added, 'import.added'],
    [updated, mode === 'restore' ? 'import.replaced' : 'import.updated'],
    [unchanged, 'import.unchanged'],
    [invalid.length, 'import.invalid'],
    [duplicates.length, 'import.duplicates'],
  ] as const;
  const counts = parts.filter(([n]) => n > 0).map(([n, key]) => i18n.t(key, n, [count(n)]));
  if (counts.length === 0) return i18n.t('import.nothingHeld');
  const problems = [...invalid, ...duplicates];
  const [first] = problems;
  let text = counts.join(', ');
  if (first !== undefined) text += ` — ${i18n.t('import.problem', [first.where, lowerFirst(first.reason)])}`;
  if (problems.length > 1) text += ` ${i18n.t('import.andMore', [count(problems.length - 1)])}`;
  return text;
}

function refuse(issue: ImportProblem): ImportPlan {
  return {
    toWrite: [],
    summary: { added: 0, updated: 0, unchanged: 0, invalid: [issue], duplicates: [] },
    summaryText: i18n.t('import.nothingToImport', [issue.reason]),
  };
}

const entryName = (index: number) => i18n.t('import.entry', [count(index + 1)]);
/**
 * Numbers as the reader's language writes them (2,345; 2 345): the language of the messages is enough for
 * digits, and keeps this module to the one extension API it uses, i18n.
 */
const numberLanguage = () => i18n.t('extension.language');
const count = (n: number) => n.toLocaleString(numberLanguage());
/** Validation messages write 2345; the summary writes 2,345 like every other count the reader sees. */
const readableNumbers = (text: string) => text.replace(/\b\d{4,}\b/g, (n) => count(Number(n)));
