/**
 * Where a club's catalog sits in the owner's pod, beside its annotations (`layout.ts`):
 *
 * ```
 * <club>/catalog/                           the organisers': they may write, every member reads
 * <club>/catalog/<entry-id>.json            one published entry
 * <club>/members/<member-slug>/catalog/<entry-id>.json   a member's suggestion, in their own container
 * ```
 *
 * Who may write `catalog/` is the club's ACL (`setup-club.ts`), so a document found there was published by an
 * organiser, whatever it says of itself; a suggestion can only be in its author's own container.
 */
const CATALOG_PATH = 'catalog/';
/** Entry ids are slugs (the catalog schema), so a document name is the id and nothing can climb out. */
const DOCUMENT = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/;

export function catalogContainer(club: string): string {
  return new URL(CATALOG_PATH, club).href;
}

/** A member's suggestions: a `catalog/` inside their own container. */
export function suggestionsContainer(memberContainer: string): string {
  return new URL(CATALOG_PATH, memberContainer).href;
}

export function entryDocument(container: string, entryId: string): string {
  return new URL(`${entryId}.json`, container).href;
}

/** The `ldp:contains` targets of `container` (an expanded JSON-LD listing) that are entry documents. */
export function containedEntryDocuments(json: unknown, container: string): string[] {
  const nodes = Array.isArray(json) ? json : [json];
  const found = new Set<string>();
  for (const node of nodes) {
    if (typeof node !== 'object' || node === null || (node as { '@id'?: unknown })['@id'] !== container) continue;
    const contains = (node as Record<string, unknown>)['http://www.w3.org/ns/ldp#contains'];
    if (!Array.isArray(contains)) continue;
    for (const link of contains) {
      const id = typeof link === 'object' && link !== null ? (link as { '@id'?: unknown })['@id'] : undefined;
      if (typeof id === 'string' && id.startsWith(container) && DOCUMENT.test(id.slice(container.length))) {
        found.add(id);
      }
    }
  }
  return [...found];
}
