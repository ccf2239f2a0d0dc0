import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { CatalogEntry } from '../../utils/catalog/schema';
import type { ClubEntryState } from '../../utils/club/views';
import type { BackgroundClient } from '../../utils/protocol/responses';

interface PublishToClubProps {
  entry: CatalogEntry;
  /** The background, which alone holds the club's connection. */
  send: BackgroundClient;
}

/**
 * "Publish to the club" for one entry: where it stands in the connected club's catalog, and publishing,
 * updating or withdrawing the reader's copy. A member who is not an organiser publishes a suggestion, and is
 * told so: it reaches the members only once an organiser publishes it.
 */
export function PublishToClub({ entry, send }: PublishToClubProps) {
  const [state, setState] = useState<ClubEntryState | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    void send({ type: 'club-catalog-state', entryId: entry.id }).then((reply) => {
      if (!live) return;
      if (reply.ok) setState(reply.value);
      else setSaid({ text: reply.error, error: true });
    });
    return () => {
      live = false;
    };
  }, [send, entry.id]);

  const act = async (kind: 'publish' | 'withdraw') => {
    setBusy(true);
    setSaid(null);
    const reply = await (kind === 'publish'
      ? send({ type: 'club-catalog-publish', entry })
      : send({ type: 'club-catalog-withdraw', entryId: entry.id }));
    setBusy(false);
    if (!reply.ok) return setSaid({ text: reply.error, error: true });
    setState(reply.value);
    setSaid({ text: i18n.t(kind === 'publish' ? 'publish.club.published' : 'publish.club.withdrawn'), error: false });
  };

  if (state !== null && state.clubName === null) return <p class="hint">{i18n.t('publish.club.notConnected')}</p>;
  const club = state?.clubName ?? '';
  const where = !state
    ? null
    : state.mine
      ? i18n.t(state.mine.suggestion ? 'publish.club.publishedSuggestion' : 'publish.club.publishedCatalog', [club])
      : i18n.t(state.inClubCatalog ? 'publish.club.inCatalogByOther' : 'publish.club.notPublished', [club]);
  return (
    <div class="publish-club">
      {where && <p class="publish-club__where">{where}</p>}
      <div class="downloads__actions">
        <button type="button" class="button" disabled={!state || busy} onClick={() => void act('publish')}>
          {i18n.t(state?.mine ? 'publish.club.update' : 'publish.club.publish')}
        </button>
        {state?.mine && (
          <button type="button" class="button" disabled={busy} onClick={() => void act('withdraw')}>
            {i18n.t('publish.club.withdraw')}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {busy && <p>{i18n.t('publish.club.working')}</p>}
        {said && !said.error && <p>{said.text}</p>}
      </div>
      {said?.error && (
        <p class="field-error" role="alert">
          {said.text}
        </p>
      )}
    </div>
  );
}
