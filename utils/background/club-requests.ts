import { i18n } from '#i18n';
import { doiKey } from '../article/doi';
import { newCount } from '../club/activity';
import type { ClubAnnotation } from '../club/backend';
import { clubArticleOf, editDraft, replyDraft } from '../club/draft';
import { ClubShareStorageError } from '../db/club-share-store';
import type { Highlight } from '../highlights/highlight';
import type { Reply } from '../protocol/reply';
import type { BackgroundRequest } from '../protocol/requests';
import type { BackgroundResponses } from '../protocol/responses';
import { clubGroups, clubStatus, connectClub, disconnectClub, retryClub, setDefaultVisibility } from './club-connect';
import { articleShares, layerView, pageView, shareView } from './club-layer-view';
import { failureText } from './club-messages';
import { articleHighlight, type HighlightContext, listArticleHighlights } from './highlight-requests';
import { paintsOn } from './page-trust';
import { fromStorage, ok, refused } from './reply';
import type { BackgroundServices } from './services';
import { storageErrorText } from './storage-messages';

type Club = BackgroundServices['club'];
type Request<K extends BackgroundRequest['type']> = Extract<BackgroundRequest, { type: K }>;
type Answer<K extends BackgroundRequest['type']> = Promise<Reply<BackgroundResponses[K]>>;

const OPTIONS_REQUESTS = [
  'club-status',
  'club-groups',
  'club-connect',
  'club-default-visibility',
  'club-retry',
  'club-disconnect',
] as const;
const ARTICLE_REQUESTS = [
  'highlight-visibility',
  'club-layer',
  'club-page-layer',
  'club-reply',
  'club-edit',
  'club-delete',
  'club-highlight-reveal',
] as const;

export type ClubOptionsRequest = Request<(typeof OPTIONS_REQUESTS)[number]>;
export type ClubArticleRequest = Request<(typeof ARTICLE_REQUESTS)[number]>;

export const isClubOptionsRequest = (request: BackgroundRequest): request is ClubOptionsRequest =>
  (OPTIONS_REQUESTS as readonly string[]).includes(request.type);
export const isClubArticleRequest = (request: BackgroundRequest): request is ClubArticleRequest =>
  (ARTICLE_REQUESTS as readonly string[]).includes(request.type);

/** A share record that could not be read or written answers as any storage failure does; nothing else escapes. */
async function guarded<T>(run: () => Promise<Reply<T>>): Promise<Reply<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ClubShareStorageError) return refused(storageErrorText(error.error));
    throw error;
  }
}

/** The options page's club requests. Every reply shows the connection redacted: the secret never leaves. */
export function handleClubOptions(
  request: ClubOptionsRequest,
  { core, layer }: Club,
): Answer<ClubOptionsRequest['type']> {
  return guarded<BackgroundResponses[ClubOptionsRequest['type']]>(async () => {
    switch (request.type) {
      case 'club-status':
        return ok(await clubStatus(core));
      case 'club-groups':
        return clubGroups(core, { service: request.service, token: request.token });
      case 'club-connect':
        return connectClub(core, layer, request.config, request.defaultVisibility);
      case 'club-default-visibility':
        return setDefaultVisibility(core, request.visibility);
      case 'club-retry':
        return retryClub(core);
      case 'club-disconnect':
        return disconnectClub(core, layer, request.deletePublished);
    }
  });
}

/** The panel's and the page's club requests, about the tab's article. */
export function handleClubArticle(
  request: ClubArticleRequest,
  context: HighlightContext,
  club: Club,
  pageUrl: string | null,
  /** "Show the club's highlights": when off, the page is given nothing to paint. */
  shownOnPage: () => Promise<boolean> = async () => true,
): Answer<ClubArticleRequest['type']> {
  return guarded<BackgroundResponses[ClubArticleRequest['type']]>(async () => {
    switch (request.type) {
      case 'highlight-visibility':
        return visibility(request, context, club);
      case 'club-layer':
        return layer(context, club, request.opened);
      case 'club-page-layer':
        return (await shownOnPage()) ? pageLayer(context, club, pageUrl) : ok([]);
      case 'club-reply':
      case 'club-edit':
      case 'club-delete':
        return ownAnnotation(request, context, club);
      case 'club-highlight-reveal':
        return revealOnPage(request.remoteId, context, club);
    }
  });
}

/** Runs the club's hook after a highlight request succeeded; the reader's request never fails because of it. */
export async function afterHighlight<T extends Highlight>(
  reply: Reply<T>,
  hook: (highlight: Highlight) => Promise<void>,
): Promise<Reply<T>> {
  if (reply.ok) await hook(reply.value).catch(() => undefined);
  return reply;
}

async function visibility(request: Request<'highlight-visibility'>, context: HighlightContext, { core }: Club) {
  const found = await articleHighlight(request.id, context);
  if (!found.ok) return found;
  const active = await core.active();
  if (!active && request.visibility === 'club') return refused(i18n.t('clubService.notConnected'));
  const share = await core.setVisibility(found.value, request.visibility);
  return ok({
    visibility: request.visibility,
    share: share && shareView(share, active?.connection ?? null),
  });
}

