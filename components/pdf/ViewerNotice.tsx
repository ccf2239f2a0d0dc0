import { i18n } from '#i18n';

export type ViewerStatus =
  | { kind: 'empty' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'shown'; notice: 'scan' | 'no-doi' | null };

/**
 * What the viewer says in words: how to open a file before one is shown, that it is opening, why it could not
 * be opened (the open's own sentence), and, over a shown file, what the reader cannot do with it (a scan has no
 * text to highlight; a file whose DOI was not found gets no club panel). A live region, so it is read out.
 */
export function ViewerNotice({ status, dragging }: { status: ViewerStatus; dragging: boolean }) {
  const text = dragging
    ? i18n.t('pdfViewer.dropHere')
    : status.kind === 'empty'
      ? i18n.t('pdfViewer.empty')
      : status.kind === 'loading'
        ? i18n.t('pdfViewer.loading')
        : status.kind === 'failed'
          ? status.message
          : status.notice === 'scan'
            ? i18n.t('pdfViewer.scan')
            : status.notice === 'no-doi'
              ? i18n.t('pdfViewer.noDoi')
              : '';
  const role = status.kind === 'failed' ? 'alert' : 'status';
  return (
    <p class={`viewer-notice${text ? '' : ' viewer-notice-empty'}`} role={role} data-kind={status.kind}>
      {text}
    </p>
  );
}
