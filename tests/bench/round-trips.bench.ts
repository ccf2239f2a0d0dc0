import { existsSync } from 'node:fs';
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import { type BenchPassage, benchArticle, DEMO_DOI, DEMO_ENTRY, demoPassages } from './round-trips-page';

/**
 * The two round-trip figures of issue 9, for this build and, when it can be found, the build before the change
 * (`BEFORE_EXTENSION_DIR`, else /tmp/before/.output/chrome-mv3: `git worktree add /tmp/before deebb0d`, then
 * `npx wxt build` there with this checkout's node_modules linked in):
 * - the messages between the article's load and the panel in step (its highlights shown, the page's anchoring
 *   report arrived), counted in the service worker by listeners and wrappers this bench adds there;
 * - the time from pressing a question key in the selection toolbar to the new highlight painted (in the page's
 *   `CSS.highlights`), on a 1 MB article with 500 highlights already there.
 * Prints figures; asserts nothing about them.
 */
const BEFORE_DIR = process.env.BEFORE_EXTENSION_DIR ?? '/tmp/before/.output/chrome-mv3';
const builds = [
  { name: 'before', dir: existsSync(`${BEFORE_DIR}/manifest.json`) ? BEFORE_DIR : null },
  { name: 'after', dir: EXTENSION_DIR },
];
const LOADS = 5;
const SAVES = 7;
const BENCH_PATH = '/bench-1mb-article.html';
/** Imported highlights' ids (UUIDs, as the import requires) start so; the one the bench makes does not. */
const BENCH_ID = '00000000-0000-4000-8000-';

let server: Awaited<ReturnType<typeof import('../support/server.mjs').startFixtureServer>>;
beforeAll(async () => {
  const { startFixtureServer } = await import('../support/server.mjs');
  server = await startFixtureServer();
});
afterAll(() => server?.close());

/** The slice of the extension API this bench uses, in the service worker and the panel frame. */
interface ChromeApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: { type?: string }, sender: { url?: string }) => undefined): void };
    onConnect: { addListener(listener: (port: { postMessage(message: { type?: string }): void }) => void): void };
  };
  tabs: { sendMessage(...args: unknown[]): Promise<unknown> };
}

interface Logged {
  kind: 'request' | 'tab message' | 'port push';
  type: string;
  from?: string;
}

/** Listens in the service worker: every request it receives, every message it sends to a tab or a panel port. */
async function countMessages(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { __benchLog?: Logged[]; chrome: ChromeApi };
    if (scope.__benchLog) return;
    const log: Logged[] = [];
    scope.__benchLog = log;
    const api = scope.chrome;
    api.runtime.onMessage.addListener((message, sender) => {
      const from = sender.url?.startsWith('chrome-extension:') ? 'panel' : 'page';
      log.push({ kind: 'request', type: String(message?.type), from });
      return undefined;
    });
    const sendToTab = api.tabs.sendMessage.bind(api.tabs);
    api.tabs.sendMessage = (...args: unknown[]) => {
      log.push({ kind: 'tab message', type: String((args[1] as { type?: string })?.type) });
      return sendToTab(...args);
    };
    api.runtime.onConnect.addListener((port) => {
      const post = port.postMessage.bind(port);
      port.postMessage = (message) => {
        log.push({ kind: 'port push', type: String(message?.type) });
        post(message);
      };
    });
  });
}

const takeLog = (worker: Worker) =>
  worker.evaluate(() => {
    const scope = globalThis as unknown as { __benchLog: Logged[] };
    return scope.__benchLog.splice(0);
  });

/** Highlights imported through the panel, as a reader restoring a backup would. */
async function importHighlights(panel: Frame, passages: readonly BenchPassage[]): Promise<void> {
  const now = new Date().toISOString();
  const questions = ['q1', 'q2', 'q3', null];
  const highlights = passages.map((passage, i) => ({
    id: `${BENCH_ID}${i.toString(16).padStart(12, '0')}`,
    doi: DEMO_DOI,
    entryId: DEMO_ENTRY,
    questionId: questions[i % questions.length],
    note: '',
    // Made on this site, as the reader's own: the extension paints highlights only where the reader read the article.
    target: { source: `${server.origin}/bench`, selectors: passage.selectors },
    createdAt: now,
    updatedAt: now,
  }));
  const text = JSON.stringify({ format: 'journal-club-reader/backup', version: 1, exportedAt: now, highlights });
  const reply = await panel.evaluate(
    (text) =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({
        type: 'import',
        text,
        commit: true,
        mode: 'merge',
        // The panel's claim (utils/protocol/panel-claim.ts), as its own client sends it: the ticket in its address.
        panelClaim: { ticket: location.hash.slice(1), ancestors: [...location.ancestorOrigins] },
      }),
    text,
  );
  const written = (reply as { ok: boolean; value?: { written: number } }).value?.written;
  if (written !== highlights.length) throw new Error(`import failed: ${JSON.stringify(reply).slice(0, 600)}`);
}

