import type { ArticleInfo, OpenAccessEvidence } from '../utils/article';

const STATUS_LABEL = {
  open: 'Open access',
  closed: 'Not open access',
  unknown: 'Access not stated',
} as const;

/** Says what the status rests on, so a reader can judge it: the page's own licence, flag or structured data. */
function describeEvidence(evidence: OpenAccessEvidence): string {
  switch (evidence.kind) {
    case 'license-meta':
      return `licence in the page's metadata: ${evidence.value}`;
    case 'rel-license':
      return `licence linked by the page: ${evidence.value}`;
    case 'json-ld':
      return `publisher's structured data: isAccessibleForFree = ${evidence.value}`;
    case 'world-readable':
      return `publisher marks the full text world-readable (${evidence.value})`;
  }
}

/** The article's open-access status on this page, with its evidence. */
export function OpenAccessStatus({ article, openCopy }: { article: ArticleInfo; openCopy: string | undefined }) {
  return (
    <p class={`access access--${article.openAccess}`}>
      <strong>{STATUS_LABEL[article.openAccess]}</strong>
      {article.openAccessEvidence
        ? ` — ${describeEvidence(article.openAccessEvidence)}`
        : ' — no evidence on this page'}
      {article.openAccess !== 'open' && openCopy ? (
        <>
          {' · '}
          <a href={openCopy} target="_blank" rel="noopener noreferrer">
            Read the open-access copy
          </a>
        </>
      ) : null}
    </p>
  );
}
