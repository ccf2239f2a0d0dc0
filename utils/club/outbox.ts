import type { ClubBackend, ClubDraft, ClubFailure, ClubResult } from './backend';
import { type ClubShare, due, failed, succeeded } from './share-state';

/**
 * Where the outbox keeps its records: the `clubShares` store in the background, a map in tests. `update` reads
 * and writes in one transaction (null deletes), so that the reader's edit and a call's answer never overwrite
 * each other. Storage failures throw: the drain stops, and every record keeps the intent it had.
 */
export interface ShareStore {
  list(): Promise<ClubShare[]>;
  get(highlightId: string): Promise<ClubShare | null>;
  update(highlightId: string, next: (current: ClubShare | null) => ClubShare | null): Promise<void>;
}

export interface OutboxDeps {
  store: ShareStore;
  backend: ClubBackend;
  /** What to send for a highlight as it is now, or null when it no longer exists (then only a deletion can go). */
  draftOf(highlightId: string): Promise<ClubDraft | null>;
  now(): number;
}

export interface DrainReport {
  sent: number;
  failed: number;
  /** Set when a failure that every later call would share (offline, a bad token, a busy service) ended the drain. */
  stoppedBy: ClubFailure | null;
}

/**
 * Failures that say nothing about one annotation but about the connection: after one of them, the rest of the
 * queue would fail the same way, so the drain stops and each record keeps its place.
 */
const ENDS_DRAIN = new Set<ClubFailure['code']>(['offline', 'unauthorized', 'rate-limited', 'server']);

/**
 * Sends what the service lacks, oldest intent first, one call at a time (the services' rate limits are per
 * reader). Drains never overlap: asking during one makes it run once more when it ends, so an edit made during
 * a drain is not left waiting for the next alarm.
 */
export function createOutbox(deps: OutboxDeps) {
  let running: Promise<DrainReport> | null = null;
  let again = false;

  async function drainOnce(): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, failed: 0, stoppedBy: null };
    for (const { highlightId } of due(await deps.store.list(), deps.now())) {
      // Read again: the reader may have edited or withdrawn it while earlier calls were out.
      const share = await deps.store.get(highlightId);
      if (!share || share.pending === 'none') continue;
      const result = await send(share);
      if (result === 'skip') continue;
      if (result.ok) {
        report.sent += 1;
        await deps.store.update(highlightId, (current) => succeeded(current, share, result.value?.remoteId));
        continue;
      }
      report.failed += 1;
      const { ok: _ok, ...failure } = result;
      await deps.store.update(highlightId, (current) => current && failed(current, failure, deps.now()));
      if (ENDS_DRAIN.has(failure.code)) {
        report.stoppedBy = failure;
        break;
      }
    }
    return report;
  }

  async function send(share: ClubShare): Promise<ClubResult<{ remoteId: string } | undefined> | 'skip'> {
    if (share.pending === 'remove') {
      if (share.remoteId === null) return { ok: true, value: undefined };
      const removed = await deps.backend.remove(share.remoteId, share.article);
      return removed.ok ? { ok: true, value: undefined } : removed;
    }
    const draft = await deps.draftOf(share.highlightId);
    // The highlight is gone but its withdrawal has not been recorded yet: leave the record to that withdrawal.
    if (!draft) return 'skip';
    if (share.pending === 'publish' || share.remoteId === null) return deps.backend.publish(draft);
    const updated = await deps.backend.update(share.remoteId, draft);
    return updated.ok ? { ok: true, value: undefined } : updated;
  }

  return {
    drain(): Promise<DrainReport> {
      if (running) {
        again = true;
        return running;
      }
      const run = async (): Promise<DrainReport> => {
        let report = await drainOnce();
        while (again) {
          again = false;
          const next = await drainOnce();
          report = { sent: report.sent + next.sent, failed: report.failed + next.failed, stoppedBy: next.stoppedBy };
        }
        return report;
      };
      running = run().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
