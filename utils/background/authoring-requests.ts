import * as v from 'valibot';
import { doiKey } from '../article/doi';
import { type AuthoringForm, entryToForm } from '../authoring/form';
import { AuthoringFormSchema } from '../authoring/form-schema';
import { prefillForm } from '../authoring/prefill';
import type { AuthoringStart, MyClubEntry } from '../authoring/views';
import type { Reply } from '../protocol/reply';
import type { BackgroundRequest } from '../protocol/requests';
import type { BackgroundResponses } from '../protocol/responses';
import { deleteMyClubEntry, myClubList, restoreMyClubEntry, saveMyClubEntry } from './my-club-requests';
import { fromStorage, ok } from './reply';
import type { BackgroundServices } from './services';

const AUTHORING_REQUESTS = [
  'author-open',
  'author-start',
  'author-draft',
  'my-club',
  'my-club-save',
  'my-club-delete',
  'my-club-restore',
] as const;

/** The authoring page's, the options page's "My club" and the popup's "Start a club discussion" requests. */
export type AuthoringRequest = Extract<BackgroundRequest, { type: (typeof AUTHORING_REQUESTS)[number] }>;

export const isAuthoringRequest = (request: BackgroundRequest): request is AuthoringRequest =>
  (AUTHORING_REQUESTS as readonly string[]).includes(request.type);

/** The authoring page's address for a tab's article, or for a saved entry. */
export const authoringPath = (target: { tabId: number } | { entryId: string }) =>
  'tabId' in target ? `/author.html?tab=${target.tabId}` : `/author.html?entry=${encodeURIComponent(target.entryId)}`;

export async function handleAuthoring(
  request: AuthoringRequest,
  services: BackgroundServices,
): Promise<Reply<BackgroundResponses[AuthoringRequest['type']]>> {
  switch (request.type) {
    case 'author-open':
      await openAuthoring(request.tabId, services);
      return ok('opened');
    case 'author-start':
      return startAuthoring(request.tabId, request.entryId, request.fresh === true, services);
    case 'author-draft': {
      const savedAt = services.now().toISOString();
      const kept = await services.myClub.store.saveDraft({ key: request.key, form: request.form, savedAt });
      return kept.ok ? ok({ savedAt }) : fromStorage(kept);
    }
    case 'my-club':
      return myClubList(services);
    case 'my-club-save': {
      const saved = await saveMyClubEntry(request.entry, request.replaces, services);
      if (!saved.ok) return saved;
      // The draft has become the entry; a failure to drop it only leaves a draft behind.
      if (request.draftKey !== null) await services.myClub.store.dropDraft(request.draftKey);
      return ok({ id: saved.value.id });
    }
    case 'my-club-delete':
      return deleteMyClubEntry(request.id, services);
    case 'my-club-restore':
      return restoreMyClubEntry(request.entry, services);
  }
}

/**
 * "Start a club discussion" (the popup's button, the toolbar button's menu): the authoring page in a new tab,
 * told the source tab. An article the organiser already wrote an entry for opens that entry instead, so that a
 * second entry for one article is never started by accident.
 */
export async function openAuthoring(tabId: number, services: BackgroundServices): Promise<void> {
  const mine = await ownEntryFor(tabId, services);
  await services.openExtensionPage(authoringPath(mine ? { entryId: mine.id } : { tabId }));
}

async function ownEntryFor(tabId: number, services: BackgroundServices): Promise<MyClubEntry | null> {
  const [article, list] = await Promise.all([services.queryArticle(tabId).catch(() => null), myClubList(services)]);
  if (!article || !list.ok) return null;
  const key = doiKey(article.doi);
  return list.value.entries.find((mine) => mine.entry.dois.some((doi) => doiKey(doi) === key)) ?? null;
}

/** A stored draft, if it still reads as a form; one that does not is ignored and overwritten by the next. */
async function storedDraft(
  key: string,
  services: BackgroundServices,
): Promise<{ form: AuthoringForm; savedAt: string } | null> {
  const stored = await services.myClub.store.draft(key);
  if (!stored.ok || stored.value === null) return null;
  const parsed = v.safeParse(AuthoringFormSchema, stored.value.form);
  return parsed.success ? { form: parsed.output, savedAt: stored.value.savedAt } : null;
}

/**
 * The form the authoring page opens with: a draft kept for the same article or entry wins (nothing typed is
 * lost on a closed tab or a crash) unless `fresh`, then the saved entry, then the source page's metadata. The club's name and
 * address come from the organiser's last entry, since a page knows nothing of the club.
 */
async function startAuthoring(
  tabId: number | null,
  entryId: string | null,
  fresh: boolean,
  services: BackgroundServices,
): Promise<Reply<AuthoringStart>> {
  const draftOf = (key: string) => (fresh ? null : storedDraft(key, services));
  const list = await myClubList(services);
  if (!list.ok) return list;
  const [last] = list.value.entries;
  const club = last ? { ...pickClub(entryToForm(last.entry)) } : null;
  if (entryId !== null) {
    const mine = list.value.entries.find((found) => found.id === entryId);
    const draftKey = `entry:${entryId}`;
    const draft = await draftOf(draftKey);
    const form = draft?.form ?? (mine ? entryToForm(mine.entry) : prefillForm(null, null, club));
    const notice = mine ? null : 'entry-gone';
    return ok({ form, draftKey, resumedFrom: draft?.savedAt ?? null, editing: mine ? entryId : null, notice });
  }
  const article = tabId === null ? null : await services.queryArticle(tabId).catch(() => null);
  const address = tabId === null ? null : await services.tabAddress(tabId).catch(() => null);
  const draftKey = article ? `doi:${doiKey(article.doi)}` : 'blank';
  const draft = await draftOf(draftKey);
  const notice = address === null ? 'tab-gone' : article ? null : 'no-article';
  if (draft) return ok({ form: draft.form, draftKey, resumedFrom: draft.savedAt, editing: null, notice });
  const metadata = tabId !== null && address !== null ? await services.pageMetadata(tabId) : null;
  return ok({ form: prefillForm(metadata, article, club), draftKey, resumedFrom: null, editing: null, notice });
}

const pickClub = ({ clubNameEn, clubNameFr, clubUrl }: AuthoringForm) => ({ clubNameEn, clubNameFr, clubUrl });
