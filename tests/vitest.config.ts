import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromeMessages } from './support/chrome-messages';
import { printToPdf } from './support/pdf/print-command';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Launch flags that keep Chromium off the network: this machine and CI reach nothing but loopback. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Vitest's browser mode on the system Chromium, for the DOM tests and the in-browser benchmarks. */
const chromiumBrowserMode = {
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({ launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const }],
  // Chromium's own print to PDF, for the PDF tests' printed copies of the real publisher pages.
  commands: { printToPdf },
};

/**
 * The projects:
 * - `unit`: pure logic in Node with happy-dom (parsers, validation, storage over fake-indexeddb);
 * - `dom`: DOM-heavy code (ranges, selections, highlights) in real Chromium through vitest's browser mode,
 *   because happy-dom's Range is wrong;
 * - `bench` (in Chromium) and `bench-extension` (the built extension, driven from Node): `npm run bench`; they
 *   print figures and assert nothing about time;
 * - `e2e`: the production build loaded into Chromium by Playwright (run after `wxt build`).
 */
export default defineConfig({
  root,
  // The English messages, for tests/support/i18n-setup.ts (unit and DOM tests have no extension to read them from).
  define: { __I18N_MESSAGES__: JSON.stringify(await chromeMessages(root, 'en')) },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: {
    alias: {
      // The i18n module's generated `i18n` object (`wxt prepare` writes it), as the extension build resolves it.
      '#i18n': fileURLToPath(new URL('../.wxt/i18n/index.ts', import.meta.url)),
      // optimal-select (pulled in by the @apache-annotator/dom test oracle) names a `src/` entry it does not ship.
      'optimal-select': fileURLToPath(new URL('../node_modules/optimal-select/lib/index.js', import.meta.url)),
    },
  },
  // Pre-bundled up front, so the browser test page is not reloaded mid-run when vite first meets them.
  optimizeDeps: {
    include: [
      'pdfjs-dist',
      'pdfjs-dist/web/pdf_viewer.mjs',
      '@wxt-dev/i18n',
      'approx-string-match',
      'dom-anchor-text-quote',
      '@apache-annotator/dom',
      '@apache-annotator/selector',
    ],
  },
  server: { fs: { allow: [root, fileURLToPath(new URL('../../shared', import.meta.url))] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/support/i18n-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/i18n-setup.ts'],
          browser: chromiumBrowserMode,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          include: ['tests/bench/{anchoring,detect,storage,highlight-map,pdf-anchoring}.bench.ts'],
          // Storage and anchoring code looks up its (error) messages; the bench reads them in English too.
          setupFiles: ['tests/support/i18n-setup.ts'],
          testTimeout: 600_000,
          browser: chromiumBrowserMode,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench-extension',
          include: ['tests/bench/**/*.bench.ts'],
          exclude: ['tests/bench/{anchoring,detect,storage,highlight-map,pdf-anchoring}.bench.ts'],
          environment: 'node',
          setupFiles: ['tests/support/i18n-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // A real browser on a loaded 2-core machine: vitest's 1 s default for `expect.poll` is shorter than a
          // panel's reload there, and a poll that gives up early fails a test whose behaviour is right.
          expect: { poll: { timeout: 5_000 } },
          // One retry for a browser test that failed, for a one-off stall of a loaded 2-core machine. It hides no
          // behaviour: a test that fails twice fails the run, and a retried test is named in tests/.tmp/e2e.json.
          // Each test leaves the state it relies on as it found it (panel.test.ts unfolds the panel after each
          // test), so a retry starts where the first attempt did.
          retry: 1,
        },
      },
    ],
  },
});
