import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A file the build copies into the extension, as WXT's `build:publicAssets` hook takes it. */
interface CopiedFile {
  absoluteSrc: string;
  relativeDest: string;
}

/** Where the PDF viewer finds PDF.js's files at run time (`runtime.getURL`); utils/pdf/viewer/assets.ts names them. */
export const PDFJS_FOLDER = 'pdfjs';

/**
 * PDF.js's files that are not bundled into the viewer's script: the worker (a module worker, loaded from the
 * extension's own origin), the character maps of CJK fonts, the standard fonts PDFs name without embedding, and
 * the JavaScript decoders of JBIG2 and JPEG 2000 images used instead of WebAssembly (`useWasm: false`, so the
 * extension pages' CSP needs no `'wasm-unsafe-eval'`). They are copied from node_modules at build time, never
 * committed, so they always match the installed pdfjs-dist.
 */
export function pdfjsAssets(): CopiedFile[] {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const copy = (folder: string, keep: (name: string) => boolean): CopiedFile[] =>
    readdirSync(join(root, folder))
      .filter(keep)
      .map((name) => ({ absoluteSrc: join(root, folder, name), relativeDest: `${PDFJS_FOLDER}/${folder}/${name}` }));
  return [
    { absoluteSrc: join(root, 'build/pdf.worker.min.mjs'), relativeDest: `${PDFJS_FOLDER}/pdf.worker.min.mjs` },
    ...copy('cmaps', (name) => name.endsWith('.bcmap') || name === 'LICENSE'),
    ...copy('standard_fonts', () => true),
    ...copy('wasm', (name) => name.endsWith('_nowasm_fallback.js') || name.startsWith('LICENSE')),
  ];
}
