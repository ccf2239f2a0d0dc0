import { useCallback, useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ClubGroup } from '../../utils/club/backends';
import type { Visibility } from '../../utils/club/connection';
import type { ClubStatus } from '../../utils/club/views';
import {
  type ClubFlowDeps,
  connectHypothesis,
  connectSolid,
  type FlowProblem,
  type HypothesisFields,
  hypothesisGroups,
  type SolidFields,
} from '../../utils/options/club-flow';

export interface ClubState {
  status: ClubStatus | null;
  loadError: string | null;
  busy: boolean;
  /**
   * The latest result for the section's live region; `serial` makes a repeated message announced again. `shown`
   * is false when the message is already on screen beside the field it is about, and is only spoken.
   */
  announcement: { text: string; serial: number; shown: boolean };
  /** Hypothesis step one; the groups come back for the picker. */
  groups(fields: HypothesisFields): Promise<{ ok: true; groups: ClubGroup[] } | FlowProblem>;
  connectHypothesis(fields: HypothesisFields, group: string, visibility: Visibility): Promise<true | FlowProblem>;
  connectSolid(fields: SolidFields, visibility: Visibility): Promise<true | FlowProblem>;
  setVisibility(visibility: Visibility): Promise<void>;
  retry(): Promise<void>;
  disconnect(deletePublished: boolean): Promise<boolean>;
}

/**
 * The club section's state: the status the background last answered (every club request answers it), and the
 * result of the reader's last action, announced.
 */
export function useClub(deps: ClubFlowDeps): ClubState {
  const { send } = deps;
  const [status, setStatus] = useState<ClubStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState({ text: '', serial: 0, shown: true });
  const announce = useCallback(
    (text: string, shown = true) => setAnnouncement((last) => ({ text, serial: last.serial + 1, shown })),
    [],
  );

  useEffect(() => {
    void send({ type: 'club-status' }).then((reply) => {
      if (reply.ok) setStatus(reply.value);
      else setLoadError(reply.error);
    });
  }, [send]);

  /** Runs one step with the section busy; a problem is announced and handed back for the form to place. */
  const step = async <T extends { ok: boolean }>(run: Promise<T>): Promise<T> => {
    setBusy(true);
    try {
      const result = await run;
      if (!result.ok) {
        const problem = result as unknown as FlowProblem;
        announce(problem.message, problem.field === null);
      }
      return result;
    } finally {
      setBusy(false);
    }
  };

  const connected = (result: { ok: true; status: ClubStatus } | FlowProblem): true | FlowProblem => {
    if (!result.ok) return result;
    setStatus(result.status);
    const connection = result.status.connection;
    if (connection) announce(i18n.t('clubOptions.announce.connected', [connection.member.name, connection.groupName]));
    return true;
  };

  const simple = async (request: Parameters<ClubFlowDeps['send']>[0], said: (next: ClubStatus) => string) => {
    setBusy(true);
    const reply = await send(request);
    setBusy(false);
    if (!reply.ok) return announce(i18n.t('options.announce.failed', [reply.error]));
    const next = reply.value as ClubStatus;
    setStatus(next);
    announce(said(next));
  };

  return {
    status,
    loadError,
    busy,
    announcement,
    groups: (fields) => step(hypothesisGroups(fields, deps)),
    connectHypothesis: async (fields, group, visibility) =>
      connected(await step(connectHypothesis(fields, group, visibility, deps))),
    connectSolid: async (fields, visibility) => connected(await step(connectSolid(fields, visibility, deps))),
    setVisibility: (visibility) =>
      simple({ type: 'club-default-visibility', visibility }, () =>
        i18n.t(visibility === 'club' ? 'clubOptions.announce.defaultClub' : 'clubOptions.announce.defaultOnlyMe'),
      ),
    retry: () =>
      simple({ type: 'club-retry' }, (next) =>
        next.failed.length === 0 ? i18n.t('clubOptions.announce.retried') : i18n.t('clubOptions.announce.stillFailing'),
      ),
    disconnect: async (deletePublished) => {
      setBusy(true);
      const reply = await send({ type: 'club-disconnect', deletePublished });
      setBusy(false);
      if (!reply.ok) {
        announce(i18n.t('options.announce.failed', [reply.error]));
        return false;
      }
      setStatus(reply.value.status);
      const { deleted, notDeleted } = reply.value;
      announce(
        deletePublished
          ? i18n.t('clubOptions.announce.disconnectedDeleted', [String(deleted), String(notDeleted)])
          : i18n.t('clubOptions.announce.disconnected'),
      );
      return true;
    },
  };
}
