import { i18n } from '#i18n';
import { type LocalizedText, localize } from '../../utils/catalog/localized';
import type { Reply } from '../../utils/protocol/reply';
import { OpenAction } from './OpenAction';

interface PdfStatusProps {
  /** The title of the catalog article whose PDF this is; null for any other PDF. */
  title: LocalizedText | null;
  language: string;
  /** Asks the background to show the tab's PDF in the extension's viewer. */
  onOpenPdf: () => Promise<Reply<'opened' | 'not-a-pdf'>>;
  onOpened: () => void;
}

/**
 * The popup on a tab that shows a PDF in the browser's own viewer, where the extension can do nothing: the way
 * into its viewer, which finds the PDF's DOI and brings the club's panel and the reader's highlights.
 */
export function PdfStatus({ title, language, onOpenPdf, onOpened }: PdfStatusProps) {
  return (
    <div class="status">
      <span class="status__badge status__badge--pdf" aria-hidden="true">
        PDF
      </span>
      <div class="status__text">
        <p class="status__title">
          {title ? i18n.t('popup.clubPdf', [localize(title, language)]) : i18n.t('popup.pdf')}
        </p>
        <OpenAction
          label={i18n.t('popup.openPdf')}
          busyLabel={i18n.t('popup.openingPdf')}
          hint={{ id: 'open-pdf-hint', text: i18n.t('popup.openPdfHint') }}
          act={onOpenPdf}
          done="opened"
          goneText={i18n.t('popup.pdfGone')}
          onOpened={onOpened}
        />
      </div>
    </div>
  );
}
