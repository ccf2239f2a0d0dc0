import { ID_MAX_LENGTH } from '../../highlights/highlight';

/**
 * A club question's IRI in the pod: `urn:jc:question:<entryId>/<questionId>`, both parts percent-encoded. A
 * draft names the catalog entry and the question but not the club's post, so the export's `<postUrl>#<id>`
 * form cannot be written here; a URN names the question without pretending to be an address. Reading accepts
 * both forms, so an annotation imported from our export and republished still finds its question.
 */
const PREFIX = 'urn:jc:question:';

export function questionIri(entryId: string, questionId: string): string {
  return `${PREFIX}${encodeURIComponent(entryId)}/${encodeURIComponent(questionId)}`;
}

/**
 * The question id an IRI names for this catalog entry, or null: a URN for another entry is another article's
 * question, and an id longer than any catalog's is refused like the highlight record refuses it.
 */
export function questionIdFromIri(iri: string, entryId: string): string | null {
  let encoded: string | undefined;
  if (iri.startsWith(PREFIX)) {
    const [entry, question, ...rest] = iri.slice(PREFIX.length).split('/');
    if (rest.length > 0 || entry !== encodeURIComponent(entryId)) return null;
    encoded = question;
  } else if (/^https?:\/\//i.test(iri)) {
    encoded = iri.split('#')[1];
  }
  if (encoded === undefined || encoded === '') return null;
  try {
    const id = decodeURIComponent(encoded);
    return id.length <= ID_MAX_LENGTH ? id : null;
  } catch {
    return null;
  }
}
