import { useState } from 'preact/hooks';
import { i18n } from '#i18n';

export interface ShowOnPageProps {
  /** Resolves null once the page may draw the highlights, or an error message. */
  onShow(): Promise<string | null>;
}

/**
 * Offered where the page does not draw the reader's highlights by itself (a copy of the article on a site where
 * they never read it): a page can read back what is drawn on it, so drawing there waits for this click, made in
 * the panel's own frame, which the page can neither see nor script.
 */
export function ShowOnPage({ onShow }: ShowOnPageProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = async () => {
    if (pending) return;
    setPending(true);
    const failure = await onShow().catch(() => i18n.t('highlights.changeFailed'));
    setPending(false);
    setError(failure);
  };
  return (
    <div class="hl-show-here">
      <p class="hl-hint">{i18n.t('highlights.notPainted')}</p>
      <button type="button" class="button" aria-disabled={pending || undefined} onClick={() => void show()}>
        {i18n.t('highlights.showOnPage')}
      </button>
      {error && (
        <p class="hl-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
