import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { GUARDED } from '../utils/panel/click-guard';
import { useClub } from './ClubContext';

/**
 * The club layer's status above the questions: when it was last fetched, why the last fetch failed (the threads
 * shown are then the ones before, nothing is lost), what is new since the reader's last visit, Refresh, and
 * whether the club's highlights are painted in the article. Not connected: one hint, here, instead of a control on
 * every card.
 */
export function ClubRefresh() {
  const club = useClub();
  const [switchProblem, setSwitchProblem] = useState<string | null>(null);
  if (!club) return null;
  const { view, error, refreshing } = club;
  if (view && !view.connected) return <p class="hl-hint club-status">{i18n.t('clubPanel.connectHint')}</p>;
  if (!view && !error) return null;
  const fetched = view?.lastFetched ? club.formatTime(view.lastFetched) : null;
  const problem = error ?? view?.failure ?? null;
  return (
    <div class="club-status" aria-busy={refreshing || undefined}>
      <p class="club-status__line">
        <span>
          {fetched ? (
            <>
              {i18n.t('clubPanel.fetched')}{' '}
              <time dateTime={view?.lastFetched ?? undefined} title={fetched.full}>
                {fetched.text}
              </time>
            </>
          ) : (
            i18n.t('clubPanel.neverFetched')
          )}
        </span>
        <button
          type="button"
          class="button"
          aria-disabled={refreshing || undefined}
          onClick={() => !refreshing && void club.refresh()}
        >
          {refreshing ? i18n.t('clubPanel.refreshing') : i18n.t('clubPanel.refresh')}
        </button>
      </p>
      <p role="status" class="club-status__new">
        {view && view.newCount > 0 ? i18n.t('clubPanel.newSince', view.newCount) : ''}
      </p>
      {problem && <p class="panel__error club-status__problem">{problem}</p>}
      <p class="club-status__paint">
        <label>
          <input
            type="checkbox"
            checked={club.highlightsShown === true}
            disabled={club.highlightsShown === null}
            // A setting for every article: a page that tricks the reader into clicking must not flip it.
            {...GUARDED}
            onChange={(event) => void club.showHighlights(event.currentTarget.checked).then(setSwitchProblem)}
          />{' '}
          {i18n.t('clubOptions.highlights.show')}
        </label>
      </p>
      {switchProblem && <p class="panel__error">{switchProblem}</p>}
    </div>
  );
}
