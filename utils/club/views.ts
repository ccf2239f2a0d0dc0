import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/types';
import type { CatalogEntry } from '../catalog/schema';
import type { ClubMember } from './backend';
import type { ClubConnectionView } from './connection';
import type { ClubThreads } from './threads';

/**
 * What the background tells the extension's pages about the club. None of these carries the connection's
 * secret: the options page sees the connection redacted, the panel sees threads, the page sees only what it
 * paints.
 */

/** The options page's view of the club. */
export interface ClubStatus {
  connection: ClubConnectionView | null;
  /** Highlights whose copy, edit or deletion waits to be sent. */
  queued: number;
  /** Those whose last attempt failed, grouped by the reason the reader is told. */
  failed: { reason: string; count: number }[];
  lastSync: { at: string; sent: number; failed: number; problem: string | null } | null;
}

/** What disconnecting did with the reader's published annotations. */
export interface DisconnectOutcome {
  deleted: number;
  notDeleted: number;
  status: ClubStatus;
}

/**
 * What a card says of its highlight's copy in the club, worded. `visibility` is the reader's choice: "Only me"
 * while the deletion of a published copy is still to be sent (the state says how that is going).
 */
export type ClubShareView = { visibility: 'only-me' | 'club' } & (
  | { state: 'queued' }
  | { state: 'published' }
  | { state: 'failed'; reason: string; retrying: boolean }
);

/** The club layer of the tab's article, as the panel draws it under each question. */
export interface ClubLayerView {
  connected: boolean;
  /** Who the reader is in the club (their own annotations are the ones they may edit). */
  me: ClubMember | null;
  lastFetched: string | null;
  /** Why the last fetch failed (the threads are then those of the fetch before), or null. */
  failure: string | null;
  threads: ClubThreads;
  /** The club state of each of the reader's highlights on this article that is shared, by highlight id. */
  shares: Record<string, ClubShareView>;
  /** Others' annotations the reader had not seen before this view. */
  newCount: number;
  /** When the reader had last looked at this layer (ISO), to mark what is newer; null: never. */
  seenBefore: string | null;
}

/** A club highlight as the page's script gets it to paint: no note, no name, no time. */
export interface ClubPageHighlight {
  remoteId: string;
  questionId: string | null;
  selectors: (TextQuoteSelector | TextPositionSelector)[];
}

/** The answer to `highlight-visibility`: the highlight's visibility now, and its copy's state when shared. */
export interface VisibilityAnswer {
  visibility: 'only-me' | 'club';
  share: ClubShareView | null;
}

/** The options page's view of one entry in the club's catalog (`PublishToClub`). */
export interface ClubEntryState {
  /** The connected club's name; null when no club is connected. */
  clubName: string | null;
  /** The reader's published copy of this entry: in the club's catalog, or as a suggestion; null: none. */
  mine: { suggestion: boolean; updatedAt: string } | null;
  /** Whether the club's catalog has this entry (the reader's copy or an organiser's). */
  inClubCatalog: boolean;
  /** When the club's catalog was last read; null: never. */
  fetchedAt: string | null;
}

/** A member's suggested entry, for the organisers to look at (`ClubSuggestions`). */
export interface SuggestionView {
  entry: CatalogEntry;
  by: ClubMember;
  updatedAt: string;
}

export interface ClubSuggestionsView {
  connected: boolean;
  suggestions: SuggestionView[];
  /** Published items left out of the club's catalog, and why. */
  problems: string[];
  /** The organisers the club's settings name (used where the service has no roles). */
  organisers: string[];
}
