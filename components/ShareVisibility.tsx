import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ClubShareView } from '../utils/club/views';
import { GUARDED } from '../utils/panel/click-guard';
import { useAnnounce } from './Announcer';
import { useClubView } from './ClubContext';

/** The words (and a sign, hidden from screen readers, which hear the words) for a shared copy's state. */
export function shareStateText(share: ClubShareView): { icon: string; text: string } {
  switch (share.state) {
    case 'queued':
      return { icon: '⏳', text: i18n.t('clubPanel.state.queued') };
    case 'published':
      return { icon: '✓', text: i18n.t('clubPanel.state.published') };
    case 'failed':
      return {
        icon: '⚠',
        text: share.retrying
          ? i18n.t('clubPanel.state.retrying', [share.reason])
          : i18n.t('clubPanel.state.failed', [share.reason]),
      };
  }
}

/**
 * Who sees one of the reader's highlights: "Only me" or "My club", switched by one toggle (guarded: it sends the
 * highlight to the club's service), with the state of its copy there. Shown only while connected to a club;
 * the state is announced when it changes, whether by the reader's switch or by a later refresh.
 */
export function ShareVisibility({ highlightId, context }: { highlightId: string; context: string }) {
  const club = useClubView();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const share = club?.view.shares[highlightId] ?? null;
  const shared = share?.visibility === 'club';
  const state = share ? shareStateText(share) : null;
  const who = shared ? i18n.t('clubPanel.visibleClub') : i18n.t('clubPanel.visibleOnlyMe');
  const now = state ? `${who} — ${state.text}` : who;
  // null until the layer is there: the states it arrives with are not changes, and are not read out.
  const said = useRef<string | null>(null);
  const known = club !== null;
  useEffect(() => {
    if (!known) return;
    if (said.current !== null && said.current !== now) announce(`${context}: ${now}`);
    said.current = now;
  }, [known, now]);
  if (!club?.view.connected) return null;

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const failure = await club.setVisibility(highlightId, shared ? 'only-me' : 'club');
    setBusy(false);
    if (failure !== null) setError(failure);
  };

  return (
    <div class="hl-visibility">
      <span class="hl-visibility__who">{who}</span>
      <button
        type="button"
        class="button"
        {...GUARDED}
        aria-pressed={shared}
        aria-disabled={busy || undefined}
        aria-label={i18n.t('clubPanel.shareLabel', [context])}
        onClick={() => void toggle()}
      >
        {i18n.t('clubPanel.share')}
      </button>
      {state && (
        <span class={`hl-visibility__state hl-visibility__state--${share?.state}`}>
          <span aria-hidden="true">{state.icon} </span>
          {state.text}
        </span>
      )}
      {error && (
        <p class="hl-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
