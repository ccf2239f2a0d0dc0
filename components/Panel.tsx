import type { ComponentChildren, JSX } from 'preact';
import { localize } from '../utils/localized';
import type { PanelState } from '../utils/messages';
import { ClubEntry, type ClubEntryActions } from './ClubEntry';
import { SharedWithYou } from './SharedWithYou';

interface PanelProps {
  state: PanelState;
  language: string;
  actions: ClubEntryActions & {
    saveShared(index: number): Promise<{ ok: true; status: 'saved' | 'already-saved' } | { ok: false; error: string }>;
  };
  onCollapse: () => void;
  onClose: () => void;
}

/**
 * The panel laid over the article: the club's reading of it (summary, commentary, questions, the reader's
 * highlights), and anything a share link brought. Opened from a share link for an article the reader's catalog
 * lacks, it is built from the link alone.
 */
export function Panel({ state, language, actions, onCollapse, onClose }: PanelProps) {
  const { entry, shared } = state;
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented) onCollapse();
  };
  const sharedClub = shared?.ok ? shared.items[0]?.clubName : undefined;
  return (
    <aside class="panel" aria-label="Journal club" onKeyDown={onKeyDown}>
      <header class="panel__header">
        {entry ? (
          <a class="panel__club" href={entry.club.url} target="_blank" rel="noopener noreferrer">
            {localize(entry.club.name, language)}
          </a>
        ) : (
          <span class="panel__club">{sharedClub ?? 'Journal club'}</span>
        )}
        <PanelControls onCollapse={onCollapse} onClose={onClose} />
      </header>
      <PanelBody>
        {shared && <SharedWithYou shared={shared} entry={entry} language={language} onSave={actions.saveShared} />}
        {entry ? (
          <ClubEntry state={{ ...state, entry }} language={language} actions={actions} />
        ) : (
          <p class="panel__note">
            {state.article ? `This article (doi:${state.article.doi}) is not in your journal club’s catalog. ` : ''}
            This panel shows what was shared with you.
          </p>
        )}
      </PanelBody>
    </aside>
  );
}

function PanelBody({ children }: { children: ComponentChildren }) {
  return <div class="panel__body">{children}</div>;
}

function PanelControls({ onCollapse, onClose }: { onCollapse: () => void; onClose: () => void }) {
  return (
    <div class="panel__controls">
      <button type="button" class="icon-button" aria-expanded="true" onClick={onCollapse} title="Collapse">
        <span aria-hidden="true">›</span>
        <span class="visually-hidden">Collapse panel</span>
      </button>
      <button type="button" class="icon-button" onClick={onClose} title="Close for this page">
        <span aria-hidden="true">×</span>
        <span class="visually-hidden">Close panel for this page</span>
      </button>
    </div>
  );
}
