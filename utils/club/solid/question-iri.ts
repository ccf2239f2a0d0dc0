import { ID_MAX_LENGTH } from '../../highlights/highlight';

/**
 * A club question's IRI in the pod: `urn:jc:entry:<entryId>#<questionId>`, both parts percent-encoded. The
 * export names a question `<postUrl>#<questionId>`, the club's post about the entry with the question as its
 * fragment; a draft names the catalog entry but not its post, so the entry's URN stands in for the post and the
 * question stays the fragment. The import reads a question from any classifying IRI's fragment when the entry
 * has that question, so a pod's annotations imported as a file keep their questions. Reading here accepts the
 * export's form too, so an annotation republished from an export still finds its question.
 */
const PREFIX = 'urn:jc:entry:';

export function questionIri(entryId: string, questionId: string): string {
  return `${PREFIX}${encodeURIComponent(entryId)}#${encodeURIComponent(questionId)}`;
}

/**
 * The question id an IRI names for this catalog entry, or null: a URN for another entry is another article's
 * question, and an id longer than any catalog's is refused as the highlight record refuses it.
 */
export function questionIdFromIri(iri: string, entryId: string): string | null {
  const hash = iri.indexOf('#');
  if (hash < 0) return null;
  const named = iri.slice(0, hash);
  if (named.startsWith(PREFIX) ? named !== `${PREFIX}${encodeURIComponent(entryId)}` : !/^https?:\/\//i.test(named)) {
    return null;
  }
  try {
    const id = decodeURIComponent(iri.slice(hash + 1));
    return id !== '' && id.length <= ID_MAX_LENGTH ? id : null;
  } catch {
    return null;
  }
}
