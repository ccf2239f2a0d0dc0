import { i18n } from '#i18n';
import type { Highlight } from '../highlights/highlight';
import { lowerFirst } from '../lower-first';

/**
 * What an import plan tells the reader: the counts, the first problem and how many more, in the reader's
 * language and number format. Every refusal of a whole file is worded here too, so the reading and the merging
 * steps only say what went wrong.
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

export function summarize(summary: ImportSummary, mode: ImportMode): string {
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

export function refuse(issue: ImportProblem): ImportPlan {
  return {
    toWrite: [],
    summary: { added: 0, updated: 0, unchanged: 0, invalid: [issue], duplicates: [] },
    summaryText: i18n.t('import.nothingToImport', [issue.reason]),
  };
}

export const entryName = (index: number) => i18n.t('import.entry', [count(index + 1)]);
/**
 * Numbers as the reader's language writes them (2,345; 2 345): the language of the messages is enough for
 * digits, and keeps this module to the one extension API it uses, i18n.
 */
export const numberLanguage = () => i18n.t('extension.language');
export const count = (n: number) => n.toLocaleString(numberLanguage());
/** Validation messages write 2345; the summary writes 2,345 like every other count the reader sees. */
export const readableNumbers = (text: string) => text.replace(/\b\d{4,}\b/g, (n) => count(Number(n)));

export const unreadable = () => refuse({ where: i18n.t('import.theFile'), reason: i18n.t('import.unreadable') });
