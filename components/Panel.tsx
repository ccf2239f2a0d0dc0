import type { ComponentChildren, JSX } from 'preact';
import { i18n } from '#i18n';
import { localize } from '../utils/catalog/localized';
import type { PanelState } from '../utils/protocol/responses';
import { Announcer } from './Announcer';
import { ClickIgnoredNotice } from './ClickIgnoredNotice';
import { ClubEntry, type ClubEntryActions } from './ClubEntry';
import { SharedWithYou } from './SharedWithYou';
import { SideBySideToggle } from './SideBySideToggle';

interface PanelProps {
  state: PanelState;
  language: string;
  actions: ClubEntryActions & {
    saveShared(index: number): Promise<{ ok: true; status: 'saved' | 'already-saved' } | { ok: false; error: string }>;
  };
  onCollapse: () => void;
  /** Escape: the panel folds away and keyboard focus goes back to the page. */
  onLeave: () => void;
  onClose: () => void;
  /** The side-by-side switch, once the reader's settings are read. */
  sideBySide?: { on: boolean; onToggle(next: boolean): void } | null;
}

/**
 * The panel laid over the article: the club's reading of it (summary, commentary, questions, the reader's
 * highlights), and anything a share link brought. Opened from a share link for an article the reader's catalog
 * lacks, it is built from the link alone.
 */
export function Panel({ state, language, actions, onCollapse, onLeave, onClose, sideBySide }: PanelProps) {
  const { entry, shared } = state;
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented) onLeave();
  };
  const sharedClub = shared?.ok ? shared.items[0]?.clubName : undefined;
  return (
    <aside class="panel" aria-label={i18n.t('panel.landmark')} onKeyDown={onKeyDown}>
      <header class="panel__header">
        {entry ? (
          <a class="panel__club" href={entry.club.url} target="_blank" rel="noopener noreferrer">
            {localize(entry.club.name, language)}
          </a>
        ) : (
          <span class="panel__club">{sharedClub ?? i18n.t('panel.landmark')}</span>
        )}
        <PanelControls onCollapse={onCollapse} onClose={onClose}>
          {sideBySide && <SideBySideToggle on={sideBySide.on} onToggle={sideBySide.onToggle} />}
        </PanelControls>
      </header>
      <Announcer>
        <ClickIgnoredNotice />
        <PanelBody>
          {shared && <SharedWithYou shared={shared} entry={entry} language={language} onSave={actions.saveShared} />}
          {entry ? (
            <ClubEntry state={{ ...state, entry }} language={language} actions={actions} />
          ) : (
            <p class="panel__note">
              {state.article ? `${i18n.t('panel.notInCatalog', [state.article.doi])} ` : ''}
              {i18n.t('panel.sharedOnly')}
            </p>
          )}
        </PanelBody>
      </Announcer>
    </aside>
  );
}

function PanelBody({ children }: { children: ComponentChildren }) {
  return <div class="panel__body">{children}</div>;
}

function PanelControls({
  onCollapse,
  onClose,
  children,
}: {
  onCollapse: () => void;
  onClose: () => void;
  children?: ComponentChildren;
}) {
  return (
    <div class="panel__controls">
      {children}
      <button
        type="button"
        class="icon-button"
        aria-expanded="true"
        onClick={onCollapse}
        title={i18n.t('panel.collapse')}
      >
        <span aria-hidden="true">›</span>
        <span class="visually-hidden">{i18n.t('panel.collapseLabel')}</span>
      </button>
      <button type="button" class="icon-button" onClick={onClose} title={i18n.t('panel.close')}>
        <span aria-hidden="true">×</span>
        <span class="visually-hidden">{i18n.t('panel.closeLabel')}</span>
      </button>
    </div>
  );
}
