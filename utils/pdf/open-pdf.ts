import { GlobalWorkerOptions, getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import { i18n } from '#i18n';
import type { CappedFetchOptions } from '../read-capped';
import { looksLikePdf } from './pdf-header';

/**
 * The one place a PDF is loaded (`getDocument`): the viewer and the DOI finder both open files through here, so
 * the safety settings below hold for every PDF the extension reads. A PDF is hostile input like any page.
 */

/**
 * A PDF at an address (a tab's PDF, a club entry's PDF link) or a file the reader picked or dropped. Bytes are
 * handed to PDF.js's worker, which takes them: the caller's array is detached afterwards (copy it to keep it).
 * `name` is the file's name, for the viewer to show.
 */
export type PdfSource = { kind: 'url'; url: string } | { kind: 'bytes'; data: Uint8Array; name: string };

/**
 * Where PDF.js finds its parts, as `runtime.getURL` gives them in the extension (each folder with its trailing
 * slash). `wasmUrl` is optional, yet without it JBIG2 and JPEG 2000 images (many scans) cannot be decoded: with
 * WebAssembly off, PDF.js imports the plain-JavaScript decoders (`*_nowasm_fallback.js`) from that folder.
 */
export interface PdfAssets {
  workerSrc: string;
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl?: string;
}

export type PdfOpenFailureReason = 'not-pdf' | 'malformed' | 'password' | 'too-large' | 'unreachable' | 'timeout';

/** The open document (the caller owns it: `pdf.loadingTask.destroy()` ends its worker), or why it could not be opened. */
export type PdfOpened =
  | { ok: true; pdf: PDFDocumentProxy }
  | { ok: false; reason: PdfOpenFailureReason; message: string };

/** `maxBytes` defaults to PDF_MAX_BYTES; `timeoutMs` (the whole open, download included) to PDF_OPEN_TIMEOUT_MS. */
export interface PdfOpenOptions extends CappedFetchOptions {
  /** Aborting it stops the download or the parsing, and `openPdf` rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Journal articles weigh 1–20 MB, theses and scanned books up to a few hundred; the cap keeps a hostile or
 * mistaken address from filling memory (the bytes are held whole, then handed to the worker).
 */
export const PDF_MAX_BYTES = 150 * 1024 * 1024;
/** A large article on a slow connection downloads within this; a file still parsing after it is not worth the wait. */
export const PDF_OPEN_TIMEOUT_MS = 60_000;
/**
 * Images above this many pixels are not drawn: a 600 dpi A3 scan has about 70 million, and a crafted image that
 * claims billions would otherwise take the worker's memory. (PDF.js's own default is no limit.)
 */
const MAX_IMAGE_PIXELS = 2 ** 27;

/** Opens a PDF with scripting, XFA and WebAssembly off, within a byte cap and a time cap. Never throws but on abort. */
export async function openPdf(source: PdfSource, assets: PdfAssets, options: PdfOpenOptions = {}): Promise<PdfOpened> {
  const { signal, maxBytes = PDF_MAX_BYTES, timeoutMs = PDF_OPEN_TIMEOUT_MS } = options;
  signal?.throwIfAborted();
  const deadline = AbortSignal.timeout(timeoutMs);
  const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const bytes =
    source.kind === 'bytes'
      ? checkedBytes(source.data, maxBytes)
      : await download(source.url, maxBytes, stop, options.fetch ?? globalThis.fetch);
  if (!(bytes instanceof Uint8Array)) return finish(bytes, signal, timeoutMs);
  const task = getDocument({
    ...safeParameters(assets),
    data: bytes,
    ...(source.kind === 'url' ? { docBaseUrl: source.url } : {}),
  });
  return finish(await settle(task, stop), signal, timeoutMs);
}

/**
 * The loading parameters, each for a reason:
 * - no scripting: `getDocument` itself never runs a PDF's JavaScript; it only would through a scripting manager
 *   (PDF.js's sandbox), which nothing in this extension creates. Viewers built on this must pass none either.
 * - `enableXfa: false`: XFA forms are HTML-like markup the PDF carries; we never render it.
 * - `useWasm: false`: WebAssembly would need `'wasm-unsafe-eval'` in the extension's CSP. Text, fonts and most
 *   images need none; JBIG2 and JPEG 2000 use the JavaScript fallbacks, and ICC colour profiles are skipped.
 * - `stopAtErrors: false` (PDF.js's default, said aloud): a damaged file shows what can be read of it.
 * - data is handed over whole, so no range requests are made from the worker; pages are still parsed only when
 *   asked for (`getPage`), which keeps a 500-page file as quick to open as a short one.
 */
function safeParameters(assets: PdfAssets) {
  GlobalWorkerOptions.workerSrc = assets.workerSrc;
  return {
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    ...(assets.wasmUrl === undefined ? {} : { wasmUrl: assets.wasmUrl }),
    useWasm: false,
    enableXfa: false,
    stopAtErrors: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0,
  };
}

type Failure = { reason: PdfOpenFailureReason; detail?: string };

function checkedBytes(data: Uint8Array, maxBytes: number): Uint8Array | Failure {
  if (data.byteLength > maxBytes) return tooLarge(maxBytes);
  if (!looksLikePdf(data)) return { reason: 'not-pdf' };
  return data;
}

/**
 * Downloads with the reader's cookies (`credentials: 'include'`): the address is one the reader's own tab showed,
 * and publishers serve subscribed or institution-licensed PDFs only with them. The body is read with the cap
 * enforced as it arrives, whatever `Content-Length` claims.
 */
async function download(
  url: string,
  maxBytes: number,
  stop: AbortSignal,
  fetcher: typeof fetch,
): Promise<Uint8Array | Failure> {
  if (!URL.canParse(url) || !FETCHABLE.has(new URL(url).protocol)) return { reason: 'unreachable' };
  let response: Response;
  try {
    response = await fetcher(url, { credentials: 'include', signal: stop });
  } catch {
    return { reason: stop.aborted ? 'timeout' : 'unreachable' };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return { reason: 'unreachable', detail: String(response.status) };
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return tooLarge(maxBytes);
  }
  const body = await readBody(response, maxBytes, stop);
  if (!(body instanceof Uint8Array)) return body;
  return looksLikePdf(body) ? body : { reason: 'not-pdf', detail: 'address' };
}

const tooLarge = (maxBytes: number): Failure => ({
  reason: 'too-large',
  detail: String(Math.round(maxBytes / (1024 * 1024))),
});

const FETCHABLE = new Set(['https:', 'http:', 'blob:', 'file:']);

async function readBody(response: Response, maxBytes: number, stop: AbortSignal): Promise<Uint8Array | Failure> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const cancel = () => reader.cancel().catch(() => {});
  stop.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await cancel();
        return tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch {
    return { reason: stop.aborted ? 'timeout' : 'unreachable' };
  } finally {
    stop.removeEventListener('abort', cancel);
  }
  if (stop.aborted) return { reason: 'timeout' };
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Waits for PDF.js to parse the file's structure, or for the stop signal, which destroys the task and its worker. */
async function settle(task: PDFDocumentLoadingTask, stop: AbortSignal): Promise<PDFDocumentProxy | Failure> {
  const stopped = new Promise<Failure>((resolve) => {
    if (stop.aborted) resolve({ reason: 'timeout' });
    stop.addEventListener('abort', () => resolve({ reason: 'timeout' }), { once: true });
  });
  const opened = task.promise.then(
    (pdf): PDFDocumentProxy | Failure => pdf,
    (error: unknown): Failure => ({ reason: reasonOf(error) }),
  );
  const outcome = await Promise.race([opened, stopped]);
  if (!isFailure(outcome)) return outcome;
  await task.destroy().catch(() => {});
  return outcome;
}

/** PDF.js rebuilds its exceptions across the worker boundary, so they are told apart by name. */
function reasonOf(error: unknown): PdfOpenFailureReason {
  const name = error instanceof Error || (typeof error === 'object' && error !== null) ? (error as Error).name : '';
  return name === 'PasswordException' ? 'password' : 'malformed';
}

function isFailure(value: PDFDocumentProxy | Failure | Uint8Array): value is Failure {
  return typeof (value as Failure).reason === 'string';
}

/** The caller's abort wins over any outcome; anything else becomes the result with its sentence. */
function finish(outcome: PDFDocumentProxy | Failure, signal: AbortSignal | undefined, timeoutMs: number): PdfOpened {
  if (signal?.aborted) {
    if (!isFailure(outcome)) void outcome.loadingTask.destroy();
    throw signal.reason;
  }
  if (!isFailure(outcome)) return { ok: true, pdf: outcome };
  return { ok: false, reason: outcome.reason, message: failureMessage(outcome, timeoutMs) };
}

function failureMessage({ reason, detail }: Failure, timeoutMs: number): string {
  switch (reason) {
    case 'not-pdf':
      return detail === 'address' ? i18n.t('pdfFile.notPdfAddress') : i18n.t('pdfFile.notPdf');
    case 'malformed':
      return i18n.t('pdfFile.malformed');
    case 'password':
      return i18n.t('pdfFile.password');
    case 'too-large':
      return i18n.t('pdfFile.tooLarge', [detail ?? '']);
    case 'unreachable':
      return detail ? i18n.t('pdfFile.unreachableStatus', [detail]) : i18n.t('pdfFile.unreachable');
    case 'timeout':
      return i18n.t('pdfFile.timeout', [String(Math.round(timeoutMs / 1000))]);
  }
}
