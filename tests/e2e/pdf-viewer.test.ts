import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../utils/panel/click-guard';
import { seriousViolations } from '../support/axe';
import { waitForPanelFrame } from '../support/browser.mjs';
import { useExtensionSession } from '../support/extension-session';
import { useFreshPages } from '../support/fresh-pages';
import { painted } from '../support/page-text';
import { printDemoPdf, selectAcrossPageBreak, servePdf, viewerUrl } from '../support/pdf-viewer/demo-pdf';

const session = useExtensionSession();
const opened = useFreshPages(session);

let pdf: Uint8Array;
let served: Awaited<ReturnType<typeof servePdf>>;
beforeAll(async () => {
  pdf = await printDemoPdf(session.server.origin);
  served = await servePdf(pdf);
});
afterAll(async () => {
  await served?.close();
});

/** A tab of the test's own, closed after the test with the others. */
async function viewer(file?: string): Promise<Page> {
  const page = await opened('demo-article.html');
  await page.goto(viewerUrl(session.browser.extensionId, file));
  return page;
}

const panel = async (page: Page) =>
  (await waitForPanelFrame(page, session.browser.extensionId, 20_000)).getByRole('complementary', {
    name: 'Journal club',
  });

/** Waits until PDF.js has drawn the text layer of the first `count` pages. */
const textLayersDrawn = (page: Page, count: number) =>
  page.waitForFunction((n) => document.querySelectorAll('.page .textLayer .endOfContent').length >= n, count, {
    timeout: 20_000,
  });

describe('the PDF viewer', () => {
  it('opens a club article’s PDF from its address, shows the panel beside the pages, and passes axe', async () => {
    const page = await viewer(served.url);
    await (await panel(page)).getByRole('button', { name: 'Tie my selection to question 2' }).waitFor();
    await textLayersDrawn(page, 1);
    // Side by side: the pages end where the panel begins.
    const right = await page.evaluate(
      () => getComputedStyle(document.getElementById('viewerContainer') as Element).right,
    );
    expect(Number.parseFloat(right)).toBeGreaterThan(300);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('ties a passage running over a page break as one highlight, and finds it again after a reload', async () => {
    const page = await viewer(served.url);
    await (await panel(page)).getByRole('button', { name: 'Tie my selection to question 2' }).waitFor();
    await textLayersDrawn(page, 2);
    const selected = await selectAcrossPageBreak(page, 1);
    const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await toolbar.getByRole('button', { name: /^Tie to question 2/ }).click();
    await expect.poll(() => painted(page, 'jc-q1')).toHaveLength(1);
    // The text layer's line ends are <br>s, which a selection reads as line breaks and a range does not.
    const letters = (text: string | undefined) => text?.replace(/\s+/g, '');
    const [drawn] = await painted(page, 'jc-q1');
    expect(letters(drawn)).toBe(letters(selected));
    expect(await page.locator('.page[data-page-number="2"] .textLayer').textContent()).toContain(
      letters(selected)?.slice(-4),
    );

    await page.reload();
    await textLayersDrawn(page, 2);
    await expect.poll(() => painted(page, 'jc-q1'), { timeout: 15_000 }).toHaveLength(1);
    expect(letters((await painted(page, 'jc-q1'))[0])).toBe(letters(drawn));
  });

  it('gives a share link to the PDF’s own address, which opens the passage in the viewer', async () => {
    const page = await viewer(served.url);
    const frame = await waitForPanelFrame(page, session.browser.extensionId, 20_000);
    await frame.getByRole('button', { name: 'Tie my selection to question 2' }).waitFor();
    await textLayersDrawn(page, 2);
    // Copies count only on a panel visible for a moment (utils/panel/click-guard.ts), as a reader's would.
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await frame.getByRole('checkbox', { name: /instead of doi\.org/ }).check();
    await page.getByRole('heading', { level: 1 }).click(); // back to the viewer, where the keys select
    const selected = await selectAcrossPageBreak(page, 1);
    await page
      .getByRole('toolbar', { name: 'Highlight the selection' })
      .getByRole('button', { name: /^Tie to question 2/ })
      .click();
    await frame.getByRole('button', { name: 'Copy share link' }).click();
    const link = await frame.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link.startsWith(`${served.url}#jc=`)).toBe(true);

    const recipient = await opened('demo-article.html');
    await recipient.goto(link).catch(() => undefined);
    await expect
      .poll(() => recipient.url(), { timeout: 15_000 })
      .toMatch(/^chrome-extension:\/\/[^/]+\/pdf\.html\?file=/);
    const shared = (await waitForPanelFrame(recipient, session.browser.extensionId, 20_000)).getByRole('region', {
      name: 'Shared with you',
    });
    await shared.waitFor();
    await textLayersDrawn(recipient, 2);
    const letters = (text: string | undefined) => text?.replace(/\s+/g, '');
    await expect.poll(async () => letters((await painted(recipient, 'jc-shared'))[0])).toBe(letters(selected));
  });

  it('opens a local file from the file picker, with the same panel', async () => {
    const page = await viewer();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Open a PDF file/);
    await page.getByTestId('pdf-file-input').setInputFiles({
      name: 'albers-2020.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    await (await panel(page)).getByRole('button', { name: 'Tie my selection to question 2' }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('albers-2020.pdf');
  });

  it('says plainly when a file is not a PDF, and shows nothing of it', async () => {
    const page = await viewer();
    await page.getByTestId('pdf-file-input').setInputFiles({
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html>not a pdf</html>'),
    });
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('This file is not a PDF.');
    expect(await page.locator('.page').count()).toBe(0);
  });
});
