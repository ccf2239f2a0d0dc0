import { useState } from 'preact/hooks';
import { i18n } from '#i18n';

/**
 * "Read the PDF": the article's PDF (the catalog's, else the one the page names) in the extension's viewer, in a
 * new tab, with the same panel and highlights beside its pages. A link in look; a button, because the background
 * opens the viewer (the panel's own address is not one a tab can open).
 */
export function ReadPdf({ read }: { read: () => Promise<string | null> }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <p class="read-pdf">
      <button type="button" class="hl-link-button" onClick={() => void read().then(setProblem)}>
        {i18n.t('club.readPdf')}
      </button>
      {problem && (
        <span class="panel__error" role="alert">
          {' '}
          {problem}
        </span>
      )}
    </p>
  );
}
