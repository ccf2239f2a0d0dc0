import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../utils/background-client';
import type { PanelLayout, PanelState } from '../utils/messages';
import { PANEL_VISIBLE_MARK } from '../utils/performance-marks';
import { CollapsedTab } from './CollapsedTab';
import { Panel } from './Panel';

type Load = { status: 'loading' } | { status: 'ready'; state: PanelState } | { status: 'failed'; error: string };

/**
 * Loads what the background knows about this tab and keeps the panel's layout in step with it: the layout is
 * changed here, and the background resizes the frame and remembers the choice for the article.
 */
export function PanelApp({ language }: { language: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    void sendToBackground({ type: 'panel-state' }).then((reply) => {
      if (!reply.ok) setLoad({ status: 'failed', error: reply.error });
      else if (!reply.value) setLoad({ status: 'failed', error: 'This page is no longer a journal club article.' });
      else setLoad({ status: 'ready', state: reply.value });
    });
  }, []);

  // Marks the first paint of the loaded panel, so `npm run bench` can time it from the article's DOMContentLoaded.
  const ready = load.status === 'ready';
  useEffect(() => {
    if (ready) requestAnimationFrame(() => performance.mark(PANEL_VISIBLE_MARK));
  }, [ready]);

  const changeLayout = useCallback((layout: PanelLayout) => {
    setLoad((current) => (current.status === 'ready' ? { ...current, state: { ...current.state, layout } } : current));
    void sendToBackground({ type: 'panel-layout', layout });
  }, []);

  if (load.status === 'loading') return null;
  if (load.status === 'failed') {
    return (
      <aside class="panel" aria-label="Journal club">
        <p role="alert">{load.error}</p>
      </aside>
    );
  }
  const { state } = load;
  if (state.layout === 'collapsed') return <CollapsedTab onOpen={() => changeLayout('open')} />;
  return (
    <Panel
      state={state}
      language={language}
      onCollapse={() => changeLayout('collapsed')}
      onClose={() => changeLayout('closed')}
    />
  );
}
