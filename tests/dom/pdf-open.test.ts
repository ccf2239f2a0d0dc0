import { getDocument } from 'pdfjs-dist';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPdf, type PdfOpened, type PdfSource } from '../../utils/pdf/open-pdf';
import { articlePdf, longPdf, textPage } from '../support/pdf/article-pdf';
import { latin1 } from '../support/pdf/pdf-writer';
import { testPdfAssets } from '../support/pdf/test-assets';

/** openPdf in real Chromium with PDF.js's real worker: every hostile file gets its reason and a plain sentence. */

const opened: PdfOpened[] = [];
afterEach(async () => {
  for (const result of opened.splice(0)) if (result.ok) await result.pdf.loadingTask.destroy();
  vi.restoreAllMocks();
});

async function open(source: PdfSource, options?: Parameters<typeof openPdf>[2]): Promise<PdfOpened> {
  const result = await openPdf(source, testPdfAssets, options);
  opened.push(result);
  return result;
}
const bytes = (data: Uint8Array, name = 'article.pdf'): PdfSource => ({ kind: 'bytes', data, name });
const article = () => articlePdf({ pages: [textPage('A journal club article'), textPage('Page two')] });
/** A fetch that answers every request with `response`, as a server would. */
const answering = (response: () => Response) => (async () => response()) as typeof fetch;

