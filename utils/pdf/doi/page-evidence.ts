import { normalizeDoi } from '../../article/doi';
import { arxivDoi } from './arxiv-stamp';
import { splitAtReferences } from './references';
import { type DoiMention, doiMentions } from './text-mentions';

/**
 * What one page of a PDF says about DOIs, worked out once when the page is read: the mentions before and after
 * a references heading, its doi.org links, an arXiv stamp, and whether it has any text at all.
 */
export interface PageEvidence {
  number: number;
  /** A page from the end of the file (back matter), read after the first pages. */
  trailing: boolean;
  hasText: boolean;
  /** Mentions before this page's references heading (all of them when it has none). */
  beforeReferences: DoiMention[];
  /** Mentions from its references heading on, or null when the page has no such heading. */
  fromReferences: DoiMention[] | null;
  /** DOIs of its link annotations to a DOI resolver. */
  linkDois: string[];
  arxivDoi: string | null;
}

export function pageEvidence(
  number: number,
  text: string,
  linkUrls: readonly string[],
  trailing = false,
): PageEvidence {
  const { before, after } = splitAtReferences(text);
  return {
    number,
    trailing,
    hasText: /\S/.test(text),
    beforeReferences: doiMentions(before),
    fromReferences: after === null ? null : doiMentions(after),
    linkDois: linkUrls.flatMap((url) => {
      const doi = isResolverLink(url) ? normalizeDoi(url) : null;
      return doi ? [doi] : [];
    }),
    arxivDoi: arxivDoi(text),
  };
}

/** Links to doi.org (any scheme, `dx.` or `www.`): a link elsewhere that carries a DOI is not a citation of it. */
const isResolverLink = (url: string) => /^(?:https?:)?\/\/(?:dx\.|www\.)?doi\.org\//i.test(url);
