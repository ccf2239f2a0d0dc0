import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { inOrder } from '../utils/in-order';
import { copyText, downloadText } from '../utils/panel/clipboard';
import { PANEL_VISIBLE_MARK } from '../utils/performance-marks';
import type { Reply } from '../utils/protocol/reply';
import type { ExportFormat, ImportMode } from '../utils/protocol/requests';
import type { BackgroundClient, ExportedFile, PanelState, Settings } from '../utils/protocol/responses';
import type { PanelEvent, PanelLayout } from '../utils/protocol/tab-messages';
import type { ClubFocus } from './ClubContext';
import { CollapsedTab } from './CollapsedTab';
import { Panel } from './Panel';
import { type PanelEvents, useArticleHighlights } from './useArticleHighlights';
import { clubLayerClient } from './useClubLayer';

type Load = { status: 'loading' } | { status: 'ready'; state: PanelState } | { status: 'failed'; error: string };

interface PanelAppProps {
  language: string;
  send: BackgroundClient;
  events: PanelEvents;
}

/**
 * Shows what the background knows about this tab, sent as the panel's port opens, and keeps the panel in step
 * with it: the layout is changed here (the background resizes the frame and remembers the choice for the
 * article) or by the background when the reader acts on the page; the reader's highlights are reloaded whenever
 * they change.
 */
export function PanelApp({ language, send, events }: PanelAppProps) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  // Marks the first paint of the loaded panel, so `npm run bench` can time it from the article's DOMContentLoaded.
  const ready = load.status === 'ready';
  useEffect(() => {
    if (ready) requestAnimationFrame(() => performance.mark(PANEL_VISIBLE_MARK));
  }, [ready]);

  // Escape folds the panel to its tab but hands focus back to the page, so the tab must not take it.
  const [tabTakesFocus, setTabTakesFocus] = useState(true);
  const showLayout = useCallback((layout: PanelLayout) => {
    setLoad((current) => (current.status === 'ready' ? { ...current, state: { ...current.state, layout } } : current));
  }, []);
  const layoutRequests = useMemo(inOrder, []);
  const changeLayout = useCallback(
    (layout: PanelLayout) => {
      showLayout(layout);
      void layoutRequests(() => send({ type: 'panel-layout', layout }));
    },
    [send, showLayout, layoutRequests],
  );
  // A club highlight clicked on the page: the panel shows its thread (a new sequence number each time).
  const [clubFocus, setClubFocus] = useState<ClubFocus | null>(null);
  const [clubChanged, setClubChanged] = useState(0);
  const onPanelEvent = useCallback(
    (event: PanelEvent) => {
      if (event.type === 'layout') showLayout(event.layout);
      else if (event.type === 'state') setLoad(loaded(event.state));
      else if (event.type === 'focus-club-highlight') {
        setClubFocus((current) => ({ remoteId: event.remoteId, seq: (current?.seq ?? 0) + 1 }));
      } else if (event.type === 'club-changed') setClubChanged((count) => count + 1);
    },
    [showLayout],
  );
  const highlights = useArticleHighlights(send, events, onPanelEvent);
  const club = useMemo(() => clubLayerClient(send), [send]);
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void send({ type: 'settings' }).then((reply) => reply.ok && setSettings(reply.value));
  }, [send]);

  if (load.status === 'loading') return null;
  if (load.status === 'failed') {
    return (
      <aside class="panel" aria-label={i18n.t('panel.landmark')}>
        <p role="alert">{load.error}</p>
      </aside>
    );
  }
  const { state } = load;
  if (state.layout === 'collapsed') {
    return <CollapsedTab takeFocus={tabTakesFocus} onOpen={() => changeLayout('open')} />;
  }
  const actions = {
    clubFocus,
    clubChanged,
    highlights,
    club,
    copy: (text: string) => copyText(text),
    download: (file: ExportedFile) => downloadText(file),
    share: async (id: string) => {
      const reply = await send({ type: 'share-link', id });
      return reply.ok ? ({ ok: true, ...reply.value } as const) : reply;
    },
    tie: (questionId: string) => send({ type: 'tie-selection', questionId }),
    readPdf: async () => {
      const reply = await send({ type: 'pdf-read' });
      return reply.ok ? null : reply.error;
    },
    shareAll: () => send({ type: 'share-all' }),
    exportFile: (format: ExportFormat, options?: { includeClub: boolean }) =>
      send({ type: 'export', format, ...(options?.includeClub && { includeClub: true }) }),
    backup: () => send({ type: 'backup' }),
    importFile: (text: string, commit: boolean, mode: ImportMode) => send({ type: 'import', text, commit, mode }),
    settings,
    changeSettings: (next: Settings) => {
      setSettings(next);
      void send({ type: 'settings-update', shareBase: next.shareBase });
    },
    saveShared: async (index: number) => {
      const reply = await send({ type: 'shared-save', index });
      return reply.ok ? ({ ok: true, status: reply.value.status } as const) : reply;
    },
  };
  return (
    <Panel
      state={state}
      language={language}
      actions={actions}
      onCollapse={() => {
        setTabTakesFocus(true);
        changeLayout('collapsed');
      }}
      onLeave={() => {
        setTabTakesFocus(false);
        changeLayout('collapsed');
        void send({ type: 'page-focus' });
      }}
      onClose={() => changeLayout('closed')}
      sideBySide={
        settings && {
          on: settings.sideBySide,
          onToggle: (sideBySide: boolean) => {
            setSettings({ ...settings, sideBySide });
            void send({ type: 'reading-prefs-update', sideBySide });
          },
        }
      }
    />
  );
}

function loaded(reply: Reply<PanelState | null>): Load {
  if (!reply.ok) return { status: 'failed', error: reply.error };
  if (!reply.value) return { status: 'failed', error: i18n.t('panel.noLongerArticle') };
  return { status: 'ready', state: reply.value };
}
