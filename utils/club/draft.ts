import type { CatalogEntry } from '../catalog/schema';
import type { Highlight } from '../highlights/highlight';
import type { ClubAnnotation, ClubArticle, ClubDraft } from './backend';

/**
 * The article a club talks about under one DOI: the entry's first, so that a highlight made on the preprint and
 * one made on the publisher's page meet in the same club listing (the entry joins its DOIs; a service does not).
 */
export function clubArticleOf(entry: Pick<CatalogEntry, 'id' | 'dois'>, fallbackDoi: string): ClubArticle {
  return { doi: entry.dois[0] ?? fallbackDoi, entryId: entry.id };
}

/**
 * What is sent for one of the reader's highlights: its note, its question with the question's words (in the
 * entry's English, the club's default language, since members read it in other tools and other languages),
 * the page it was made on and its selectors unchanged.
 */
export function draftOf(highlight: Highlight, entry: CatalogEntry): ClubDraft {
  const question = entry.questions.find((q) => q.id === highlight.questionId);
  return {
    article: {
      ...clubArticleOf(entry, highlight.doi),
      title: english(entry.title),
      pageUrl: highlight.target.source,
    },
    localId: highlight.id,
    question: question ? { id: question.id, text: english(question.text) } : null,
    note: highlight.note,
    selectors: [highlight.target.selectors[0], highlight.target.selectors[1]],
  };
}

/** A reply to a club annotation: no selectors and no question of its own (it belongs to its thread's). */
export function replyDraft(
  entry: CatalogEntry,
  doi: string,
  pageUrl: string,
  replyTo: string,
  note: string,
): ClubDraft {
  return {
    article: { ...clubArticleOf(entry, doi), title: english(entry.title), pageUrl },
    question: null,
    note,
    replyTo,
  };
}

/**
 * The reader's edit of one of their own club annotations (a reply, or a highlight published from another
 * browser): the annotation as listed, with the new note.
 */
export function editDraft(annotation: ClubAnnotation, entry: CatalogEntry, doi: string, pageUrl: string, note: string) {
  const question = entry.questions.find((q) => q.id === annotation.questionId);
  const quote = annotation.selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = annotation.selectors.find((s) => s.type === 'TextPositionSelector');
  const draft: ClubDraft = {
    article: { ...clubArticleOf(entry, doi), title: english(entry.title), pageUrl },
    question: question ? { id: question.id, text: english(question.text) } : null,
    note,
  };
  if (quote?.type === 'TextQuoteSelector' && position?.type === 'TextPositionSelector') {
    draft.selectors = [quote, position];
  }
  if (annotation.replyTo !== null) draft.replyTo = annotation.replyTo;
  return draft;
}

function english(text: CatalogEntry['title']): string {
  return typeof text === 'string' ? text : text.en;
}
