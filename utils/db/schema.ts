import type { DBSchema, IDBPDatabase } from 'idb';
import { doiKey } from '../article/doi';
import type { ClubShare } from '../club/share-state';
import type { Highlight } from '../highlights/highlight';
import type { FeedRecord } from './feed-record';

/** One database per browser profile; the name never changes, or readers would lose what they saved. */
export const DB_NAME = 'journal-club';

/** The panel's collapsed or open state for one article (store `articleState`, since v1). */
export interface ArticleStateRecord {
  doiKey: string;
  collapsed: boolean;
  updatedAt: string;
}

/**
 * A highlight as stored (store `highlights`, since v2): the highlight itself plus the keys its indexes need,
 * derived on every write so that they can never disagree with the highlight.
 */
export interface HighlightRecord extends Highlight {
  /** `doiKey(doi)`, so that the same article matches whatever case a page printed its DOI in. */
  doiKey: string;
  /** `questionId ?? ''`, because IndexedDB keys cannot be null and untied highlights must be listable. */
  questionKey: string;
}

/**
 * How many records the `highlights` store holds under one DOI key (store `doiCounts`, since v5): exactly what
 * counting the `byDoi` index gives, damaged records included, kept so that the popup reads one small store
 * instead of counting 200 index ranges. See `doi-counts.ts` for how it is kept and repaired.
 */
export interface DoiCountRecord {
  doiKey: string;
  count: number;
}

/** The current schema. Earlier versions are described, and upgraded from, in `migrations.ts`. */
export interface JournalClubSchema extends DBSchema {
  articleState: { key: string; value: ArticleStateRecord };
  highlights: {
    key: string;
    value: HighlightRecord;
    indexes: {
      byDoi: string;
      byDoiQuestion: [doiKey: string, questionKey: string];
      byUpdated: string;
    };
  };
  /** Subscribed catalog feeds with their last good copy (since v3), keyed by feed URL. */
  feeds: { key: string; value: FeedRecord };
  /** What each highlight shared with "My club" still owes the club (since v4), keyed by highlight id. */
  clubShares: { key: string; value: ClubShare; indexes: { byDoi: string } };
  /** Highlight records per DOI key (since v5), updated in every transaction that writes `highlights`. */
  doiCounts: { key: string; value: DoiCountRecord };
  /** The organiser's own catalog entries, "My club" (since v6), keyed by entry id. */
  myClubEntries: { key: string; value: MyClubRecord };
  /** The authoring page's drafts (since v6), keyed by what each is for (`doi:…`, `entry:…`). */
  authoringDrafts: { key: string; value: DraftRecord };
}

/**
 * One saved "My club" entry. The entry is kept as saved and checked by the catalog's schema each time the
 * catalog is built (as a feed's copy is), so one saved by an older version is read by the current rules.
 */
export interface MyClubRecord {
  id: string;
  entry: unknown;
  savedAt: string;
}

/** One authoring draft: the form as typed, checked by the background when read. */
export interface DraftRecord {
  key: string;
  form: unknown;
  savedAt: string;
}

export type JournalClubDb = IDBPDatabase<JournalClubSchema>;

/** The value the `byDoiQuestion` index holds for a question id (null meaning untied). */
export const questionKey = (questionId: string | null): string => questionId ?? '';

export function toHighlightRecord(highlight: Highlight): HighlightRecord {
  return { ...highlight, doiKey: doiKey(highlight.doi), questionKey: questionKey(highlight.questionId) };
}

/** Drops the derived keys so that what remains can be checked against the highlight schema. */
export function withoutIndexKeys(record: unknown): unknown {
  if (typeof record !== 'object' || record === null) return record;
  const { doiKey: _doiKey, questionKey: _questionKey, ...highlight } = record as Partial<HighlightRecord>;
  return highlight;
}
