import { useId, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { GUARDED } from '../utils/panel/click-guard';

/** A share link as the background made it; `shortened` when the note had to be cut to keep the link usable. */
export type ShareResult =
  | { ok: true; url: string; shortened: boolean; withFragment: boolean }
  | { ok: false; error: string };

interface ShareLinkBoxProps {
  /** Names the highlight for screen readers, e.g. its opening words. */
  context: string;
  makeLink(): Promise<ShareResult>;
  copy(text: string): Promise<boolean>;
}

/**
 * "Copy share link": copies the link and also shows it in a read-only box, so it can be selected by hand where
 * the clipboard is not available, with a note of what the recipient will see.
 */
export function ShareLinkBox({ context, makeLink, copy }: ShareLinkBoxProps) {
  const [result, setResult] = useState<ShareResult | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const id = useId();

  const share = async () => {
    setPending(true);
    const made = await makeLink();
    setPending(false);
    setResult(made);
    if (!made.ok) return;
    setCopied(await copy(made.url));
    requestAnimationFrame(() => field.current?.select());
  };

  return (
    <div class="share">
      <button
        type="button"
        class="button"
        {...GUARDED}
        onClick={share}
        aria-disabled={pending || undefined}
        aria-describedby={result ? `${id}-note` : undefined}
        title={i18n.t('sharing.copyLinkTitle', [context])}
      >
        {i18n.t('sharing.copyLink')}
      </button>
      {result?.ok && (
        <div class="share__result">
          <label for={`${id}-url`} class="share__label">
            {i18n.t('sharing.link')}
          </label>
          <input ref={field} id={`${id}-url`} class="share__url" type="text" readOnly value={result.url} />
          <p id={`${id}-note`} class="share__note" role="status">
            {[
              copied ? i18n.t('sharing.copied') : i18n.t('sharing.selectToCopy'),
              i18n.t('sharing.whatOpens'),
              result.shortened && i18n.t('sharing.noteShortened'),
              !result.withFragment && i18n.t('sharing.noFragment'),
            ]
              .filter(Boolean)
              .join(' ')}
          </p>
        </div>
      )}
      {result && !result.ok && (
        <p class="hl-error" role="alert">
          {result.error}
        </p>
      )}
    </div>
  );
}
