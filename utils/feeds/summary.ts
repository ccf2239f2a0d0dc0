import { localize } from '../catalog/localized';
import { parseCatalog } from '../catalog/parse';
import type { CatalogEntry } from '../catalog/schema';
import type { FeedEntryError, FeedOutcome, FeedRecord } from '../db/feed-record';
import type { FeedUrlProblem } from './feed-url';

/** One feed as the options page shows it. */
export interface FeedSummary {
  url: string;
  /** The clubs its entries name, in the reader's language, each once. */
  clubs: string[];
  subscribedAt: string;
  lastAttemptAt: string | null;
  lastRefreshAt: string | null;
  /** Entries the catalog serves from this feed now (its last good copy, read by the current schema). */
  entryCount: number;
  /** Why other entries of that copy are not served, naming entry and field. */
  errors: FeedEntryError[];
  outcome: FeedOutcome;
  /** Whether a good copy is held (and served) despite a failed last refresh. */
  hasCopy: boolean;
}

/** The bundled catalog, which every reader has and none can remove. */
export interface BundledSummary {
  entryCount: number;
  clubs: string[];
}

export interface FeedsOverview {
  bundled: BundledSummary;
  feeds: FeedSummary[];
  /** Stored feed records too damaged to read; kept, and counted so that the reader is told. */
  damaged: number;
  /** The sites the reader approved for feeds (match patterns), in the order approved. */
  approvedSites: string[];
  /** Articles claimed by more than one catalog, with the source shown now. */
  conflicts: ConflictSummary[];
}

/** A conflict as the options page shows it: `sources` are 'bundled' or feed addresses. */
export interface ConflictSummary {
  entryId: string;
  /** The first claimant's title in the reader's language. */
  title: string;
  sources: string[];
  chosen: string;
}

/** Club names for a list of entries, deduplicated in order of first appearance. */
export function clubNames(entries: readonly CatalogEntry[], language: string): string[] {
  return [...new Set(entries.map((entry) => localize(entry.club.name, language)))];
}

/**
 * The copy is parsed again rather than trusting the counts saved at fetch time, so that the page shows exactly
 * what the catalog serves, even after an update changed the schema.
 */
export function summarizeFeed(record: FeedRecord, language: string): FeedSummary {
  const hasCopy = record.document !== null;
  const parsed = hasCopy ? parseCatalog(record.document, record.url) : { entries: [], errors: [] };
  return {
    url: record.url,
    clubs: clubNames(parsed.entries, language),
    subscribedAt: record.subscribedAt,
    lastAttemptAt: record.lastAttemptAt,
    lastRefreshAt: record.lastRefreshAt,
    entryCount: parsed.entries.length,
    errors: parsed.errors.map(({ index, id, message }) => ({ index, id, message })),
    outcome: record.outcome,
    hasCopy,
  };
}

/** The answer to a subscription: the feed as fetched, or why nothing was subscribed. */
export type FeedSubscribeAnswer =
  | { status: 'subscribed' | 'already-subscribed'; url: string; overview: FeedsOverview }
  | { status: 'refused'; problem: FeedUrlProblem | 'permission-missing' | 'too-many-feeds' };
