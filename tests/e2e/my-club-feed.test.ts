import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../utils/catalog/schema';
import { launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import { useExtensionSession } from '../support/extension-session';
import { type FeedServer, startFeedServer } from '../support/feeds';
import { REAL_PAGES } from '../support/real-pages.mjs';

/**
 * The organiser's catalog leaves the extension (issue 14): "My club" downloads the feed and the Markdown folder;
 * the folder, unzipped and built by the catalog command, gives the same feed; a reader in a fresh profile
 * subscribes to the downloaded feed (served on loopback) and gets the same panel on the real article.
 */
const PLOS = REAL_PAGES.find((page) => page.site === 'plos');
const PAGES = new URL('../../../shared/fixtures/pages/', import.meta.url);
const present = PLOS !== undefined && existsSync(new URL(PLOS.file, PAGES));
if (!present) console.warn(`Skipping the My club feed story: ${PAGES.pathname} is absent (see its README).`);

const QUESTION_2 = 'How strong is the agreement between yolk and serum antibodies?';
const ENTRY: CatalogEntry = {
  id: 'li-2019',
  dois: ['10.1371/journal.pone.0213978'],
  title: { en: 'Yolk antibodies for reticuloendotheliosis', fr: 'Anticorps du jaune d’œuf et réticuloendothéliose' },
  authors: ['Yang Li', 'Peng Zhao'],
  citation: 'Li, Y., & Zhao, P. (2019). Assessment on reticuloendotheliosis virus infection. PLOS ONE.',
  year: 2019,
  articleUrls: ['https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978'],
  club: { name: 'Poultry Health Journal Club', url: 'https://club.example/' },
  postUrl: 'https://club.example/posts/yolk',
  summary: 'Yolk antibodies can stand in for **serum** antibodies: "a cheaper check" # not a comment',
  commentary: { en: 'A cheaper way to check flocks.', fr: 'Une façon moins chère de surveiller les élevages.' },
  questions: [
    { id: 'q1', text: 'Would yolk sampling work in our own flocks?' },
    { id: 'q2', text: { en: QUESTION_2, fr: 'Le jaune et le sérum concordent-ils ?' } },
  ],
  meeting: '2027-01-15',
};

/** The extension APIs as an extension page sees them. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const session = useExtensionSession();
let scratch: string;
let feeds: FeedServer;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jc-my-club-feed-'));
  feeds = await startFeedServer();
});
afterAll(async () => {
  await feeds?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Clicks a download button and returns the file's bytes, as the browser saved them. */
async function download(page: Page, button: string): Promise<Buffer> {
  const saved = page.waitForEvent('download');
  await page.getByRole('region', { name: 'My club' }).getByRole('button', { name: button }).click();
  const file = await saved;
  const path = await file.path();
  return readFile(path);
}

describe.skipIf(!present)('My club’s catalog, downloaded', () => {
  it('builds from its Markdown folder into the same feed, which gives a fresh profile the same panel', {
    timeout: 120_000,
  }, async () => {
    const { context, extensionId } = session.browser;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    // Saved as the authoring page saves it (that page has its own story, tests/e2e/authoring-story.test.ts).
    const saved = await options.evaluate(
      (entry) => chrome.runtime.sendMessage({ type: 'my-club-save', entry, replaces: null, draftKey: null }),
      ENTRY,
    );
    expect(saved).toMatchObject({ ok: true });
    await options.reload();
    await options
      .getByRole('region', { name: 'My club' })
      .getByText('Yolk antibodies for reticuloendotheliosis')
      .waitFor();

    const feedBytes = await download(options, 'Download the feed (catalog.json)');
    const feed = JSON.parse(feedBytes.toString('utf8'));
    expect(feed.entries).toHaveLength(1);

    const zipPath = join(scratch, 'club-catalog.zip');
    await writeFile(zipPath, await download(options, 'Download the Markdown folder (.zip)'));
    execFileSync('python3', ['-m', 'zipfile', '-e', zipPath, scratch]);
    const built = join(scratch, 'built.json');
    execFileSync(
      'npx',
      ['tsx', 'utils/catalog/node-authoring/cli.ts', 'build', join(scratch, 'club-catalog'), '--out', built],
      {
        stdio: 'pipe',
      },
    );
    expect(await readFile(built, 'utf8')).toBe(feedBytes.toString('utf8'));

    // A reader in a fresh profile subscribes to the downloaded feed, served on loopback.
    feeds.json('/catalog.json', feed);
    const reader = await launchWithExtension();
    try {
      const page = await reader.context.newPage();
      await page.goto(`chrome-extension://${reader.extensionId}/options.html`);
      const url = `${feeds.origin}/catalog.json`;
      await page.getByRole('textbox', { name: 'Feed address' }).fill(url);
      await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 })
        .toBe(`Subscribed to ${url}. Up to date`);
      const article = await reader.context.newPage();
      await article.goto(`${session.server.origin}/shared/${PLOS?.file}`);
      const panel = (await waitForPanelFrame(article, reader.extensionId, 20_000)).getByRole('complementary', {
        name: 'Journal club',
      });
      await expect
        .poll(() => panel.getByRole('region', { name: /Question 2/ }).textContent(), { timeout: 20_000 })
        .toContain(QUESTION_2);
    } finally {
      await reader.close();
    }
  });
});
