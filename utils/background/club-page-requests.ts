import type { BackgroundRequest } from '../protocol/requests';
import { tellClubPages } from './club-page-sync';
import type { HighlightContext } from './highlight-requests';
import { ok } from './reply';
import type { BackgroundServices, Handled } from './services';

type Request<K extends BackgroundRequest['type']> = Extract<BackgroundRequest, { type: K }>;

/**
 * "Show the club's highlights", read or switched from the panel or the options page. The setting is the
 * reader's, for every article; a switch repaints (or clears) the club's highlights in every open article at once.
 */
export async function clubHighlightsSetting(
  request: Request<'club-highlights-setting'>,
  services: BackgroundServices,
): Handled<'club-highlights-setting'> {
  const current = await services.settings.get();
  if (request.show === undefined || request.show === current.clubHighlights) return ok(current.clubHighlights);
  const saved = await services.settings.set({ ...current, clubHighlights: request.show });
  await tellClubPages(services, null);
  return ok(saved.clubHighlights);
}

/**
 * The reader clicked a club highlight in the article: the panel opens (unfolds) and is told which thread to show.
 * The remote id is the page's word, so the panel looks it up in its own club layer and ignores one it lacks.
 */
export async function activateClubHighlight(
  request: Request<'club-highlight-activated'>,
  context: HighlightContext,
): Handled<'club-highlight-activated'> {
  await context.showPanel();
  context.notifyPanel({ type: 'focus-club-highlight', remoteId: request.remoteId });
  return ok(null);
}
