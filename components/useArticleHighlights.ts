import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Highlight } from '../utils/highlights/highlight';
import type { Reply } from '../utils/protocol/reply';
import type { ArticleHighlights, BackgroundClient } from '../utils/protocol/responses';
import type { PanelEvent } from '../utils/protocol/tab-messages';

/** A subscription to the background's pushes for this panel; returns the function that ends it. */
export type PanelEvents = (listener: (event: PanelEvent) => void) => () => void;

export interface HighlightFocus {
  id: string;
  edit: boolean;
  /** Changes on every request, so that asking twice for the same highlight still moves focus. */
  seq: number;
}

/**
 * The reader's highlights for the panel's article, kept fresh: they come with the port's first event (the
 * background sends them as the port opens, and again if it reopens), are reloaded when the background says they
 * changed (a highlight made on the page, an edit elsewhere), with the page's anchoring results and the
 * background's requests to focus a highlight. Events about the panel itself (its state, its layout) go to
 * `onPanelEvent`, from this one subscription.
 */
export function useArticleHighlights(
  send: BackgroundClient,
  events: PanelEvents,
  onPanelEvent: (event: PanelEvent) => void,
) {
  const [data, setData] = useState<ArticleHighlights | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [focus, setFocus] = useState<HighlightFocus | null>(null);

  const show = useCallback((reply: Reply<ArticleHighlights>) => {
    if (reply.ok) {
      setData(reply.value);
      setError(null);
    } else setError(reply.error);
  }, []);
  const reload = useCallback(async () => show(await send({ type: 'highlights' })), [send, show]);

  useEffect(() => {
    return events((event) => {
      if (event.type === 'state') {
        show(event.highlights);
        onPanelEvent(event);
      } else if (event.type === 'highlights-changed') void reload();
      else if (event.type === 'anchors') setData((current) => current && { ...current, anchors: event.anchors });
      else if (event.type === 'focus-highlight') {
        setFocus((current) => ({ id: event.id, edit: event.edit, seq: (current?.seq ?? 0) + 1 }));
      } else onPanelEvent(event);
    });
  }, [show, reload, events, onPanelEvent]);

  const actions = {
    reveal: (id: string) => void send({ type: 'highlight-reveal', id }),
    saveNote: async (id: string, note: string) => {
      const reply = await send({ type: 'highlight-update', id, note });
      return reply.ok ? null : reply.error;
    },
    retie: async (id: string, questionId: string | null) => {
      const reply = await send({ type: 'highlight-update', id, questionId });
      return reply.ok ? null : reply.error;
    },
    remove: async (id: string) => {
      const reply = await send({ type: 'highlight-delete', id });
      return reply.ok ? ({ ok: true, deleted: reply.value } as const) : ({ ok: false, error: reply.error } as const);
    },
    showOnPage: async () => {
      const reply = await send({ type: 'show-on-page' });
      return reply.ok ? null : reply.error;
    },
    restore: async (highlight: Highlight) => {
      const reply = await send({ type: 'highlight-restore', highlight });
      return reply.ok ? null : reply.error;
    },
  };
  return { data, error, focus, actions };
}
