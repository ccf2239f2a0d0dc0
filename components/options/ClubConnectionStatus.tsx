import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ClubConnectionView } from '../../utils/club/connection';
import type { ClubStatus } from '../../utils/club/views';
import { formatDateTime } from '../../utils/options/format-time';
import { ClubVisibilityChoice } from './ClubVisibilityChoice';
import type { ClubState } from './useClub';

interface ClubConnectionStatusProps {
  club: ClubState;
  status: ClubStatus & { connection: ClubConnectionView };
  language: string;
  onDisconnected: () => void;
}

/**
 * The connected club: who the reader is there, the default for new highlights, what waits to be sent or failed
 * (with why), the last sync, and disconnecting (optionally deleting the reader's annotations from the club).
 */
export function ClubConnectionStatus({ club, status, language, onDisconnected }: ClubConnectionStatusProps) {
  const [deletePublished, setDeletePublished] = useState(false);
  const { connection, lastSync } = status;
  const failedCount = status.failed.reduce((sum, reason) => sum + reason.count, 0);
  const service =
    connection.kind === 'hypothesis' ? i18n.t('clubOptions.kind.hypothesis') : i18n.t('clubOptions.kind.solid');
  return (
    <div>
      <p class="club__connected">
        {i18n.t('clubOptions.status.connectedAs', [connection.member.name, connection.groupName])}
      </p>
      <dl class="facts">
        <div>
          <dt>{i18n.t('clubOptions.status.service')}</dt>
          <dd>
            {service} · {connection.service}
          </dd>
        </div>
        <div>
          <dt>{i18n.t('clubOptions.status.waiting')}</dt>
          <dd>{i18n.t('clubOptions.status.waitingCount', status.queued)}</dd>
        </div>
        <div>
          <dt>{i18n.t('clubOptions.status.failed')}</dt>
          <dd>{i18n.t('clubOptions.status.failedCount', failedCount)}</dd>
        </div>
        <div>
          <dt>{i18n.t('clubOptions.status.lastSync')}</dt>
          <dd>
            {lastSync ? formatDateTime(lastSync.at, language) : i18n.t('clubOptions.status.never')}
            {lastSync?.problem && ` — ${lastSync.problem}`}
          </dd>
        </div>
      </dl>
      {status.failed.length > 0 && (
        <div class="club__failures">
          <ul>
            {status.failed.map((failure) => (
              <li key={failure.reason}>
                {i18n.t('clubOptions.status.failedReason', [String(failure.count), failure.reason])}
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="button"
            aria-disabled={club.busy ? 'true' : 'false'}
            onClick={() => {
              if (!club.busy) void club.retry();
            }}
          >
            {i18n.t('clubOptions.status.retry')}
          </button>
        </div>
      )}
      <ClubVisibilityChoice
        idPrefix="club-default"
        value={connection.defaultVisibility}
        disabled={club.busy}
        onChange={(visibility) => void club.setVisibility(visibility)}
      />
      <p class="hint">{i18n.t('clubOptions.visibility.existingKept')}</p>
      <form
        class="club__disconnect"
        onSubmit={(event) => {
          event.preventDefault();
          if (club.busy) return;
          void club.disconnect(deletePublished).then((done) => {
            if (done) onDisconnected();
          });
        }}
      >
        <div class="club__option">
          <input
            type="checkbox"
            id="club-delete-published"
            checked={deletePublished}
            onChange={(event) => setDeletePublished(event.currentTarget.checked)}
          />
          <label for="club-delete-published">{i18n.t('clubOptions.disconnect.deletePublished')}</label>
        </div>
        <p class="hint">{i18n.t('clubOptions.disconnect.note')}</p>
        <button type="submit" class="button button--danger" aria-disabled={club.busy ? 'true' : 'false'}>
          {club.busy ? i18n.t('clubOptions.busy') : i18n.t('clubOptions.disconnect.button')}
        </button>
      </form>
    </div>
  );
}
