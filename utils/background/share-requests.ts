import { i18n } from '#i18n';
import type { ArticleInfo } from '../article/detect';
import { localize } from '../catalog/localized';
import type { HighlightStore } from '../db/highlight-store';
import type { Highlight } from '../highlights/highlight';
import type { Reply } from '../protocol/reply';
import type { BackgroundResponses, Settings, SharedView } from '../protocol/responses';
import { shareableAddress } from '../sharing/pdf-share';
import { decodeShareLink, encodeShareAll, encodeShareLink, type SharedHighlight } from '../sharing/share-link';
import { sharedHighlightId } from '../sharing/shared-id';
import { articleHighlight, type HighlightContext, listArticleHighlights } from './highlight-requests';
import { fromStorage } from './reply';

/** A highlight as its share link carries it: the question's text travels too, for recipients without the entry. */
export function toShared(highlight: Highlight, context: HighlightContext, language: string): SharedHighlight {
  const question = context.entry.questions.find((q) => q.id === highlight.questionId);
  return {
    doi: highlight.doi,
    questionId: highlight.questionId,
    questionText: question ? localize(question.text, language) : null,
    note: highlight.note,
    // The position already places the passage in a PDF; the link stays as short as on an HTML page.
    selectors: [highlight.target.selectors[0], highlight.target.selectors[1]],
    clubName: localize(context.entry.club.name, language),
    entryId: context.entry.id,
    title: localize(context.entry.title, language),
  };
}

/**
 * Where links point: the page the reader is on (without its fragment; in the PDF viewer, the PDF's own
 * address), or doi.org by default.
 */
function baseFor(settings: Settings, pageUrl: string | undefined): string | undefined {
  const address = shareableAddress(pageUrl);
  return settings.shareBase === 'page' && address ? address : undefined;
}

/** What making a link needs besides the highlight: the reader's language and settings, and the page's fragment. */
export interface LinkOptions {
  language: string;
  settings: Settings;
  fragmentFor(id: string): Promise<string | null>;
}

/** A share link for one of the reader's highlights, by id. */
export async function shareLink(
  id: string,
  context: HighlightContext,
  options: LinkOptions,
): Promise<Reply<BackgroundResponses['share-link']>> {
  const found = await articleHighlight(id, context);
  if (!found.ok) return found;
  return linkFor(found.value, context, options);
}

/** A share link for a highlight, pinned to its passage by a text fragment the page computed. */
export async function linkFor(
  highlight: Highlight,
  context: HighlightContext,
  options: LinkOptions,
): Promise<Reply<BackgroundResponses['share-link']>> {
  const fragment = await options.fragmentFor(highlight.id);
  try {
    const link = await encodeShareLink(toShared(highlight, context, options.language), {
      base: baseFor(options.settings, context.record.pageUrl),
      fragment,
    });
    return { ok: true, value: { url: link.url, shortened: link.shortened, withFragment: fragment !== null } };
  } catch (error) {
    return { ok: false, error: i18n.t('errors.shareLinkFailed', [String(error)]) };
  }
}

/** One link for every highlight of the article, or how far over the bound it would be. */
export async function shareAll(
  context: HighlightContext,
  options: Omit<LinkOptions, 'fragmentFor'>,
): Promise<Reply<BackgroundResponses['share-all']>> {
  const listed = await listArticleHighlights(context);
  if (!listed.ok) return fromStorage(listed);
  if (listed.value.highlights.length === 0) return { ok: false, error: i18n.t('errors.noHighlights') };
  const items = listed.value.highlights.map((highlight) => toShared(highlight, context, options.language));
  try {
    return {
      ok: true,
      value: await encodeShareAll(items, { base: baseFor(options.settings, context.record.pageUrl) }),
    };
  } catch (error) {
    return { ok: false, error: i18n.t('errors.shareAllFailed', [String(error)]) };
  }
}

/**
 * Reads the `#jc=…` part a page was opened with. A link that cannot be read becomes a message for the panel,
 * never an error on the page; `saved` says which shared highlights the reader already has.
 */
export async function readShare(hash: string, store: HighlightStore): Promise<SharedView | null> {
  const decoded = await decodeShareLink(`https://share.invalid/${hash}`);
  if (decoded === null) return null;
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const saved = await Promise.all(
    decoded.shared.map(async (item) => (await store.get(await sharedHighlightId(item))).ok),
  );
  return { ok: true, items: decoded.shared, saved };
}

/** The article a share link is about when the page itself names none: built from the link. */
export function articleFromShare(view: SharedView | null, pageUrl: string): ArticleInfo | null {
  const first = view?.ok ? view.items[0] : undefined;
  if (!first) return null;
  return {
    doi: first.doi,
    title: first.title ?? null,
    openAccess: 'unknown',
    openAccessEvidence: null,
    pdfUrl: null,
    canonicalUrl: pageUrl,
    doiSource: 'share-link',
  };
}

/** Saves a shared highlight as the reader's own, once: the id comes from its content. */
export async function saveShared(
  item: SharedHighlight,
  options: { store: HighlightStore; entryId: string | null; questionId: string | null; source: string; now: Date },
): Promise<Reply<BackgroundResponses['shared-save']>> {
  // The id comes from the link's content as it was, so saving it twice finds the first copy.
  const id = await sharedHighlightId(item);
  const existing = await options.store.get(id);
  if (existing.ok) return { ok: true, value: { status: 'already-saved', highlight: existing.value } };
  const now = options.now.toISOString();
  const saved = await options.store.save({
    id,
    doi: item.doi,
    entryId: options.entryId,
    questionId: options.questionId,
    note: item.note,
    target: { source: options.source, selectors: item.selectors },
    createdAt: now,
    updatedAt: now,
    sharedFrom: item.clubName,
  });
  return saved.ok ? { ok: true, value: { status: 'saved', highlight: saved.value } } : fromStorage(saved);
}