/** The panel in step: `count` highlight cards, and the page's anchoring report arrived (no "Finding…"). */
async function panelInStep(page: Page, extensionId: string, count: number): Promise<Frame> {
  const panel = await waitForPanelFrame(page, extensionId);
  await panel
    .waitForFunction(
      (count) =>
        document.querySelectorAll('[data-highlight-id]').length === count &&
        document.querySelector('.hl-status')?.textContent === '',
      count,
      { timeout: 30_000, polling: 5 },
    )
    .catch(async (error) => {
      const seen = await panel.evaluate(() => ({
        cards: document.querySelectorAll('[data-highlight-id]').length,
        status: document.querySelector('.hl-status')?.textContent,
      }));
      throw new Error(`panel not in step (want ${count} cards): ${JSON.stringify(seen)}`, { cause: error });
    });
  return panel;
}

type Painted = Window & { __painted(): number; __pressedAt?: number; __paintedAt?: number };

/** Gives the page `__painted()`: how many passages it has painted under our highlight names (`jc-q0`…). */
const countPainted = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as Painted).__painted = () =>
      [...CSS.highlights.keys()]
        .filter((name) => /^jc-(q\d+|untied)$/.test(name))
        .reduce((sum, name) => sum + (CSS.highlights.get(name)?.size ?? 0), 0);
  });

async function messagesToPanelInStep(context: BrowserContext, worker: Worker, extensionId: string) {
  const page = await context.newPage();
  await page.goto(`${server.origin}/demo-article.html`);
  const passages = demoPassages();
  await importHighlights(await waitForPanelFrame(page, extensionId), passages);
  await countMessages(worker);
  const runs: Logged[][] = [];
  for (let load = 0; load < LOADS; load++) {
    await takeLog(worker);
    await page.goto(`${server.origin}/demo-article.html?load=${load}`);
    await panelInStep(page, extensionId, passages.length);
    runs.push(await takeLog(worker));
  }
  await page.close();
  return runs;
}

/** Requests count twice (each is answered), pushes once. */
const messageCount = (log: readonly Logged[]) =>
  log.reduce((sum, entry) => sum + (entry.kind === 'request' ? 2 : 1), 0);

