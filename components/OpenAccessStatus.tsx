import { i18n } from '#i18n';
import type { ArticleInfo, OpenAccessEvidence } from '../utils/article/detect';

const STATUS_LABEL: Record<ArticleInfo['openAccess'], () => string> = {
  open: () => i18n.t('access.open'),
  closed: () => i18n.t('access.closed'),
  unknown: () => i18n.t('access.unknown'),
};

/** Says what the status rests on, so a reader can judge it: the page's own licence, flag or structured data. */
function describeEvidence(evidence: OpenAccessEvidence): string {
  switch (evidence.kind) {
    case 'license-meta':
      return i18n.t('access.licenseMeta', [evidence.value]);
    case 'rel-license':
      return i18n.t('access.relLicense', [evidence.value]);
    case 'json-ld':
      return i18n.t('access.jsonLd', [evidence.value]);
    case 'world-readable':
      return i18n.t('access.worldReadable', [evidence.value]);
  }
}

/** The article's open-access status on this page, with its evidence. */
export function OpenAccessStatus({ article, openCopy }: { article: ArticleInfo; openCopy: string | undefined }) {
  return (
    <p class={`access access--${article.openAccess}`}>
      <strong>{STATUS_LABEL[article.openAccess]()}</strong>
      {article.openAccessEvidence
        ? ` — ${describeEvidence(article.openAccessEvidence)}`
        : ` — ${i18n.t('access.noEvidence')}`}
      {article.openAccess !== 'open' && openCopy ? (
        <>
          {' · '}
          <a href={openCopy} target="_blank" rel="noopener noreferrer">
            {i18n.t('access.openCopy')}
          </a>
        </>
      ) : null}
    </p>
  );
}
