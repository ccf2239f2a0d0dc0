import { existsSync } from 'node:fs';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { CHROMIUM, launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import {
  doiLinksPage,
  doiMetaPage,
  hostileBackup,
  hostileShareUrl,
  longestTask,
  longestTaskAfterLoad,
  recordLongTasks,
} from '../support/hostile';
import { REAL_PAGES } from '../support/real-pages.mjs';
import { SHARED_PAGES, startFixtureServer } from '../support/server.mjs';

/**
 * Issue 10, item 3: the longest main-thread task (Long Tasks API: tasks over 50 ms; 0 means none) on pages fed
 * the worst hostile inputs we could build, with and without the extension, against the 50 ms goal:
 * - a share link of 30 one-letter quotes with 1,000 characters of context (review F3);
 * - ten such highlights imported, then the article reloaded (F3, persistent);
 * - 300 crafted DOI metas plus one more every 200 ms (F7), and crafted doi.org links and JSON-LD identifiers
 *   at the detector's caps (F7);
 * - the demo article and the 1.2 MB Frontiers page (../shared/fixtures/pages) as they are, and with a link of
 *   three such quotes (the Frontiers text has thousands of letters "e").
 * Prints figures; asserts nothing about them.
 */
const GOAL_MS = 50;
/** Time the extension gets to do its work (detection, anchoring) before the figure is read. */
const SETTLE_MS = 4_000;
/** Runs per cell; the median is printed, since other work on a busy machine lengthens single tasks. */
const RUNS = 3;
const FRONTIERS = REAL_PAGES.find((page) => page.site === 'frontiers');
const frontiersReady = FRONTIERS !== undefined && existsSync(`${SHARED_PAGES}${FRONTIERS.file}`);

type WithExtension = Awaited<ReturnType<typeof launchWithExtension>>;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let withExtension: WithExtension;
let plain: BrowserContext;
let closePlain: () => Promise<void>;

beforeAll(async () => {
  server = await startFixtureServer();
  withExtension = await launchWithExtension();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  plain = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  closePlain = () => browser.close();
  for (const context of [withExtension.context, plain]) {
    await context.addInitScript(recordLongTasks);
    await context.route(/\/hostile-(metas|links)\.html$/, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: route.request().url().includes('metas') ? doiMetaPage(300) : doiLinksPage(200),
      }),
    );
  }
});
afterAll(async () => {
  await withExtension?.close();
  await closePlain?.();
  await server?.close();
});

interface Scenario {
  name: string;
  /** Opens the hostile input in `page`; `extension` says whether this browser has the extension. */
  open: (page: Page, extension: boolean) => Promise<void>;
}

const demo = () => `${server.origin}/demo-article.html`;
const frontiers = () => `${server.origin}/shared/${FRONTIERS?.file}`;

/** Imports through the panel's own request, as a reader restoring a file would, then reloads the article. */
async function importThenReload(page: Page, extension: boolean): Promise<void> {
  await page.goto(demo());
  if (extension) {
    const panel = await waitForPanelFrame(page, withExtension.extensionId, 15_000);
    const reply = await panel.evaluate(
      (text) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({
          type: 'import',
          text,
          commit: true,
          mode: 'merge',
          // The panel's claim (utils/protocol/panel-claim.ts), as its own client sends it: the ticket in its address.
          panelClaim: { ticket: location.hash.slice(1), ancestors: [...location.ancestorOrigins] },
        }),
      hostileBackup(10),
    );
    if (!(reply as { ok?: boolean }).ok) throw new Error(`import failed: ${JSON.stringify(reply).slice(0, 300)}`);
  }
  await page.reload({ waitUntil: 'domcontentloaded' });
}

const scenarios: Scenario[] = [
  { name: 'demo article', open: (page) => page.goto(demo()).then(() => undefined) },
  {
    name: 'demo + share link, 30 × "e" with 1,000-char context',
    open: async (page) => void (await page.goto(await hostileShareUrl(demo()), { waitUntil: 'domcontentloaded' })),
  },
  { name: 'demo + 10 such highlights imported, reloaded', open: importThenReload },
  {
    name: '300 crafted DOI metas, +1 every 200 ms',
    open: (page) => page.goto(`${server.origin}/hostile-metas.html`).then(() => undefined),
  },
  {
    name: '200 crafted doi.org links + 10 JSON-LD × 400 ids',
    open: (page) => page.goto(`${server.origin}/hostile-links.html`).then(() => undefined),
  },
  ...(frontiersReady && FRONTIERS
    ? [
        { name: 'Frontiers 1.2 MB page', open: (page: Page) => page.goto(frontiers()).then(() => undefined) },
        {
          name: 'Frontiers + share link, 3 × "e" with 1,000-char context',
          open: async (page: Page) =>
            void (await page.goto(await hostileShareUrl(frontiers(), 3, FRONTIERS.doi), {
              waitUntil: 'domcontentloaded',
            })),
        },
      ]
    : []),
];

/**
 * The longest task of one scenario in a fresh tab, in ms, over the whole load or only after the load event;
 * NaN when the page did not answer (frozen).
 */
async function measure(context: BrowserContext, scenario: Scenario, extension: boolean): Promise<[number, number]> {
  const page = await context.newPage();
  try {
    await scenario.open(page, extension);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const read = Promise.all([page.evaluate(longestTask), page.evaluate(longestTaskAfterLoad)]);
    const frozen = new Promise<[number, number]>((resolve) =>
      setTimeout(() => resolve([Number.NaN, Number.NaN]), 30_000),
    );
    return await Promise.race([read, frozen]);
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => {});
  }
}

/** Medians of each figure over {@link RUNS} runs; a frozen run (NaN) sorts last, so shows only as the majority. */
async function medians(run: () => Promise<[number, number]>): Promise<[number, number]> {
  const runs: [number, number][] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run());
  const median = (values: number[]) =>
    values.sort((a, b) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b))[Math.floor(RUNS / 2)] ?? Number.NaN;
  return [median(runs.map(([all]) => all)), median(runs.map(([, after]) => after))];
}

it('longest main-thread task under hostile input, with and without the extension', { timeout: 600_000 }, async () => {
  if (!frontiersReady) console.log(`\nSkipping the Frontiers page: ${SHARED_PAGES} is absent.`);
  const rows: string[] = [];
  for (const scenario of scenarios) {
    const [without, withoutAfter] = await medians(() => measure(plain, scenario, false));
    const [withIt, withAfter] = await medians(() => measure(withExtension.context, scenario, true));
    const ms = (value: number) => (Number.isNaN(value) ? 'frozen' : `${Math.round(value)} ms`).padStart(9);
    const verdict = withAfter < GOAL_MS ? 'within goal' : Number.isNaN(withAfter) ? 'FROZEN' : 'over goal';
    rows.push(
      `  ${scenario.name.padEnd(58)} ${ms(without)} ${ms(withIt)} ${ms(withoutAfter)} ${ms(withAfter)}   ${verdict}`,
    );
  }
  console.log(
    `\nLongest main-thread task under hostile input (Long Tasks API, median of ${RUNS} runs; 0 = none over 50 ms; goal < ${GOAL_MS} ms)`,
  );
  console.log(`  ${''.padEnd(58)} ${'whole load'.padStart(19)} ${'after the load event'.padStart(19)}`);
  const head = ['without', 'with ext.', 'without', 'with ext.'].map((h) => h.padStart(9)).join(' ');
  console.log(`  ${'page and input'.padEnd(58)} ${head}   (goal: after the load event, with the extension)`);
  for (const row of rows) console.log(row);
});
