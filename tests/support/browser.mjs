// @ts-check
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The production build that the browser tests and `npm start` load. */
export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3/', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a machine whose only network is loopback. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts Chromium with the built extension in a fresh profile. Requests to any host but 127.0.0.1 are aborted
 * before they leave the browser, because the real publisher pages we serve still point at their CDNs.
 * `env` adds to the browser's environment: on Linux, Chromium takes its UI language from `LANGUAGE`/`LANG` as well
 * as from `--lang` (see tests/e2e/french.test.ts).
 * @param {{ headless?: boolean, extensionDir?: string, colorScheme?: 'light' | 'dark' | null, extraArgs?: string[], env?: Record<string, string> }} [options]
 */
export async function launchWithExtension(options = {}) {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profile = await mkdtemp(join(tmpdir(), 'journal-club-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    // null leaves the scheme to the system (or to --force-dark-mode) instead of emulating one.
    colorScheme: options.colorScheme === undefined ? 'light' : options.colorScheme,
    viewport: { width: 1280, height: 800 },
    ...(options.env && { env: { ...process.env, ...options.env } }),
    args: [
      ...QUIET_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.extraArgs ?? []),
    ],
  });
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/])(https?|wss?):/, (route) => route.abort('blockedbyclient'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Whether `frame` is the panel the extension mounted: panel.html, at the extension's own address or at the
 * per-session one Chromium gives it (`use_dynamic_url`), framed directly by the page's top document.
 * @param {import('playwright-core').Frame} frame
 * @param {import('playwright-core').Page} page
 * @param {string} extensionId
 */
function isOwnPanel(frame, page, extensionId) {
  const url = frame.url();
  const panel =
    url.startsWith(`chrome-extension://${extensionId}/panel.html`) ||
    /^chrome-extension:\/\/[^/]+\/panel\.html/.test(url);
  return panel && frame.parentFrame() === page.mainFrame();
}

/**
 * The panel's frame on `page`. It sits in a closed shadow root, which no selector pierces (that is the point),
 * so it is found among the page's frames by its extension URL (see isOwnPanel).
 * @param {import('playwright-core').Page} page
 * @param {string} extensionId
 * @param {number} [timeout]
 * @returns {Promise<import('playwright-core').Frame>}
 */
export async function waitForPanelFrame(page, extensionId, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => !f.isDetached() && isOwnPanel(f, page, extensionId));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`No journal club panel frame on ${page.url()} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
