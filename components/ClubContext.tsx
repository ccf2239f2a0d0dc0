import { type ComponentChildren, createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { ClubLayerView } from '../utils/club/views';
import { type ClubTime, makeClubTimeFormatter } from '../utils/club/when';
import { type ClubLayerClient, type ClubLayerState, useClubLayer } from './useClubLayer';

/** What the panel's club views share: the layer, its actions, and one time formatter in the reader's language. */
export interface ClubPanel extends ClubLayerState {
  formatTime(iso: string): ClubTime;
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
  children: ComponentChildren;
}) {
  const layer = useClubLayer(props.client);
  const formatTime = useMemo(
    () => makeClubTimeFormatter(props.locale, props.timeZone, props.now),
    [props.locale, props.timeZone, props.now],
  );
  return <ClubContext.Provider value={{ ...layer, formatTime }}>{props.children}</ClubContext.Provider>;
}

/** The club layer, or null outside a provider. */
export const useClub = (): ClubPanel | null => useContext(ClubContext);

/** The layer's view once it is there, for views that show nothing before it. */
export function useClubView(): (ClubPanel & { view: ClubLayerView }) | null {
  const club = useClub();
  return club?.view ? (club as ClubPanel & { view: ClubLayerView }) : null;
}
