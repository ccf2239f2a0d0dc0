import type { Reply } from '../protocol/reply';
import type { BackgroundRequest } from '../protocol/requests';
import type { BackgroundResponses } from '../protocol/responses';
import {
  entryState,
  publishEntry,
  refreshClubCatalog,
  setOrganisers,
  suggestionsView,
  withdrawEntry,
} from './club-catalog';
import type { ClubService } from './club-service';
import { ok } from './reply';

type CatalogRequest = Extract<
  BackgroundRequest,
  {
    type:
      | 'club-catalog-state'
      | 'club-catalog-publish'
      | 'club-catalog-withdraw'
      | 'club-suggestions'
      | 'club-organisers';
  }
>;
const CATALOG_REQUESTS: readonly string[] = [
  'club-catalog-state',
  'club-catalog-publish',
  'club-catalog-withdraw',
  'club-suggestions',
  'club-organisers',
];
export const isClubCatalogRequest = (request: BackgroundRequest): request is CatalogRequest =>
  CATALOG_REQUESTS.includes(request.type);

/** The options page's requests about the club's catalog (`PublishToClub`, `ClubSuggestions`). */
export async function handleClubCatalog(
  request: CatalogRequest,
  core: ClubService,
): Promise<Reply<BackgroundResponses[CatalogRequest['type']]>> {
  switch (request.type) {
    case 'club-catalog-state':
      return ok(await entryState(core, request.entryId));
    case 'club-catalog-publish':
      return publishEntry(core, request.entry);
    case 'club-catalog-withdraw':
      return withdrawEntry(core, request.entryId);
    case 'club-suggestions':
      if (request.refresh) {
        const read = await refreshClubCatalog(core);
        if (!read.ok && (await core.active())) return read;
      }
      return ok(await suggestionsView(core));
    case 'club-organisers':
      return ok(await setOrganisers(core, request.organisers));
  }
}
