/**
 * arXiv's margin stamp on the first page of every preprint it serves (`arXiv:2301.12345v2 [cs.CL] 5 Jan 2023`),
 * and the DOI DataCite registered for it (`10.48550/arXiv.2301.12345`, without the version: the DOI names the
 * preprint, every version of it). The subject class in brackets tells the stamp from a cited preprint.
 */
const STAMP =
  /arXiv:((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:v\d{1,3})?\s*\[[a-z-]+(?:\.[A-Za-z-]+)?\]/g;

/** The preprint's DOI when the text carries exactly one arXiv stamp identifier, else null. */
export function arxivDoi(text: string): string | null {
  const ids = new Set<string>();
  for (const match of text.matchAll(STAMP)) {
    ids.add(match[1] as string);
    if (ids.size > 1) return null;
  }
  const [id] = ids;
  return id === undefined ? null : `10.48550/arXiv.${id}`;
}
