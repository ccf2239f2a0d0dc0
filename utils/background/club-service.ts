import { doiKey } from '../article/doi';
import type { CatalogIndex } from '../catalog/lookup';
import type { ClubBackend } from '../club/backend';
import type { ClubBackends } from '../club/backends';
import type { ClubConnection, Visibility } from '../club/connection';
import { clubArticleOf, draftOf } from '../club/draft';
import { createOutbox, type DrainReport, type Outbox, type ShareStore } from '../club/outbox';
import { type ClubShare, edited, shared, withdrawn } from '../club/share-state';
import type { HighlightStore } from '../db/highlight-store';
import type { Highlight } from '../highlights/highlight';
import type { ClubStorage } from './club-store';

/** What the club service needs from the background; the entrypoint binds it to the browser. */
export interface ClubDeps {
  storage: ClubStorage;
  backends: ClubBackends;
  shares: ShareStore;
  highlights: HighlightStore;
  catalog(): Promise<CatalogIndex>;
  /** Whether the browser lets the extension reach all these origins (asked for by the options page). */
  permitted(origins: string[]): Promise<boolean>;
  /** Starts the `club-sync` alarm (if missing) while connected, and stops it on disconnecting. */
  schedule: { start(): Promise<void>; stop(): Promise<void> };
  now(): Date;
  /**
   * Called after a share record changed (the reader's choice, an edit, a drain's answers), so that open panels
   * ask for the cards' states again instead of showing the state they had when they last asked.
   */
  onSharesChanged?(): void;
  /** Called when the club's catalog entries changed (read anew, or forgotten): the merged catalog is rebuilt. */
  onCatalogChanged?(): void;
}

/** The connection in use, with the one backend (one account's rate limit) and the outbox that sends through it. */
export interface ActiveClub {
  connection: ClubConnection;
  backend: ClubBackend;
  outbox: Outbox;
}

/**
 * The club's core in the background: which connection is in use, the outbox over it, and what the reader's
 * highlight changes mean for the club. Every change is recorded in `clubShares` before the reader's request is
 * answered; sending happens after, in a drain the request does not wait for.
 */
export function createClubService(deps: ClubDeps) {
  let current: { key: string; club: ActiveClub } | null = null;
  /** The last drain started, so that a new connection's outbox never sends while the previous one still does. */
  let lastDrain: { outbox: Outbox; done: Promise<unknown> } | null = null;

  const keyOf = (connection: ClubConnection) => JSON.stringify(connection.config);

  const outboxFor = (backend: ClubBackend): Outbox =>
    createOutbox({
      store: deps.shares,
      backend,
      now: () => deps.now().getTime(),
      draftOf: async (highlightId) => {
        const found = await deps.highlights.get(highlightId);
        if (!found.ok) return null;
        const entry = found.value.entryId ? (await deps.catalog()).get(found.value.entryId) : null;
        return entry ? draftOf(found.value, entry) : null;
      },
    });

  /** The connection, read from storage every time: an MV3 worker forgets everything in memory when it sleeps. */
  async function active(): Promise<ActiveClub | null> {
    const connection = await deps.storage.connection();
    if (!connection) {
      current = null;
      return null;
    }
    const key = keyOf(connection);
    if (current?.key !== key) {
      const backend = deps.backends.create(connection.config);
      current = { key, club: { connection, backend, outbox: outboxFor(backend) } };
    }
    current.club.connection = connection;
    return current.club;
  }

  /** Keeps a backend that just proved itself (connecting), so its session and rate limit carry on. */
  function adopt(connection: ClubConnection, backend: ClubBackend): void {
    current = { key: keyOf(connection), club: { connection, backend, outbox: outboxFor(backend) } };
  }

  function forget(): void {
    current = null;
  }

  /** Sends what is due, and records what happened for the options page. */
  async function drain(): Promise<DrainReport | null> {
    const club = await active();
    if (!club) return null;
    if (lastDrain && lastDrain.outbox !== club.outbox) await lastDrain.done.catch(() => undefined);
    const done = club.outbox.drain();
    lastDrain = { outbox: club.outbox, done };
    const report = await done;
    await deps.storage.setLastSync({
      at: deps.now().toISOString(),
      sent: report.sent,
      failed: report.failed,
      stoppedBy: report.stoppedBy?.code ?? null,
    });
    if (report.sent + report.failed > 0) deps.onSharesChanged?.();
    return report;
  }

  /** A drain after a change, not awaited by the reader's request; its failures stay in the records. */
  function syncSoon(): void {
    void drain().catch(() => undefined);
  }

  /** The record's identity for a highlight of a catalog entry; null when the highlight belongs to none. */
  async function shareTarget(highlight: Highlight) {
    const entry = highlight.entryId ? (await deps.catalog()).get(highlight.entryId) : null;
    if (!entry) return null;
    const article = clubArticleOf(entry, highlight.doi);
    return { id: highlight.id, doiKey: doiKey(article.doi), article };
  }

  /** The reader chose "Only me" or "My club" for one highlight: the share record after the choice. */
  async function setVisibility(highlight: Highlight, visibility: Visibility): Promise<ClubShare | null> {
    const target = await shareTarget(highlight);
    if (!target) return null;
    const now = deps.now().getTime();
    let after: ClubShare | null = null;
    await deps.shares.update(highlight.id, (existing) => {
      after = visibility === 'club' ? shared(existing, target, now) : existing && withdrawn(existing, now);
      return after;
    });
    deps.onSharesChanged?.();
    syncSoon();
    return after;
  }

  /**
   * What the reader's highlight requests mean for the club (called after each succeeded): a new highlight takes
   * the default visibility, an edit of a shared one is sent again, a deletion withdraws it and an undo of that
   * deletion shares it again. Failures here never fail the reader's request: the highlight itself is saved.
   */
  const hooks = {
    async created(highlight: Highlight): Promise<void> {
      const club = await active();
      if (club?.connection.defaultVisibility === 'club') await setVisibility(highlight, 'club');
    },
    async edited(highlight: Highlight): Promise<void> {
      await changeIfShared(highlight.id, (share, now) => edited(share, now));
    },
    async deleted(highlight: Highlight): Promise<void> {
      await changeIfShared(highlight.id, (share, now) => withdrawn(share, now));
    },
    async restored(highlight: Highlight): Promise<void> {
      const target = await shareTarget(highlight);
      if (target) await changeIfShared(highlight.id, (share, now) => shared(share, target, now));
    },
  };

  async function changeIfShared(id: string, change: (share: ClubShare, now: number) => ClubShare | null) {
    if (!(await deps.shares.get(id))) return;
    const now = deps.now().getTime();
    await deps.shares.update(id, (existing) => existing && change(existing, now));
    deps.onSharesChanged?.();
    syncSoon();
  }

  return { deps, active, adopt, forget, drain, syncSoon, setVisibility, hooks };
}

export type ClubService = ReturnType<typeof createClubService>;
