import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/types';
import type { ClubCatalog } from './club-catalog';

/**
 * The club layer's one seam: a service that already exists (a Hypothesis group, a Solid pod) behind the same
 * few calls, so the outbox, the panel and the badge never ask which one the club uses. IndexedDB stays the
 * source of truth for the reader's own highlights; a backend only carries copies to and from the club.
 */
export interface ClubBackend {
  readonly kind: 'hypothesis' | 'solid';
  /** Who the reader is on the service, as other members will see them. */
  whoAmI(): Promise<ClubResult<ClubMember>>;
  /**
   * Every club annotation on the article (highlights and replies, the reader's own included), read with as few
   * requests as the service allows: Hypothesis pages of 200, a Solid pod one document per member.
   */
  list(article: ClubArticle): Promise<ClubResult<ClubListing>>;
  /** Publishes a highlight or a reply; the service's id for it comes back, to edit or delete it later. */
  publish(draft: ClubDraft): Promise<ClubResult<{ remoteId: string }>>;
  /** Replaces the note (and the question) of one of the reader's own annotations. */
  update(remoteId: string, draft: ClubDraft): Promise<ClubResult<void>>;
  /** Deletes one of the reader's own annotations; a 404 counts as done. */
  remove(remoteId: string, article: ClubArticle): Promise<ClubResult<void>>;
  /** The club's own catalog entries on the service (absent from test backends that have none). */
  readonly catalog?: ClubCatalog;
}

/** Which article a call is about: the DOI joins every copy of it (publisher page, PMC, PDF). */
export interface ClubArticle {
  doi: string;
  /** The catalog entry the club discusses it under. */
  entryId: string;
}

export interface ClubMember {
  /** The service's stable id for the member (`acct:…` on Hypothesis, a WebID on Solid). */
  id: string;
  /** A name for people: the display name, else the user name. */
  name: string;
}

/** What the reader sends: a highlight of theirs, or a reply to a club annotation. */
export interface ClubDraft {
  article: ClubArticle & { title: string; pageUrl: string };
  /** The local highlight this copies (absent for a reply), so the outbox can find it again. */
  localId?: string;
  /** The question the highlight is tied to, with its words, which services without our panel show. */
  question: { id: string; text: string } | null;
  note: string;
  /** Absent for a reply. */
  selectors?: [TextQuoteSelector, TextPositionSelector];
  /** The remote id of the annotation this replies to. */
  replyTo?: string;
}

/** One member's annotation as read from the service: untrusted, already validated and capped. */
export interface ClubAnnotation {
  remoteId: string;
  author: ClubMember;
  /** Whether the connected reader wrote it (only those may be edited or deleted). */
  mine: boolean;
  createdAt: string;
  updatedAt: string;
  questionId: string | null;
  note: string;
  /** Empty for a reply. */
  selectors: (TextQuoteSelector | TextPositionSelector)[];
  replyTo: string | null;
}

export interface ClubListing {
  annotations: ClubAnnotation[];
  /** How many requests the listing took, for the bench and the rate limiter's accounts. */
  requests: number;
  /** Annotations the service sent that failed validation or a cap, and were left out (counted, never shown). */
  dropped?: number;
}

/** Why a call failed, as a code the UI turns into a sentence; nothing is lost on any of them. */
export type ClubFailure =
  | { code: 'offline' }
  | { code: 'unauthorized' }
  | { code: 'forbidden' }
  | { code: 'not-found' }
  | { code: 'rate-limited'; retryAfterMs: number }
  | { code: 'server'; status: number }
  | { code: 'invalid-response'; detail: string };

export type ClubResult<T> = { ok: true; value: T } | ({ ok: false } & ClubFailure);