function describeRun(log: readonly Logged[]): string {
  const counts = new Map<string, number>();
  for (const entry of log) {
    const key = entry.kind === 'request' ? `${entry.from}→${entry.type}` : `${entry.kind}:${entry.type}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const requests = log.filter((entry) => entry.kind === 'request').length;
  const pushes = log.length - requests;
  const parts = [...counts].map(([key, n]) => (n > 1 ? `${key} ×${n}` : key));
  return `${2 * requests + pushes} messages (${requests} requests and their ${requests} replies, ${pushes} pushes): ${parts.join(', ')}`;
}

async function saveToPainted(context: BrowserContext, extensionId: string) {
  const article = benchArticle(500);
  await context.route(`${server.origin}${BENCH_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: article.html }),
  );
  const page = await context.newPage();
  await page.goto(`${server.origin}${BENCH_PATH}`);
  await importHighlights(await waitForPanelFrame(page, extensionId), article.passages);
  await page.reload();
  let panel = await panelInStep(page, extensionId, article.passages.length);
  await countPainted(page);
  const samples: number[] = [];
  for (let save = 0; save < SAVES; save++) {
    const painted = await page.evaluate(() => (window as unknown as Painted).__painted());
    if (painted !== article.passages.length) throw new Error(`${painted} highlights painted, not all`);
    await page.evaluate(
      ({ at, length }) => {
        const paragraphs = document.querySelectorAll('main p');
        const text = paragraphs[at % paragraphs.length]?.firstChild as Text;
        // Keys go to the page, as after the reader's selecting drag (the panel may have kept focus).
        (document.activeElement as HTMLElement | null)?.blur();
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, length);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      },
      { at: 37 * (save + 1), length: 39 },
    );
    // The last character by a real key: the toolbar offers only selections the reader's own input made.
    await page.keyboard.press('Shift+ArrowRight');
    await page.getByRole('toolbar', { name: 'Highlight the selection' }).waitFor();
    const target = article.passages.length + 1;
    await page.evaluate((target) => {
      const scope = window as unknown as Painted;
      scope.__pressedAt = undefined;
      scope.__paintedAt = undefined;
      addEventListener('keydown', (event) => (scope.__pressedAt = event.timeStamp), { capture: true, once: true });
      const check = () => {
        if (scope.__painted() >= target) scope.__paintedAt = performance.now();
        else setTimeout(check, 0);
      };
      check();
    }, target);
    await page.keyboard.press('1');
    const elapsed = await page
      .waitForFunction(
        () => {
          const scope = window as unknown as { __pressedAt?: number; __paintedAt?: number };
          return scope.__paintedAt !== undefined && scope.__pressedAt !== undefined
            ? scope.__paintedAt - scope.__pressedAt
            : null;
        },
        undefined,
        { timeout: 30_000, polling: 5 },
      )
      .catch(async (error) => {
        const seen = await page.evaluate(() => ({
          pressed: (window as unknown as Painted).__pressedAt,
          active: document.activeElement?.localName,
          focus: document.hasFocus(),
          painted: [...CSS.highlights.keys()].map((name) => `${name}:${CSS.highlights.get(name)?.size}`),
        }));
        throw new Error(`not painted: ${JSON.stringify(seen)}`, { cause: error });
      });
    samples.push(Number(await elapsed.jsonValue()));
    // Back to 500: the new highlight is deleted from the panel, and the page redraws the rest.
    panel = await waitForPanelFrame(page, extensionId);
    await panel.evaluate(async (prefix) => {
      const { runtime } = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const panelClaim = { ticket: location.hash.slice(1), ancestors: [...location.ancestorOrigins] };
      const reply = (await runtime.sendMessage({ type: 'highlights', panelClaim })) as {
        value: { highlights: { id: string }[] };
      };
      const made = reply.value.highlights.find((h) => !h.id.startsWith(prefix));
      if (made) await runtime.sendMessage({ type: 'highlight-delete', id: made.id, panelClaim });
    }, BENCH_ID);
    await page.waitForFunction(
      (target) => (window as unknown as Painted).__painted() === target,
      article.passages.length,
      {
        timeout: 30_000,
        polling: 20,
      },
    );
  }
  await page.close();
  samples.sort((a, b) => a - b);
  return { samples, chars: article.chars };
}

const figures: string[] = [];

it('round trips: messages until the panel is in step, and a question key to the new highlight painted', async () => {
  for (const build of builds) {
    if (!build.dir) {
      figures.push(`  ${build.name}: unavailable (no build at ${BEFORE_DIR}; see this file's doc comment)`);
      continue;
    }
    const browser = await launchWithExtension({ extensionDir: build.dir });
    try {
      const worker = browser.context.serviceWorkers()[0] ?? browser.worker;
      const runs = await messagesToPanelInStep(browser.context, worker, browser.extensionId);
      const totals = runs.map(messageCount).sort((a, b) => a - b);
      const median = runs.find((run) => messageCount(run) === totals[Math.floor(totals.length / 2)]) ?? [];
      figures.push(
        `  ${build.name}: load → panel in step (demo article, 3 highlights; ${LOADS} loads, ${totals[0]}–${totals.at(-1)} messages): ${describeRun(median)}`,
      );
      const { samples, chars } = await saveToPainted(browser.context, browser.extensionId);
      const median2 = samples[Math.floor(samples.length / 2)] ?? Number.NaN;
      figures.push(
        `  ${build.name}: question key → new highlight painted (${(chars / 1e6).toFixed(2)} M characters, 500 highlights, ${samples.length} saves): median ${median2.toFixed(0)} ms, min ${samples[0]?.toFixed(0)} ms, max ${samples.at(-1)?.toFixed(0)} ms`,
      );
    } finally {
      await browser.close();
    }
  }
  console.log(`\nRound trips (issue 9), before and after\n${figures.join('\n')}`);
}, 600_000);
