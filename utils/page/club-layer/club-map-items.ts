import type { MapItem } from '../highlight-map/highlight-map';
import type { ClubPaintItem } from './club-painter';

/**
 * Club highlights on the highlight map share its id space with the reader's own, so theirs carry a prefix that no
 * local id (a UUID) has; the map's clicks and steps are sent back to the club's side by it.
 */
const CLUB_PREFIX = 'club:';

export function clubMapItems(items: readonly ClubPaintItem[]): MapItem[] {
  return items.map(({ remoteId, questionIndex, range }) => ({
    id: `${CLUB_PREFIX}${remoteId}`,
    questionIndex,
    range,
    club: true,
  }));
}

/** The remote id of a club highlight's map id, or null for one of the reader's own. */
export function fromClubMapId(id: string): string | null {
  return id.startsWith(CLUB_PREFIX) ? id.slice(CLUB_PREFIX.length) : null;
}
