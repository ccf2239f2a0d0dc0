import type { Highlight } from '../highlights/highlight';
import { type DbConnection, withDb } from './connection';
import {
  countHighlightsPerDoiKey,
  type HighlightList,
  listAllHighlights,
  listHighlightsForDois,
} from './highlight-lists';
import { deleteHighlight, getHighlight, mergeHighlights, saveHighlight, saveHighlights } from './highlights';
import type { StorageResult } from './result';

/**
 * The reader's highlights as the background's request handlers use them. The handlers see this and never the
 * database, so that they can be tested over any store and the connection stays the background's to open.
 */
export interface HighlightStore {
  listForDois(dois: readonly string[]): Promise<StorageResult<HighlightList>>;
  listAll(): Promise<StorageResult<HighlightList>>;
  /** How many highlights carry each of these DOI keys, from the count kept per key (`doi-counts.ts`). */
  countPerDoiKey(keys: readonly string[]): Promise<StorageResult<Map<string, number>>>;
  saveMany(highlights: readonly Highlight[]): Promise<StorageResult<Highlight[]>>;
  /** Saves what `decide` picks from the stored highlights, read and written in one transaction (an import). */
  mergeMany(decide: (existing: readonly Highlight[]) => readonly Highlight[]): Promise<StorageResult<Highlight[]>>;
  get(id: string): Promise<StorageResult<Highlight>>;
  save(highlight: Highlight): Promise<StorageResult<Highlight>>;
  remove(id: string): Promise<StorageResult<Highlight>>;
}

/** The highlight store over a connection: each call opens the database if needed, or answers why it could not. */
export function createHighlightStore(database: DbConnection): HighlightStore {
  return {
    listForDois: (dois) => withDb(database, (db) => listHighlightsForDois(db, dois)),
    listAll: () => withDb(database, listAllHighlights),
    countPerDoiKey: (keys) => withDb(database, (db) => countHighlightsPerDoiKey(db, keys)),
    saveMany: (highlights) => withDb(database, (db) => saveHighlights(db, highlights)),
    mergeMany: (decide) => withDb(database, (db) => mergeHighlights(db, decide)),
    get: (id) => withDb(database, (db) => getHighlight(db, id)),
    save: (highlight) => withDb(database, (db) => saveHighlight(db, highlight)),
    remove: (id) => withDb(database, (db) => deleteHighlight(db, id)),
  };
}
