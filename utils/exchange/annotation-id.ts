import * as v from 'valibot';
import { IRI_MAX_LENGTH } from './limits';
import { uuidV5 } from './uuid-v5';

/**
 * The highlight id for an annotation's IRI. Our own exports name a highlight `urn:uuid:<id>`, which gives the id
 * back as it is (a malformed UUID there stays malformed, for the highlight schema to name). Any other IRI, as other
 * tools write (`https://hypothes.is/a/…`, `http://example.org/anno1`), gives the version 5 UUID of the IRI
 * (`uuid-v5.ts`): the same annotation imported twice is the same highlight.
 */

/** A scheme, a colon and no spaces (RFC 3987); it is a name here, never fetched, so nothing more is required. */
const IriSchema = v.pipe(
  v.string(),
  v.maxLength(IRI_MAX_LENGTH),
  v.regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/u),
);

const URN_UUID = /^urn:uuid:(.*)$/is;

/**
 * The local id, or why there is none: the annotation gives several (the model allows exactly one), or its id is
 * not an IRI (missing, a blank node `_:b0`, a number, too long).
 */
export function localIdOf(id: unknown): { id: string } | { problem: 'several' | 'not-iri' } {
  if (Array.isArray(id) && id.length > 1) return { problem: 'several' };
  if (!v.is(IriSchema, id)) return { problem: 'not-iri' };
  return { id: URN_UUID.exec(id)?.[1] ?? uuidV5(id) };
}
