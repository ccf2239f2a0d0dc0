/**
 * Where a PDF's reference list begins. DOIs after that heading are other works' (a paper cites dozens, some from
 * its own journal), so the article's own DOI is looked for before it.
 */

/** A line that is only a references heading, possibly numbered (`7. References`) and in capitals. */
const HEADING =
  /^[ \t]*(?:\d{1,2}\.?\s+)?(?:references|reference list|bibliography|literature cited|works cited|cited literature|références(?: bibliographiques)?|bibliographie)[ \t]*:?[ \t]*$/im;

/** The text before the references heading, and whether one was met. */
export function splitAtReferences(text: string): { before: string; after: string | null } {
  const heading = HEADING.exec(text);
  if (heading === null) return { before: text, after: null };
  return { before: text.slice(0, heading.index), after: text.slice(heading.index) };
}
