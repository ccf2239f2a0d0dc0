import { useRef } from 'preact/hooks';
import { i18n } from '#i18n';

export interface ViewerToolbarProps {
  /** The file's name or address, once one is shown. */
  fileName: string | null;
  page: number;
  pageCount: number;
  onOpenFile(file: File): void;
  onZoom(direction: 'in' | 'out'): void;
  onPage(page: number): void;
}

/**
 * The viewer's own controls above the pages: open a file (the picker works in every browser, also where the
 * extension may not read `file://` addresses), the page number, and zoom. Everything is a native control, so
 * it is reachable and named for keyboard and screen-reader users without extra work.
 */
export function ViewerToolbar(props: ViewerToolbarProps) {
  const input = useRef<HTMLInputElement>(null);
  const { page, pageCount } = props;
  return (
    <header class="viewer-toolbar">
      <h1 class="viewer-title">{props.fileName ?? i18n.t('pdfViewer.title')}</h1>
      <button type="button" onClick={() => input.current?.click()}>
        {i18n.t('pdfViewer.openFile')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="pdf-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) props.onOpenFile(file);
          event.currentTarget.value = '';
        }}
      />
      {pageCount > 0 && (
        <nav class="viewer-controls" aria-label={i18n.t('pdfViewer.controls')}>
          <label>
            {i18n.t('pdfViewer.page')}{' '}
            <input
              type="number"
              min={1}
              max={pageCount}
              value={page}
              onChange={(event) => {
                const wanted = Number(event.currentTarget.value);
                if (Number.isInteger(wanted) && wanted >= 1 && wanted <= pageCount) props.onPage(wanted);
              }}
            />
          </label>
          <span>{i18n.t('pdfViewer.ofPages', [String(pageCount)])}</span>
          <button type="button" onClick={() => props.onZoom('out')} aria-label={i18n.t('pdfViewer.zoomOut')}>
            −
          </button>
          <button type="button" onClick={() => props.onZoom('in')} aria-label={i18n.t('pdfViewer.zoomIn')}>
            +
          </button>
        </nav>
      )}
    </header>
  );
}
