import type { ClubDraft } from '../backend';
import type { HypothesisConfig } from './config';
import { composeText } from './note-text';
import { clubTags } from './tags';

/**
 * The body of `POST /api/annotations` (h's `annotation-create.yaml`) for a highlight or a reply.
 *
 * The document names the DOI three ways, as publishers' pages do: `highwire.doi` and `dc.identifier` are what h
 * turns into the `doi:` equivalence claim (h/util/document_claims.py), the `doi:` link is what the official client
 * sends. With them the publisher's page, the PMC copy and the PDF of one article share one set of annotations,
 * ours and those made in the official client alike.
 *
 * Read permission is the group's and nobody else's: h counts an annotation as shared exactly when
 * `permissions.read` is `["group:<pubid>"]` (h/schemas/annotation.py, `_shared`).
 */
export function createPayload(config: HypothesisConfig, draft: ClubDraft): Record<string, unknown> {
  const { article } = draft;
  const target: Record<string, unknown> = { source: article.pageUrl };
  if (draft.selectors) target.selector = [...draft.selectors];
  const body: Record<string, unknown> = {
    uri: article.pageUrl,
    document: {
      title: [article.title],
      highwire: { doi: [article.doi] },
      dc: { identifier: [`doi:${article.doi}`] },
      link: [{ href: `doi:${article.doi}` }],
    },
    text: composeText(draft.note, draft.question?.text ?? null),
    tags: clubTags(article.entryId, draft.question?.id ?? null),
    group: config.group,
    permissions: { read: [`group:${config.group}`] },
    target: [target],
  };
  // h files a reply in its parent's group whatever `group` says; the thread is `references`.
  if (draft.replyTo !== undefined) body.references = [draft.replyTo];
  return body;
}

/** `PATCH /api/annotations/{id}`: only what an edit changes, since PATCH keeps every field not sent. */
export function updatePayload(draft: ClubDraft): Record<string, unknown> {
  return {
    text: composeText(draft.note, draft.question?.text ?? null),
    tags: clubTags(draft.article.entryId, draft.question?.id ?? null),
  };
}
