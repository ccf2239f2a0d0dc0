import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ClubFlowDeps } from '../../utils/options/club-flow';
import { ClubConnectionStatus } from './ClubConnectionStatus';
import { ClubHypothesisForm } from './ClubHypothesisForm';
import { ClubSolidForm } from './ClubSolidForm';
import { SettingSwitch } from './SettingSwitch';
import { useClub } from './useClub';

interface ClubConnectionProps extends ClubFlowDeps {
  /** The browser's UI language, for dates. */
  language: string;
  /** Told whenever the page learns whether a club is connected (on loading, connecting, disconnecting). */
  onConnectedChange?: (connected: boolean) => void;
}

/**
 * "Your club" on the options page: connecting to a Hypothesis group or a club's Solid pod, and, once connected,
 * its status. Nothing leaves the browser before the reader connects here and chooses "My club".
 */
export function ClubConnection({ send, requestOrigins, language, onConnectedChange }: ClubConnectionProps) {
  const showClubHighlights = useCallback(
    (show?: boolean) => send({ type: 'club-highlights-setting', ...(show !== undefined && { show }) }),
    [send],
  );
  const club = useClub({ send, requestOrigins });
  const [kind, setKind] = useState<'hypothesis' | 'solid'>('hypothesis');
  const heading = useRef<HTMLHeadingElement>(null);
  const { status } = club;
  const connection = status?.connection ?? null;
  // Connecting replaces the form (and the button that had focus) by the status: focus moves to the heading.
  const wasConnected = useRef<boolean | null>(null);
  useEffect(() => {
    if (!status) return;
    if (wasConnected.current === false && connection) heading.current?.focus();
    wasConnected.current = connection !== null;
    onConnectedChange?.(connection !== null);
  }, [status, connection, onConnectedChange]);
  return (
    <section class="card club" aria-labelledby="club-heading">
      <h2 id="club-heading" ref={heading} tabIndex={-1}>
        {i18n.t('clubOptions.heading')}
      </h2>
      {/* Always in the page, so that screen readers register it before it first speaks. */}
      <div class="status" role="status" aria-live="polite" aria-atomic="true">
        {club.announcement.text && (
          <p key={club.announcement.serial} class={club.announcement.shown ? undefined : 'visually-hidden'}>
            {club.announcement.text}
          </p>
        )}
      </div>
      {club.loadError && <p class="field-error">{i18n.t('options.announce.failed', [club.loadError])}</p>}
      {status && connection && (
        <ClubConnectionStatus
          club={club}
          status={{ ...status, connection }}
          language={language}
          onDisconnected={() => heading.current?.focus()}
        />
      )}
      {status && connection && (
        // Whether the club's highlights are painted in articles and marked on the map; the panel switches it too.
        <SettingSwitch
          id="club-highlights-shown"
          label={i18n.t('clubOptions.highlights.show')}
          hint={i18n.t('clubOptions.highlights.hint')}
          setting={showClubHighlights}
        />
      )}
      {status && !connection && (
        <>
          <p class="note">{i18n.t('clubOptions.intro')}</p>
          <fieldset class="club__choice">
            <legend>{i18n.t('clubOptions.kind.legend')}</legend>
            {(['hypothesis', 'solid'] as const).map((option) => (
              <div key={option} class="club__option">
                <input
                  type="radio"
                  id={`club-kind-${option}`}
                  name="club-kind"
                  checked={kind === option}
                  onChange={() => setKind(option)}
                />
                <label for={`club-kind-${option}`}>
                  {option === 'hypothesis' ? i18n.t('clubOptions.kind.hypothesis') : i18n.t('clubOptions.kind.solid')}
                </label>
              </div>
            ))}
          </fieldset>
          {kind === 'hypothesis' ? <ClubHypothesisForm club={club} /> : <ClubSolidForm club={club} />}
        </>
      )}
    </section>
  );
}
