import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PdfSource } from '../../utils/pdf/open-pdf';
import { ViewerNotice, type ViewerStatus } from './ViewerNotice';
import { ViewerToolbar } from './ViewerToolbar';

/** A file shown: what the chrome around the pages can do with it. */
export interface ShownPdf {
  pageCount: number;
  notice: 'scan' | 'no-doi' | null;
  goTo(page: number): void;
  zoom(direction: 'in' | 'out'): void;
  /** Calls back with the page in view as the reader scrolls; returns the stop. */
  onPageChange(listener: (page: number) => void): () => void;
}

export interface PdfViewerAppProps {
  /** The file the viewer's address names (`?file=`), opened at once; null shows how to open one. */
  initial: PdfSource | null;
  /** Opens a file into the pages' container (the entrypoint does the browser's part), or says why it cannot. */
  open(
    source: PdfSource,
    container: HTMLDivElement,
  ): Promise<{ ok: true; shown: ShownPdf } | { ok: false; message: string }>;
}

const nameOf = (source: PdfSource) => (source.kind === 'bytes' ? source.name : source.url);

/**
 * The viewer page's chrome around PDF.js's pages: the toolbar, what the viewer has to say, and the drop target
 * for a file dragged from the desktop (read in the page, so it works where the extension may not read `file://`
 * addresses, and in Firefox). The pages themselves are PDF.js's, in the container this component holds.
 */
export function PdfViewerApp({ initial, open }: PdfViewerAppProps) {
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<ViewerStatus>(initial ? { kind: 'loading' } : { kind: 'empty' });
  const [name, setName] = useState<string | null>(null);
  const [shown, setShown] = useState<ShownPdf | null>(null);
  const [page, setPage] = useState(1);
  const [dragging, setDragging] = useState(false);

  const show = async (source: PdfSource) => {
    if (!container.current) return;
    setStatus({ kind: 'loading' });
    setShown(null);
    const result = await open(source, container.current);
    if (!result.ok) return setStatus({ kind: 'failed', message: result.message });
    setName(nameOf(source));
    setShown(result.shown);
    setPage(1);
    setStatus({ kind: 'shown', notice: result.shown.notice });
  };
  const showFile = async (file: File) => {
    if (!isPdfFile(file)) return setStatus({ kind: 'failed', message: i18n.t('pdfViewer.notDropped') });
    await show({ kind: 'bytes', data: new Uint8Array(await file.arrayBuffer()), name: file.name });
  };

  useEffect(() => {
    if (initial) void show(initial);
  }, []);
  useEffect(() => shown?.onPageChange(setPage), [shown]);
  // A file dragged from the desktop may be dropped anywhere on the page.
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void showFile(file);
    };
    const listeners = [
      ['dragover', over],
      ['dragleave', leave],
      ['drop', drop],
    ] as const;
    for (const [type, listener] of listeners) document.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener);
    };
  }, []);

  return (
    <div class={`viewer${dragging ? ' viewer-dragging' : ''}`}>
      <ViewerToolbar
        fileName={name}
        page={page}
        pageCount={shown?.pageCount ?? 0}
        onOpenFile={(file) => void showFile(file)}
        onZoom={(direction) => shown?.zoom(direction)}
        onPage={(wanted) => shown?.goTo(wanted)}
      />
      <ViewerNotice status={status} dragging={dragging} />
      <main class="viewer-main" aria-label={i18n.t('pdfViewer.pages')}>
        {/* PDF.js wants a div it can scroll, absolutely positioned; it fills it with the pages. Its text layers
            take keyboard focus, and browsers make a scrolling element focusable, so the keys scroll it. */}
        <div id="viewerContainer" ref={container} />
      </main>
    </div>
  );
}

/** Browsers give dropped files a type from their extension; some leave it empty. */
function isPdfFile(file: File): boolean {
  return file.type === 'application/pdf' || (file.type === '' && /\.pdf$/i.test(file.name));
}