describe('openPdf', () => {
  it('opens a PDF given as bytes, and one at an address', async () => {
    const fromBytes = await open(bytes(article()));
    expect(fromBytes.ok && fromBytes.pdf.numPages).toBe(2);
    const url = URL.createObjectURL(new Blob([article() as BlobPart], { type: 'application/pdf' }));
    const fromUrl = await open({ kind: 'url', url });
    expect(fromUrl.ok && fromUrl.pdf.numPages).toBe(2);
  });

  it.each([
    ['a web page', latin1('<!doctype html><html><body>Sign in to read this article</body></html>')],
    ['an image', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['garbage', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)],
    ['nothing', new Uint8Array(0)],
  ])('says "not a PDF" for %s', async (_name, data) => {
    expect(await open(bytes(data))).toEqual({ ok: false, reason: 'not-pdf', message: 'This file is not a PDF.' });
  });

  it('says an address that gave a web page did not give a PDF, and why that happens', async () => {
    const html = () =>
      new Response('<html><body>Please sign in</body></html>', { headers: { 'content-type': 'text/html' } });
    const result = await open(
      { kind: 'url', url: 'https://publisher.example/doi/pdf/10.1/x' },
      { fetch: answering(html) },
    );
    expect(result).toMatchObject({ ok: false, reason: 'not-pdf' });
    expect(!result.ok && result.message).toMatch(/sign in/);
  });

  it.each([
    ['a header then garbage', latin1(`%PDF-1.7\n${'\u0001\u00ff garbage '.repeat(200)}`)],
    ['a file cut after its header', article().slice(0, 40)],
  ])('says "damaged" for %s', async (_name, data) => {
    expect(await open(bytes(data))).toMatchObject({
      ok: false,
      reason: 'malformed',
      message: 'This PDF is damaged or incomplete, so it cannot be opened.',
    });
  });

  it('opens a file truncated mid-way when what is left can be read, as PDF.js recovers what it can', async () => {
    const whole = articlePdf({ pages: Array.from({ length: 20 }, (_, i) => textPage(`Page ${i + 1}`)) });
    const result = await open(bytes(whole.slice(0, Math.floor(whole.byteLength * 0.6))));
    // Either outcome is a clear one: pages recovered, or "damaged". Never a hang or an exception.
    if (result.ok) expect(result.pdf.numPages).toBeGreaterThan(0);
    else expect(result.reason).toBe('malformed');
  });

  it('says a password-locked PDF is locked', async () => {
    const result = await open(bytes(articlePdf({ pages: [textPage('Secret')], locked: true })));
    expect(result).toMatchObject({ ok: false, reason: 'password' });
    expect(!result.ok && result.message).toMatch(/password/);
  });

  it('refuses bytes over the cap before parsing them', async () => {
    const result = await open(bytes(article()), { maxBytes: 100 });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('refuses a download whose declared length is over the cap, and one that grows past it unannounced', async () => {
    const declared = () => new Response(article() as BodyInit, { headers: { 'content-length': String(10 ** 12) } });
    const url = 'https://publisher.example/a.pdf';
    expect(await open({ kind: 'url', url }, { fetch: answering(declared) })).toMatchObject({ reason: 'too-large' });
    let sent = 0;
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            sent += 64 * 1024;
            controller.enqueue(new Uint8Array(64 * 1024).fill(0x25));
          },
        }),
      );
    const result = await open({ kind: 'url', url }, { fetch: answering(endless), maxBytes: 1024 * 1024 });
    expect(result).toMatchObject({ ok: false, reason: 'too-large', message: expect.stringContaining('1 MB') });
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });

  it('says the PDF could not be downloaded, with the server’s answer', async () => {
    const url = 'https://publisher.example/a.pdf';
    const missing = () => new Response('Not found', { status: 404 });
    expect(await open({ kind: 'url', url }, { fetch: answering(missing) })).toEqual({
      ok: false,
      reason: 'unreachable',
      message: 'The PDF could not be downloaded (the server answered 404).',
    });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await open({ kind: 'url', url }, { fetch: offline })).toMatchObject({ reason: 'unreachable' });
    for (const bad of ['javascript:alert(1)', 'not an address', 'data:application/pdf,%PDF-1.7']) {
      expect(await open({ kind: 'url', url: bad })).toMatchObject({ reason: 'unreachable' });
    }
  });

  it('gives up on a download that stalls, at the time cap', async () => {
    const stalled = () => new Response(new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) }));
    const started = performance.now();
    const result = await open(
      { kind: 'url', url: 'https://slow.example/a.pdf' },
      { fetch: answering(stalled), timeoutMs: 300 },
    );
    expect(result).toMatchObject({ ok: false, reason: 'timeout', message: expect.stringMatching(/too long/) });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('rejects with the caller’s reason when aborted, and ends the worker', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const controller = new AbortController();
    const pending = openPdf(bytes(longPdf(200)), testPdfAssets, { signal: controller.signal });
    controller.abort(new DOMException('Reader left', 'AbortError'));
    await expect(pending).rejects.toThrow('Reader left');
    await vi.waitFor(() => expect(terminate).toHaveBeenCalled());
  });

  it('opens a 500-page file in bounded time, and reads its last page on demand', async () => {
    const data = longPdf(500);
    const size = data.byteLength;
    const started = performance.now();
    const result = await open(bytes(data));
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(result.message);
    expect(result.pdf.numPages).toBe(500);
    const last = await result.pdf.getPage(500);
    const text = await last.getTextContent();
    expect(text.items.map((item) => ('str' in item ? item.str : '')).join(' ')).toContain('Page 500');
    console.info(`500-page PDF (${Math.round(size / 1024)} KB) opened in ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('never runs the JavaScript a PDF carries, even while its pages are read and drawn', async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const windowOpen = vi.spyOn(window, 'open').mockImplementation(() => null);
    const script = 'app.alert("ran"); this.print(); app.launchURL("https://evil.example/", true);';
    const result = await open(bytes(articlePdf({ pages: [textPage('Scripted article')], openActionScript: script })));
    if (!result.ok) throw new Error(result.message);
    // The script is in the file, where a reader with scripting would find and run it…
    const actions = await result.pdf.getJSActions();
    expect(JSON.stringify(actions ? Object.fromEntries(actions) : {})).toContain('app.alert');
    // …and reading and drawing the page runs none of it.
    const page = await result.pdf.getPage(1);
    await page.getTextContent();
    const viewport = page.getViewport({ scale: 1 });
    const canvas = document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await page.render({ canvas, viewport }).promise;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(alert).not.toHaveBeenCalled();
    expect(print).not.toHaveBeenCalled();
    expect(windowOpen).not.toHaveBeenCalled();
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded.filter((name) => name.includes('pdf.sandbox'))).toEqual([]);
  });

  it('never draws an XFA form, which PDF.js would draw instead of the pages if asked to', async () => {
    const xfa =
      '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">' +
      '<subform name="form1" layout="tb"><pageSet><pageArea name="Page1"><contentArea x="0.25in" y="0.25in" w="8in" h="10in"/>' +
      '<medium stock="letter" short="8.5in" long="11in"/></pageArea></pageSet><subform w="8in" h="1in">' +
      '<draw name="Greeting" w="5in" h="0.5in"><value><text>Drawn by XFA</text></value></draw></subform></subform>' +
      '</template></xdp:xdp>';
    const file = () => articlePdf({ pages: [textPage('The article’s own page')], xfa });
    const result = await open(bytes(file()));
    if (!result.ok) throw new Error(result.message);
    expect(result.pdf.isPureXfa).toBe(false);
    expect(result.pdf.allXfaHtml).toBeNull();
    // The same file with XFA turned on (openPdf has set the worker's address) is drawn from its form.
    const withXfa = await getDocument({ data: file(), enableXfa: true, useWasm: false }).promise;
    expect(withXfa.isPureXfa).toBe(true);
    await withXfa.loadingTask.destroy();
  });
});
