import type { TextPositionSelector, TextQuoteSelector } from '../../anchoring/types';
import { doiUrl } from '../../exchange/common';
import type { ClubDraft, ClubMember } from '../backend';
import { questionIri } from './question-iri';

/**
 * A club annotation as the W3C Web Annotation model writes it (https://www.w3.org/TR/annotation-model/), the same
 * shape as our JSON-LD export so that any tool reading the standard reads a club's pod:
 * - `id` is the member document's address with a random fragment: a dereferenceable IRI that says whose
 *   document holds it, and what a reply's `target` names;
 * - the note is a TextualBody with `purpose: commenting` (plain text);
 * - the question is a TextualBody with `purpose: tagging` holding its words (so other tools show a tag) and
 *   no `id`, plus a SpecificResource with `purpose: classifying` whose `source` is the question's IRI, from
 *   which we read the question back. (A tagging body with an `id` reads as an External Web Resource, which
 *   may not carry a purpose: the W3C test suite's `3.3.5-bodyEWRNoPurpose`.)
 * - a highlight targets the page with the quote and position selectors, and the article as `scope`
 *   (`https://doi.org/<doi>`); a reply is `motivation: replying` and targets the annotation it answers.
 */
export interface ClubWebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting' | 'replying';
  created: string;
  modified: string;
  creator: { id: string; type: 'Person'; name: string };
  body?: ClubBody[];
  target:
    | string
    | {
        type: 'SpecificResource';
        source: string;
        scope: string;
        selector: [TextQuoteSelector, TextPositionSelector];
      };
}

export type ClubBody =
  | { type: 'TextualBody'; purpose: 'commenting' | 'tagging'; value: string; format: 'text/plain' }
  | { type: 'SpecificResource'; purpose: 'classifying'; source: string };

export function draftToAnnotation(
  draft: ClubDraft,
  id: string,
  author: ClubMember,
  times: { created: string; modified: string },
): ClubWebAnnotation {
  const annotation: ClubWebAnnotation = {
    id,
    type: 'Annotation',
    motivation: motivationOf(draft),
    created: times.created,
    modified: times.modified,
    creator: { id: author.id, type: 'Person', name: author.name },
    target: targetOf(draft),
  };
  const body = bodiesOf(draft);
  if (body.length > 0) annotation.body = body;
  return annotation;
}

function motivationOf(draft: ClubDraft): ClubWebAnnotation['motivation'] {
  if (draft.replyTo !== undefined) return 'replying';
  return draft.note === '' ? 'highlighting' : 'commenting';
}

/** The note and the question: what an update replaces, keeping the target and the creation time. */
export function bodiesOf(draft: ClubDraft): ClubBody[] {
  const body: ClubBody[] = [];
  if (draft.note !== '')
    body.push({ type: 'TextualBody', purpose: 'commenting', value: draft.note, format: 'text/plain' });
  if (draft.question !== null) {
    body.push({ type: 'TextualBody', purpose: 'tagging', value: draft.question.text, format: 'text/plain' });
    body.push({
      type: 'SpecificResource',
      purpose: 'classifying',
      source: questionIri(draft.article.entryId, draft.question.id),
    });
  }
  return body;
}

function targetOf(draft: ClubDraft): ClubWebAnnotation['target'] {
  if (draft.replyTo !== undefined) return draft.replyTo;
  const selectors = draft.selectors;
  if (selectors === undefined) throw new Error('A highlight draft carries its selectors');
  const [quote, position] = selectors;
  return {
    type: 'SpecificResource',
    source: draft.article.pageUrl,
    scope: doiUrl(draft.article.doi),
    selector: [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: 'TextPositionSelector', start: position.start, end: position.end },
    ],
  };
}
