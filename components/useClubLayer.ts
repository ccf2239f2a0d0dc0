import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Visibility } from '../utils/club/connection';
import type { ClubLayerView, ClubShareView, VisibilityAnswer } from '../utils/club/views';
import type { Reply } from '../utils/protocol/reply';
import type { BackgroundClient } from '../utils/protocol/responses';

/** While the panel is open and shown, the club's layer is asked for this often (the background may answer from cache). */
export const CLUB_REFRESH_MS = 3 * 60_000;

/** The panel's club requests, as functions: the panel passes the real ones, tests their own. */
export interface ClubLayerClient {
  layer(opened: boolean): Promise<Reply<ClubLayerView>>;
  reply(replyTo: string, note: string): Promise<Reply<ClubLayerView>>;
  edit(remoteId: string, note: string): Promise<Reply<ClubLayerView>>;
  remove(remoteId: string): Promise<Reply<ClubLayerView>>;
  visibility(id: string, visibility: Visibility): Promise<Reply<VisibilityAnswer>>;
  reveal(remoteId: string): Promise<Reply<null>>;
  /** "Show the club's highlights": read it (no argument) or switch it, for every article. */
  highlightsShown(show?: boolean): Promise<Reply<boolean>>;
}

export function clubLayerClient(send: BackgroundClient): ClubLayerClient {
  return {
    layer: (opened) => send({ type: 'club-layer', opened }),
    reply: (replyTo, note) => send({ type: 'club-reply', replyTo, note }),
    edit: (remoteId, note) => send({ type: 'club-edit', remoteId, note }),
    remove: (remoteId) => send({ type: 'club-delete', remoteId }),
    visibility: (id, visibility) => send({ type: 'highlight-visibility', id, visibility }),
    reveal: (remoteId) => send({ type: 'club-highlight-reveal', remoteId }),
    highlightsShown: (show) => send({ type: 'club-highlights-setting', ...(show !== undefined && { show }) }),
  };
}

export interface ClubLayerState {
  view: ClubLayerView | null;
  /** Why the panel could not get the layer at all (the background did not answer); the last view stays. */
  error: string | null;
  refreshing: boolean;
  refresh(): Promise<void>;
  /** These resolve null when done, or the reason in words; the view then shows the service's answer. */
  reply(replyTo: string, note: string): Promise<string | null>;
  edit(remoteId: string, note: string): Promise<string | null>;
  remove(remoteId: string): Promise<string | null>;
  setVisibility(id: string, visibility: Visibility): Promise<string | null>;
  reveal(remoteId: string): void;
  /** Whether the club's highlights are painted in the article; null until the background has said. */
  highlightsShown: boolean | null;
  /** Switches painting the club's highlights (in every open article); resolves the reason in words on failure. */
  showHighlights(show: boolean): Promise<string | null>;
}

/**
 * The club's layer of the panel's article. Asked with `opened` as the panel opens (the background fetches it now
 * and marks it seen), then every {@link CLUB_REFRESH_MS} while the panel's document is visible, and when the
 * reader presses Refresh. Answers can cross (a slow timer fetch after a reply): only the latest request's view is
 * kept, so an older listing never hides the reader's own reply.
 */
export function useClubLayer(client: ClubLayerClient, changed = 0, doc: Document = document): ClubLayerState {
  const [view, setView] = useState<ClubLayerView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [highlightsShown, setHighlightsShown] = useState<boolean | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    void settle(() => client.highlightsShown()).then((reply) => reply.ok && setHighlightsShown(reply.value));
  }, [client]);

  const apply = useCallback((reply: Reply<ClubLayerView>, seq: number): string | null => {
    if (!reply.ok) return reply.error;
    if (seq === asked.current) setView(reply.value);
    return null;
  }, []);

  const fetchLayer = useCallback(
    async (opened: boolean) => {
      const seq = ++asked.current;
      setRefreshing(true);
      const failure = apply(await settle(() => client.layer(opened)), seq);
      if (seq === asked.current) {
        setRefreshing(false);
        setError(failure);
      }
    },
    [client, apply],
  );

  useEffect(() => {
    void fetchLayer(true);
    const timer = setInterval(() => {
      if (doc.visibilityState === 'visible') void fetchLayer(false);
    }, CLUB_REFRESH_MS);
    return () => clearInterval(timer);
  }, [fetchLayer, doc]);

  // The background said a card's club state changed (a share recorded, the outbox's answer): ask again.
  useEffect(() => {
    if (changed > 0) void fetchLayer(false);
  }, [changed, fetchLayer]);

  const change = async (request: () => Promise<Reply<ClubLayerView>>) => {
    const seq = ++asked.current;
    const failure = apply(await settle(request), seq);
    if (seq === asked.current) setRefreshing(false);
    return failure;
  };

  return {
    view,
    error,
    refreshing,
    refresh: () => fetchLayer(true),
    reply: (replyTo, note) => change(() => client.reply(replyTo, note)),
    edit: (remoteId, note) => change(() => client.edit(remoteId, note)),
    remove: (remoteId) => change(() => client.remove(remoteId)),
    setVisibility: async (id, visibility) => {
      const reply = await settle(() => client.visibility(id, visibility));
      if (!reply.ok) return reply.error;
      setView((current) => current && { ...current, shares: withShare(current.shares, id, reply.value.share) });
      return null;
    },
    reveal: (remoteId) => void settle(() => client.reveal(remoteId)),
    highlightsShown,
    showHighlights: async (show) => {
      setHighlightsShown(show);
      const reply = await settle(() => client.highlightsShown(show));
      setHighlightsShown(reply.ok ? reply.value : !show);
      return reply.ok ? null : reply.error;
    },
  };
}

function withShare(shares: Record<string, ClubShareView>, id: string, share: ClubShareView | null) {
  const { [id]: _old, ...others } = shares;
  return share ? { ...others, [id]: share } : others;
}

/** A rejected request (the panel's port was gone) is answered like a refusal, so the panel always says something. */
async function settle<T>(request: () => Promise<Reply<T>>): Promise<Reply<T>> {
  try {
    return await request();
  } catch {
    return { ok: false, error: i18n.t('clubPanel.unreachable') };
  }
}
