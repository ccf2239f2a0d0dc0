import { type ComponentChildren, createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { ClubNode } from '../utils/club/threads';
import type { ClubLayerView } from '../utils/club/views';
import { type ClubTime, makeClubTimeFormatter } from '../utils/club/when';
import { type ClubLayerClient, type ClubLayerState, useClubLayer } from './useClubLayer';

/** What the panel's club views share: the layer, its actions, and one time formatter in the reader's language. */
export interface ClubPanel extends ClubLayerState {
  formatTime(iso: string): ClubTime;
  /** A club annotation to bring into view and focus (a new `seq` asks again), or null. */
  focus: ClubFocus | null;
}

/** Which club annotation to show: the one the reader clicked on the page (the page's club painting says which). */
export interface ClubFocus {
  remoteId: string;
  seq: number;
}

const ClubContext = createContext<ClubPanel | null>(null);

/**
 * The club layer for everything under it. A context rather than props: the club's threads appear inside each
 * question's section and each of the reader's cards, which know nothing else of the club, and without a provider
 * (no club client, as in a panel built from a share link) they draw nothing.
 */
export function ClubProvider(props: {
  client: ClubLayerClient;
  locale?: string;
  timeZone?: string;
  now?: () => number;
  /** Set when the reader clicked a club highlight on the page: its card is shown (unfolding a long list) and focused. */
  focus?: ClubFocus | null;
  /** Bumped whenever the background says a card's club state changed. */
  changed?: number;
  children: ComponentChildren;
}) {
  const layer = useClubLayer(props.client, props.changed);
  const formatTime = useMemo(
    () => makeClubTimeFormatter(props.locale, props.timeZone, props.now),
    [props.locale, props.timeZone, props.now],
  );
  return (
    <ClubContext.Provider value={{ ...layer, formatTime, focus: props.focus ?? null }}>
      {props.children}
    </ClubContext.Provider>
  );
}

/** The club layer, or null outside a provider. */
export const useClub = (): ClubPanel | null => useContext(ClubContext);

/** The layer's view once it is there, for views that show nothing before it. */
export function useClubView(): (ClubPanel & { view: ClubLayerView }) | null {
  const club = useClub();
  return club?.view ? (club as ClubPanel & { view: ClubLayerView }) : null;
}

/**
 * Whether a thread holds the annotation asked for (itself or any reply), for the lists that must show it. A loop
 * over a stack: threads are at most MAX_REPLY_DEPTH deep, but a list of replies can be thousands long.
 */
export function threadHolds(node: ClubNode, remoteId: string): boolean {
  const stack = [node];
  while (stack.length > 0) {
    const next = stack.pop() as ClubNode;
    if (next.annotation.remoteId === remoteId) return true;
    stack.push(...next.replies);
  }
  return false;
}

/** The `wanted` and `wantedSeq` of a club list: the thread holding the annotation asked for. */
export function useWantedThread(): { wanted: ((node: ClubNode) => boolean) | null; wantedSeq: number | undefined } {
  const focus = useContext(ClubContext)?.focus ?? null;
  return {
    wanted: focus ? (node: ClubNode) => threadHolds(node, focus.remoteId) : null,
    wantedSeq: focus?.seq,
  };
}
