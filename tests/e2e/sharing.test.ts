import { readFile } from 'node:fs/promises';
import { chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../utils/panel/click-guard';
import { CHROMIUM, launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import { painted, passageInView, selectPassage } from '../support/page-text';
import { startFixtureServer } from '../support/server.mjs';

type Browser = Awaited<ReturnType<typeof launchWithExtension>>;
let sender: Browser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let shareUrl = '';

const PASSAGE = 'necessitates improved conceptual thinking';
const NOTE = 'Conceptual work first, then competencies.';

beforeAll(async () => {
  server = await startFixtureServer();
  sender = await launchWithExtension();
});
afterAll(async () => {
  await sender?.close();
  await server?.close();
});

const panelOf = async (page: Page, browser: Browser): Promise<Frame> => {
  const frame = await waitForPanelFrame(page, browser.extensionId);
  await frame.getByRole('complementary', { name: 'Journal club' }).waitFor();
  // Copies and saves count only on a panel visible for a moment (utils/panel/click-guard.ts), as a reader's would.
  await page.waitForTimeout(VISIBLE_FOR_MS + 200);
  return frame;
};

/** Selects `text` in the article (as a keyboard selection would) and ties it to question `n` with its key. */
async function tie(page: Page, text: string, n: number): Promise<void> {
  await selectPassage(page, text);
  await page.getByRole('toolbar', { name: 'Highlight the selection' }).waitFor();
  await page.keyboard.press(String(n));
}

describe('share links', () => {
  it('“Copy share link” copies the link and shows it in a read-only box, with what the recipient will see', async () => {
    const page = await sender.context.newPage();
    await page.goto(`${server.origin}/demo-article.html`);
    const panel = await panelOf(page, sender);
    // The test server is not doi.org: links point at this page instead (the panel's setting).
    await panel.getByRole('checkbox', { name: /instead of doi\.org/ }).check();
    await page.mouse.click(20, 300); // back to the article, where the keys tie the selection
    await tie(page, PASSAGE, 2);
    await panel.getByRole('textbox', { name: 'Note' }).fill(NOTE);
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('button', { name: 'Copy share link' }).click();
    const box = panel.getByRole('textbox', { name: 'Share link' });
    await box.waitFor();
    expect(await box.getAttribute('readonly')).not.toBeNull();
    shareUrl = await box.inputValue();
    expect(shareUrl).toMatch(new RegExp(`^${server.origin}/demo-article\\.html#jc=[A-Za-z0-9_-]+:~:text=`));
    expect(shareUrl.length).toBeLessThanOrEqual(1_500);
    expect(await panel.getByText(/opens the article at this passage/).count()).toBe(1);
    await page.close();
  });

  it('opens in a fresh profile with the extension: shared item shown and drawn, saved once, #jc= removed', async () => {
    const recipient = await launchWithExtension();
    try {
      const page = await recipient.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(shareUrl);
      const panel = await panelOf(page, recipient);
      const shared = panel.getByRole('region', { name: 'Shared with you' });
      await shared.waitFor();
      const text = await shared.textContent();
      expect(text).toContain(PASSAGE);
      expect(text).toContain(NOTE);
      expect(text).toContain('It’s classic for researchers to demand');
      await expect.poll(() => painted(page, 'jc-shared')).toEqual([PASSAGE]);
      await expect.poll(() => page.url()).toBe(`${server.origin}/demo-article.html`);
      // about:blank and the article: removing #jc= added no history entry.
      expect(await page.evaluate(() => history.length)).toBe(2);

      await shared.getByRole('button', { name: 'Save to my highlights' }).click();
      await shared.getByText('Saved to your highlights.').waitFor();
      await shared.getByRole('button', { name: 'Save to my highlights' }).click();
      await shared.getByText('Already in your highlights.').waitFor();
      const group = panel.getByRole('region', { name: /Question 2/ });
      await expect.poll(() => group.getByText(NOTE).count()).toBe(1);
      await expect.poll(() => painted(page, 'jc-q1')).toEqual([PASSAGE]);
      expect(errors).toEqual([]);
    } finally {
      await recipient.close();
    }
  });

  it('opens without the extension at the passage, highlighted by the browser', async () => {
    const plain = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await plain.newPage({ viewport: { width: 900, height: 300 } });
      await page.goto(shareUrl);
      await expect
        .poll(async () => (await page.evaluate(() => scrollY)) > 0 && passageInView(page, PASSAGE))
        .toBe(true);
    } finally {
      await plain.close();
    }
  });

  it('a corrupted #jc= payload shows a message in the panel and no error on the page', async () => {
    const recipient = await launchWithExtension();
    try {
      const page = await recipient.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}/demo-article.html#jc=1AbCdEf-not-a-payload`);
      const panel = await panelOf(page, recipient);
      const alert = panel.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/could not be read/);
      expect(await panel.getByRole('button', { name: 'Save to my highlights' }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await recipient.close();
    }
  });
});

describe('export and import', () => {
  it('exports Markdown and Web Annotations, and imports them into a fresh profile', async () => {
    const page = await sender.context.newPage();
    await page.goto(`${server.origin}/demo-article.html`);
    const panel = await panelOf(page, sender);
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name }).click()]);
      const path = await file.path();
      return { name: file.suggestedFilename(), path, text: await readFile(path, 'utf8') };
    };
    const markdown = await download('Download Markdown');
    expect(markdown.name).toMatch(/\.md$/);
    expect(markdown.text).toContain('conceptual thinking');
    expect(markdown.text).toContain(NOTE);
    const jsonld = await download('Download Web Annotations (JSON-LD)');
    expect(JSON.parse(jsonld.text)).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    await page.close();

    const fresh = await launchWithExtension();
    try {
      const freshPage = await fresh.context.newPage();
      await freshPage.goto(`${server.origin}/demo-article.html`);
      const freshPanel = await panelOf(freshPage, fresh);
      await freshPanel.locator('input[type=file]').setInputFiles(jsonld.path);
      const confirm = freshPanel.getByRole('group', { name: 'Import' });
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('1 new');
      await confirm.getByRole('button', { name: 'Import' }).click();
      await freshPanel.getByText('Imported 1 highlight.').waitFor();
      const group = freshPanel.getByRole('region', { name: /Question 2/ });
      await expect.poll(() => group.getByText(NOTE).count()).toBe(1);
      await expect.poll(() => painted(freshPage, 'jc-q1')).toEqual([PASSAGE]);
    } finally {
      await fresh.close();
    }
  });
});