async function layer(context: HighlightContext, { core, layer }: Club, opened: boolean) {
  const active = await core.active();
  const article = clubArticleOf(context.entry, context.record.article.doi);
  const listing = active ? await layer.listing(article, opened) : null;
  const shares = await articleShares(core, article);
  const seen = await core.deps.storage.seen(doiKey(article.doi));
  const count = newCount(listing?.annotations ?? [], seen);
  if (opened && listing) await layer.markSeen(article, listing.annotations);
  return ok(
    layerView({
      connection: active?.connection ?? null,
      listing,
      shares,
      entry: context.entry,
      activity: { count, seenBefore: seen?.at ?? null },
    }),
  );
}

/** What the page paints of the club: only where it may paint the reader's own highlights (`paintsOn`). */
async function pageLayer(context: HighlightContext, { core, layer }: Club, pageUrl: string | null) {
  if (!(await core.active())) return ok([]);
  const local = await listArticleHighlights(context);
  if (!local.ok) return fromStorage(local);
  const confirmed = await context.confirmedOrigins.get(context.entry.id);
  if (!paintsOn(pageUrl ?? context.record.pageUrl, context.entry, local.value.highlights, confirmed)) return ok([]);
  const article = clubArticleOf(context.entry, context.record.article.doi);
  return ok(pageView(await layer.listing(article), await articleShares(core, article)));
}

/**
 * Asks the page to scroll to a club highlight it painted. Only a highlight of the cached listing is named to the
 * page (the page knows those ids from `club-page-layer`); a page that did not paint it ignores the message.
 */
async function revealOnPage(remoteId: string, context: HighlightContext, { layer }: Club) {
  const article = clubArticleOf(context.entry, context.record.article.doi);
  const listed = (await layer.cached(article))?.annotations ?? [];
  if (!listed.some((annotation) => annotation.remoteId === remoteId && annotation.selectors.length > 0)) {
    return refused(i18n.t('clubService.notListed'));
  }
  await context.sendToTab({ type: 'club-highlight-reveal', remoteId });
  return ok(null);
}

/**
 * A reply, or an edit or deletion of one of the reader's own club annotations, sent straight to the service
 * (not queued: the reader is looking at the thread and is told at once if it failed). Only annotations in the
 * cached listing are acted on, and edits and deletions only of the reader's own; the reader's shared highlights
 * are changed from their cards instead, through the outbox.
 */
async function ownAnnotation(
  request: Request<'club-reply' | 'club-edit' | 'club-delete'>,
  context: HighlightContext,
  club: Club,
) {
  const active = await club.core.active();
  if (!active) return refused(i18n.t('clubService.notConnected'));
  const { entry } = context;
  const { doi } = context.record.article;
  const article = clubArticleOf(entry, doi);
  const listed = (await club.layer.cached(article))?.annotations ?? [];
  const id = request.type === 'club-reply' ? request.replyTo : request.remoteId;
  const target = listed.find((annotation) => annotation.remoteId === id);
  if (!target) return refused(i18n.t('clubService.notListed'));
  const pageUrl = context.record.pageUrl ?? context.record.article.canonicalUrl;
  const now = context.now().toISOString();
  const { backend, connection } = active;
  const shares = await articleShares(club.core, article);
  if (request.type !== 'club-reply' && (!target.mine || shares.some((share) => share.remoteId === id))) {
    return refused(i18n.t(target.mine ? 'clubService.editFromCard' : 'clubService.notYours'));
  }
  let change: (annotations: ClubAnnotation[]) => ClubAnnotation[];
  if (request.type === 'club-reply') {
    const sent = await backend.publish(replyDraft(entry, doi, pageUrl, id, request.note));
    if (!sent.ok) return refused(failureText(sent, connection.config));
    const reply: ClubAnnotation = {
      remoteId: sent.value.remoteId,
      author: connection.member,
      mine: true,
      createdAt: now,
      updatedAt: now,
      questionId: target.questionId,
      note: request.note,
      selectors: [],
      replyTo: id,
    };
    change = (annotations) => [...annotations, reply];
  } else if (request.type === 'club-edit') {
    const sent = await backend.update(id, editDraft(target, entry, doi, pageUrl, request.note));
    if (!sent.ok) return refused(failureText(sent, connection.config));
    change = (annotations) =>
      annotations.map((annotation) =>
        annotation.remoteId === id ? { ...annotation, note: request.note, updatedAt: now } : annotation,
      );
  } else {
    const sent = await backend.remove(id, article);
    if (!sent.ok) return refused(failureText(sent, connection.config));
    change = (annotations) => annotations.filter((annotation) => annotation.remoteId !== id);
  }
  await club.layer.patch(article, change);
  return layer(context, club, false);
}
