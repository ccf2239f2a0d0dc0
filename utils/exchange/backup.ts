import type { Highlight } from '../highlights/highlight';
import { pdfPageOf, pdfPageSelector } from '../highlights/pdf-page';
import { byCreation } from './common';

/**
 * The backup file: every highlight of every article, in the stored form, so that a restore (`planImport`) gives
 * back exactly what was saved. Named and versioned so that a later format can still read this one, and so that
 * a wrong file is recognised as such instead of being half-read.
 */

export const BACKUP_FORMAT = 'journal-club-reader/backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601, UTC. */
  exportedAt: string;
  /** Oldest first. */
  highlights: Highlight[];
}

/**
 * Pretty-printed, oldest first, so that two backups diff cleanly and an import error's line number points at
 * one highlight. Each record is rebuilt field by field: the import checks backups strictly, so a stray
 * property (a store's index key, say) must not get into the file.
 */
export function exportBackup(highlights: readonly Highlight[], now: Date): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    highlights: [...highlights].sort(byCreation).map(storedForm),
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

function storedForm(h: Highlight): Highlight {
  const [quote, position] = h.target.selectors;
  const page = pdfPageOf(h.target.selectors);
  return {
    id: h.id,
    doi: h.doi,
    entryId: h.entryId,
    questionId: h.questionId,
    note: h.note,
    target: {
      source: h.target.source,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
        ...(page === null ? [] : [pdfPageSelector(page)]),
      ] as Highlight['target']['selectors'],
    },
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
  };
}
