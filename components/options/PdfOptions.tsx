import { useCallback } from 'preact/hooks';
import { i18n } from '#i18n';
import type { BackgroundClient } from '../../utils/protocol/responses';
import { SettingSwitch } from './SettingSwitch';

/**
 * PDF articles: whether the PDFs the club's catalog names open straight in the extension's viewer. Off by
 * default, because it changes what a link does; other PDFs always open as the browser opens them.
 */
export function PdfOptions({ send }: { send: BackgroundClient }) {
  const openClubPdfs = useCallback(
    (open?: boolean) => send({ type: 'pdf-redirect-setting', ...(open !== undefined && { open }) }),
    [send],
  );
  return (
    <section class="card" aria-labelledby="pdf-heading">
      <h2 id="pdf-heading">{i18n.t('pdfOptions.heading')}</h2>
      <p class="note">{i18n.t('pdfOptions.intro')}</p>
      <SettingSwitch
        id="open-club-pdfs"
        label={i18n.t('pdfOptions.openClubPdfs')}
        hint={i18n.t('pdfOptions.openClubPdfsHint')}
        setting={openClubPdfs}
      />
    </section>
  );
}
